using System;
using System.Linq;
using CsCheck;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.VarLen
{
    /// <summary>Round trips and robustness over random var_len products (interleaved ids, garbage positions).</summary>
    public class VarLenPropertyTests
    {
        private const int Iterations = 1000;

        [Fact]
        public void Random_var_len_products_are_accepted_with_flags_over_all_ids()
        {
            RandomVarLenProducts.Products.Sample(p =>
            {
                Assert.True(p.IsVariableLength);
                Assert.Equal((p.Points.Length + 7) / 8, p.VariableFlagsSize);
                Assert.Equal(p.Points.Count(x => x.Type == DataPointType.Writable), p.WritableCount);
                int bits = p.Points.Where(x => x.IsBitField).Sum(x => x.Length);
                int bytes = p.Points.Where(x => !x.IsBitField).Sum(x => x.Length);
                Assert.Equal(1 + p.VariableFlagsSize + ((bits + 7) / 8) + bytes, p.MaxMessageSize);
                for (int i = 0; i < p.Points.Length; i++) Assert.Equal(i, p.Points[i].Id);
            }, iter: Iterations, print: RandomVarLenProducts.Describe);
        }

        [Theory]
        [InlineData(P0Action.VariableWrite)]
        [InlineData(P0Action.VariableRead)]
        [InlineData(P0Action.VariableReadReply)]
        [InlineData(P0Action.VariableReport)]
        public void Encode_decode_round_trips(byte action)
        {
            RandomVarLenProducts.WithValues.Sample(t =>
            {
                (Product p, DataPointValues values, bool[] random) = t;
                bool[] flags = action == P0Action.VariableWrite ? random.Select((f, id) => f && p.Points[id].Type == DataPointType.Writable).ToArray() : random;
                byte[] buffer = new byte[p.MaxMessageSize];
                Assert.Equal(P0Error.None, P0Writer.WriteVariable(action, values, flags, buffer, 0, out int length));

                var m = new P0Message(p);
                Assert.Equal(P0Error.None, m.Decode(buffer, 0, length));
                Assert.Equal(action, m.Action);
                Assert.Equal(flags, m.Flagged);
                if (action != P0Action.VariableRead) Assert.True(RandomProducts.SameValues(values, m.Values, id => flags[id]));

                byte[] again = new byte[length];
                Assert.Equal(P0Error.None, P0Writer.WriteVariable(action, m.Values, m.Flagged, again, 0, out int length2));
                Assert.Equal(length, length2);
                Assert.Equal(buffer.AsSpan(0, length).ToArray(), again);
            }, iter: Iterations, print: t => RandomVarLenProducts.Describe(t.Item1));
        }

        [Fact]
        public void A_write_flagging_any_non_writable_point_is_NotWritable_naming_the_first()
        {
            RandomVarLenProducts.WithValues.Sample(t =>
            {
                (Product p, DataPointValues values, bool[] flags) = t;
                int first = Enumerable.Range(0, flags.Length).FirstOrDefault(id => flags[id] && p.Points[id].Type != DataPointType.Writable, -1);
                if (first < 0) return;

                byte[] buffer = new byte[p.MaxMessageSize];
                Assert.Equal(P0Error.NotWritable, P0Writer.WriteVariable(P0Action.VariableWrite, values, flags, buffer, 0, out int refused));
                Assert.Equal(0, refused);

                // The same flags and values as a report, relabelled 0x11: the decoder refuses at the first non-writable id.
                Assert.Equal(P0Error.None, P0Writer.WriteVariable(P0Action.VariableReport, values, flags, buffer, 0, out int length));
                buffer[0] = P0Action.VariableWrite;
                var m = new P0Message(p);
                Assert.Equal(P0Error.NotWritable, m.Decode(buffer, 0, length));
                Assert.Equal(first, m.ErrorPointId);
                Assert.Equal(0, m.FlaggedCount);
            }, iter: Iterations, print: t => RandomVarLenProducts.Describe(t.Item1));
        }

        [Fact]
        public void Random_bytes_never_throw()
        {
            Gen<byte> action = Gen.Frequency((4, Gen.OneOf<byte>(0x01, 0x02, 0x03, 0x04, 0x05, 0x11, 0x12, 0x13, 0x14)), (1, Gen.Byte));
            var gen = Gen.Select(RandomVarLenProducts.Products, action, Gen.Byte.Array[0, 120], Gen.Int[-2, 4], Gen.Int[-2, 130]);
            gen.Sample((p, first, rest, offset, count) =>
            {
                byte[] data = new byte[rest.Length + 1];
                data[0] = first;
                rest.CopyTo(data, 1);
                var m = new P0Message(p);
                foreach ((int o, int c) in new[] { (0, data.Length), (offset, count) })
                {
                    P0Error error = m.Decode(data, o, c);
                    if (error != P0Error.None)
                    {
                        Assert.All(m.Flagged, Assert.False);
                        Assert.Equal(0, m.FlaggedCount);
                    }
                    else
                    {
                        Assert.True(data[o] is 0x05 or 0x06 or (>= 0x11 and <= 0x14), "a var_len product accepts only 0x05/0x06 and 0x11-0x14");
                        Assert.Equal(m.Flagged.Count(f => f), m.FlaggedCount);
                    }
                }
            }, iter: 5 * Iterations);
        }
    }
}
