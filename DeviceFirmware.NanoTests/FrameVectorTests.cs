using DeviceFirmware.NanoTests.Vectors;
using DeviceFirmware.Protocol.Frames;
using nanoFramework.TestFramework;

namespace DeviceFirmware.NanoTests
{
    /// <summary>The golden frames (frames.tsv, compiled in as GoldenVectors) decode and re-encode on the device as on .NET.</summary>
    [TestClass]
    public class FrameVectorTests
    {
        [TestMethod]
        public void EveryGoldenFrameDecodesToItsColumns()
        {
            Assert.IsTrue(GoldenVectors.Names.Length == 12, "12 golden frames compiled in");
            FrameReader reader = new FrameReader();
            for (int i = 0; i < GoldenVectors.Names.Length; i++)
            {
                string name = GoldenVectors.Names[i];
                byte[] frame = Hex.Parse(GoldenVectors.FrameHex[i]);
                Assert.IsTrue(reader.Decode(frame, 0, frame.Length) == FrameError.None, name + ": decodes");
                Assert.IsTrue(reader.Command == GoldenVectors.Commands[i], name + ": command");
                Assert.IsTrue(reader.Flags == GoldenVectors.Flags[i], name + ": flags");
                if (GoldenVectors.Sn[i] >= 0) Assert.IsTrue((long)reader.Sn == GoldenVectors.Sn[i], name + ": sn");
                Assert.IsTrue(Hex.Format(frame, reader.BodyOffset, reader.BodyLength) == GoldenVectors.BodyHex[i], name + ": body");
            }
        }

        [TestMethod]
        public void EveryGoldenFrameReencodesByteForByte()
        {
            FrameReader reader = new FrameReader();
            byte[] output = new byte[512];
            for (int i = 0; i < GoldenVectors.Names.Length; i++)
            {
                string name = GoldenVectors.Names[i];
                byte[] frame = Hex.Parse(GoldenVectors.FrameHex[i]);
                Assert.IsTrue(reader.Decode(frame, 0, frame.Length) == FrameError.None, name + ": decodes");

                // Everything after the command word is the body, with the sn in front for 0x0093/0x0094.
                int afterCommand = reader.BodyOffset - (GoldenVectors.Sn[i] >= 0 ? 4 : 0);
                FrameError error = FrameWriter.WriteRaw(output, 0, reader.Flags, reader.Command, frame, afterCommand, frame.Length - afterCommand, out int length);
                Assert.IsTrue(error == FrameError.None, name + ": encodes");
                Assert.IsTrue(Hex.Format(output, 0, length) == GoldenVectors.FrameHex[i], name + ": same bytes");
            }
        }

        [TestMethod]
        public void ATruncatedFrameIsRefusedWithoutThrowing()
        {
            FrameReader reader = new FrameReader();
            for (int i = 0; i < GoldenVectors.Names.Length; i++)
            {
                byte[] frame = Hex.Parse(GoldenVectors.FrameHex[i]);
                Assert.IsTrue(reader.Decode(frame, 0, frame.Length - 1) != FrameError.None, GoldenVectors.Names[i] + ": one byte short is an error");
            }
        }
    }
}
