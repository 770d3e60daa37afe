using System;
using System.Linq;
using CsCheck;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Codec
{
    /// <summary>P0Message and P0Writer (and BitArea): round trips over random valid products and values, and decoder robustness on random bytes.</summary>
    public class CodecPropertyTests
    {
        private const int Iterations = 2000;

        [Fact]
        public void Status_round_trips()
        {
            RandomProducts.WithValues.Sample(t =>
            {
                (RandomProducts.Built b, DataPointValues values, _) = t;
                Product p = b.Product;
                byte[] buffer = new byte[p.MaxMessageSize + 2];
                Assert.Equal(P0Error.None, P0Writer.WriteStatus(values, P0Action.Report, buffer, 1, out int length));
                Assert.Equal(1 + p.FullStatusSize, length);

                var m = new P0Message(p);
                Assert.Equal(P0Error.None, m.Decode(buffer, 1, length));
                Assert.True(m.Flagged.All(f => f));
                Assert.True(RandomProducts.SameValues(values, m.Values, _ => true));

                byte[] again = new byte[length];
                Assert.Equal(P0Error.None, P0Writer.WriteStatus(m.Values, P0Action.Report, again, 0, out int length2));
                Assert.Equal(buffer.AsSpan(1, length).ToArray(), again.AsSpan(0, length2).ToArray());
            }, iter: Iterations, print: t => t.Built.ToString());
        }

        [Fact]
        public void Write_round_trips()
        {
            RandomProducts.WithValues.Sample(t =>
            {
                (RandomProducts.Built b, DataPointValues values, bool[] random) = t;
                Product p = b.Product;
                bool[] flags = random.Select((f, id) => f && id < p.WritableCount).ToArray();
                byte[] buffer = new byte[p.MaxMessageSize];
                Assert.Equal(P0Error.None, P0Writer.WriteWrite(values, flags, buffer, 0, out int length));
                Assert.Equal(1 + p.AttrFlagsSize + p.WritableSectionSize, length);

                var m = new P0Message(p);
                Assert.Equal(P0Error.None, m.Decode(buffer, 0, length));
                Assert.Equal(flags, m.Flagged);
                // attr_vals carries the whole writable section, so every writable value comes back.
                Assert.True(RandomProducts.SameValues(values, m.Values, id => id < p.WritableCount));

                byte[] again = new byte[length];
                Assert.Equal(P0Error.None, P0Writer.WriteWrite(m.Values, m.Flagged, again, 0, out _));
                Assert.Equal(buffer.AsSpan(0, length).ToArray(), again);
            }, iter: Iterations, print: t => t.Built.ToString());
        }

        [Theory]
        [InlineData(P0Action.VariableWrite)]
        [InlineData(P0Action.VariableRead)]
        [InlineData(P0Action.VariableReadReply)]
        [InlineData(P0Action.VariableReport)]
        public void Variable_round_trips(byte action)
        {
            RandomProducts.WithValues.Sample(t =>
            {
                (RandomProducts.Built b, DataPointValues values, bool[] random) = t;
                Product p = b.Product;
                bool[] flags = action == P0Action.VariableWrite ? random.Select((f, id) => f && id < p.WritableCount).ToArray() : random;
                byte[] buffer = new byte[p.MaxMessageSize];
                Assert.Equal(P0Error.None, P0Writer.WriteVariable(action, values, flags, buffer, 0, out int length));

                int bits = RandomProducts.Ids(flags).Where(id => p.Points[id].IsBitField).Sum(id => p.Points[id].Length);
                int bytes = RandomProducts.Ids(flags).Where(id => !p.Points[id].IsBitField).Sum(id => p.Points[id].Length);
                int expected = 1 + p.VariableFlagsSize + (action == P0Action.VariableRead ? 0 : ((bits + 7) / 8) + bytes);
                Assert.Equal(expected, length);

                var m = new P0Message(p);
                Assert.Equal(P0Error.None, m.Decode(buffer, 0, length));
                Assert.Equal(action, m.Action);
                Assert.Equal(flags, m.Flagged);
                if (action != P0Action.VariableRead) Assert.True(RandomProducts.SameValues(values, m.Values, id => flags[id]));

                byte[] again = new byte[length];
                Assert.Equal(P0Error.None, P0Writer.WriteVariable(action, m.Values, m.Flagged, again, 0, out _));
                Assert.Equal(buffer.AsSpan(0, length).ToArray(), again);
            }, iter: Iterations, print: t => t.Built.ToString());
        }

        [Fact]
        public void Random_bytes_never_throw()
        {
            Gen<byte> action = Gen.Frequency((3, Gen.OneOf<byte>(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x11, 0x12, 0x13, 0x14)), (1, Gen.Byte));
            var gen = Gen.Select(RandomProducts.Products, action, Gen.Byte.Array[0, 80], Gen.Int[-2, 4], Gen.Int[-2, 90]);
            gen.Sample((b, first, rest, offset, count) =>
            {
                byte[] data = new byte[rest.Length + 1];
                data[0] = first;
                rest.CopyTo(data, 1);
                var m = new P0Message(b.Product);
                // Once with the whole buffer, once with arbitrary (possibly invalid) offset/count.
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
                        Assert.Equal(m.Flagged.Count(f => f), m.FlaggedCount);
                        Assert.Equal(-1, m.ErrorPointId);
                    }
                }
            }, iter: 5 * Iterations);
        }

        [Fact]
        public void BitArea_round_trips()
        {
            var gen = Gen.Int[1, 9].SelectMany(size => Gen.Int[1, Math.Min(62, size * 8)].SelectMany(length =>
                Gen.Select(Gen.Const(size), Gen.Const(length), Gen.Int[0, (size * 8) - length], Gen.Int[0, 3], Gen.Long, Gen.Byte.Array[size + 6])));
            gen.Sample((size, length, bitOffset, offset, value, initial) =>
            {
                byte[] buffer = (byte[])initial.Clone();
                BitArea.Write(buffer, offset, size, bitOffset, length, value);
                long mask = (1L << length) - 1;
                Assert.Equal(value & mask, BitArea.Read(buffer, offset, size, bitOffset, length));

                // Big-endian bit numbering: bit k of the area is bit k%8 of byte (offset + size - 1 - k/8).
                for (int k = 0; k < size * 8; k++)
                {
                    int index = offset + size - 1 - (k / 8);
                    bool expected = k >= bitOffset && k < bitOffset + length
                        ? ((value >> (k - bitOffset)) & 1) != 0
                        : (initial[index] & (1 << (k % 8))) != 0;
                    Assert.Equal(expected, (buffer[index] & (1 << (k % 8))) != 0);
                    Assert.Equal(expected, BitArea.GetBit(buffer, offset, size, k));
                }

                // Nothing outside the area changes.
                for (int i = 0; i < buffer.Length; i++)
                {
                    if (i < offset || i >= offset + size) Assert.Equal(initial[i], buffer[i]);
                }
            }, iter: Iterations);
        }
    }
}
