using DeviceFirmware.Generators;
using System;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Nano
{
    /// <summary>
    /// The NFUnitTest project's compiled-in vectors (DeviceFirmware.NanoTests/Vectors/*.g.cs) are fresh, and what they
    /// expect holds on .NET, so a failure on the device is a device difference, not a wrong table.
    /// </summary>
    public class VectorTableTests
    {
        private static string Tsv => NanoRepo.Path("DeviceFirmware.Tests", "Vectors", "frames.tsv");

        [Fact]
        public void Golden_vector_table_is_fresh()
        {
            string expected = VectorTableGenerator.Generate(Tsv, P0TestData.VectorsProduct());
            (bool fresh, string message) = NanoRepo.CheckFresh("DeviceFirmware.NanoTests/Vectors/GoldenVectors.g.cs", expected);
            Assert.True(fresh, message);
        }

        [Fact]
        public void Vectors_product_table_is_fresh()
        {
            string expected = ProductSourceGenerator.Generate(P0TestData.VectorsProduct(), VectorTableGenerator.Namespace, "VectorsLampProduct", "DeviceFirmware.Tests/Vectors/vectors-product.json");
            (bool fresh, string message) = NanoRepo.CheckFresh("DeviceFirmware.NanoTests/Vectors/VectorsLampProduct.g.cs", expected);
            Assert.True(fresh, message);
        }

        private const string Table = "DeviceFirmware.NanoTests.Vectors.GoldenVectors";

        private static string[] Names => CommittedTables.Field<string[]>(Table, "Names");

        private static string[] P0 => CommittedTables.Field<string[]>(Table, "P0");

        [Fact]
        public void Every_row_decodes_and_reencodes_as_the_table_says()
        {
            string[] frames = CommittedTables.Field<string[]>(Table, "FrameHex");
            int[] commands = CommittedTables.Field<int[]>(Table, "Commands");
            int[] flags = CommittedTables.Field<int[]>(Table, "Flags");
            long[] sns = CommittedTables.Field<long[]>(Table, "Sn");
            string[] bodies = CommittedTables.Field<string[]>(Table, "BodyHex");
            Product lamp = CommittedTables.CreateProduct("DeviceFirmware.NanoTests.Vectors.VectorsLampProduct");
            Assert.True(P0TestData.VectorsProduct().SameAs(lamp));
            Assert.Equal(12, Names.Length);
            var reader = new FrameReader();
            for (int i = 0; i < Names.Length; i++)
            {
                byte[] frame = Convert.FromHexString(frames[i]);
                Assert.Equal(FrameError.None, reader.Decode(frame, 0, frame.Length));
                Assert.Equal(commands[i], reader.Command);
                Assert.Equal(flags[i], reader.Flags);
                if (sns[i] >= 0) Assert.Equal(sns[i], (long)reader.Sn);
                Assert.Equal(bodies[i], Convert.ToHexStringLower(frame, reader.BodyOffset, reader.BodyLength));

                // The device test's re-encoding, on .NET: everything after the command word, sn included, written back raw.
                int afterCommand = reader.BodyOffset - (sns[i] >= 0 ? 4 : 0);
                byte[] output = new byte[512];
                Assert.Equal(FrameError.None, FrameWriter.WriteRaw(output, 0, reader.Flags, reader.Command, frame, afterCommand, frame.Length - afterCommand, out int length));
                Assert.Equal(frames[i], Convert.ToHexStringLower(output, 0, length));
                Assert.NotEqual(FrameError.None, reader.Decode(frame, 0, frame.Length - 1));
                if (P0[i].Length > 0)
                {
                    byte[] body = Convert.FromHexString(bodies[i]);
                    Assert.Equal(P0[i], VectorTableGenerator.DescribeP0(lamp, body));
                }
            }
        }

        [Fact]
        public void Table_holds_both_decoded_and_refused_P0_bodies()
        {
            // The device test must see both outcomes, or it could pass by never decoding.
            Assert.Contains(P0, p => p.StartsWith("action ", StringComparison.Ordinal));
            Assert.Contains(P0, p => p.StartsWith("error ", StringComparison.Ordinal));
        }
    }
}
