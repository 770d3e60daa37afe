using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Tests.Protocol.P0.Support
{
    /// <summary>
    /// CsCheck generators of VALID products, laid out by the rules of docs/protocol.md §5, and of valid values.
    /// Each point is a random spec (section, data type, size, gap before it, range seeds, ratio/addition,
    /// id order); <see cref="Build"/> places it: bit points back to back (with gaps) in the section's bit area at
    /// the section start, byte points (with gaps) after the bit area, sections in order.
    /// </summary>
    internal static class RandomProducts
    {
        internal sealed record Spec(int Section, int Kind, int Size, int Gap, ulong A, ulong B, int RatioIndex, int AdditionIndex, int Order);

        /// <summary>A product with the layout the generator expected (section starts/sizes, bit areas, full status size).</summary>
        internal sealed record Built(Product Product, int[] SectionStart, int[] SectionSize, int[] BitArea, int FullStatus)
        {
            public override string ToString() => string.Join(" | ", Product.Points.Select(p =>
                $"{p.Id}:{p.Name}:{p.Type}:{p.DataType}@{p.ByteOffset}.{p.BitOffset}x{p.Length}[{p.Min}..{p.Max}]e{p.EnumValues.Length}"));
        }

        private static readonly double[] Ratios = { 1, 0.1, 0.5, 2 };
        private static readonly double[] Additions = { 0, -40, -5, 100 };

        public static readonly Gen<Spec> Specs = Gen.Select(
            Gen.Int[0, 3], Gen.Int[0, 5], Gen.Int[1, 8], Gen.Int[0, 2], Gen.ULong, Gen.ULong, Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 1000],
            (section, kind, size, gap, a, b, ratio, addition, order) => new Spec(section, kind, size, gap, a, b, ratio, addition, order));

        public static readonly Gen<Built> Products = Specs.Array[1, 24].Select(Build);

        /// <summary>A product and valid raw values for every point.</summary>
        public static readonly Gen<(Built Built, DataPointValues Values, bool[] Flags)> WithValues = Products.SelectMany(b =>
        {
            int n = b.Product.Points.Length;
            return Gen.Select(Gen.ULong.Array[n], Gen.Byte.Array[b.Product.BinaryStorageSize], Gen.Bool.Array[n],
                (u, binary, flags) => (b, MakeValues(b.Product, u, binary), flags));
        });

        public static Built Build(Spec[] specs)
        {
            // Ids: writable points take 0..W-1, the rest W..N-1, each in a random order (Spec.Order).
            var indexed = specs.Select((s, i) => (s, i)).ToArray();
            var idOrder = indexed.Where(x => x.s.Section == 0).OrderBy(x => x.s.Order).ThenBy(x => x.i)
                .Concat(indexed.Where(x => x.s.Section != 0).OrderBy(x => x.s.Order).ThenBy(x => x.i)).ToArray();
            var id = new int[specs.Length];
            for (int k = 0; k < idOrder.Length; k++) id[idOrder[k].i] = k;

            var points = new DataPoint[specs.Length];
            int[] start = new int[4], size = new int[4], bitArea = new int[4];
            int cursor = 0;
            for (int section = 0; section < 4; section++)
            {
                start[section] = cursor;
                int bitCursor = 0;
                foreach ((Spec s, int i) in indexed.Where(x => x.s.Section == section && x.s.Kind <= 1))
                {
                    bitCursor += s.Gap;
                    int len = s.Kind == 0 ? 1 : s.Size;
                    points[i] = Point(id[i], s, cursor, bitCursor, len);
                    bitCursor += len;
                }

                bitArea[section] = (bitCursor + 7) / 8;
                int byteCursor = cursor + bitArea[section];
                foreach ((Spec s, int i) in indexed.Where(x => x.s.Section == section && x.s.Kind >= 2))
                {
                    byteCursor += s.Gap;
                    int len = s.Kind switch { 2 => 1, 3 => 2, 4 => 4, _ => s.Size };
                    points[i] = Point(id[i], s, byteCursor, 0, len);
                    byteCursor += len;
                }

                size[section] = byteCursor - cursor;
                cursor = byteCursor;
            }

            if (!Product.TryCreate("random", "key", points, out Product product, out string error))
            {
                throw new InvalidOperationException("a valid random product was refused: " + error);
            }

            return new Built(product, start, size, bitArea, cursor);
        }

        private static DataPoint Point(int id, Spec s, int byteOffset, int bitOffset, int len)
        {
            var type = (DataPointType)s.Section;
            var dataType = (DataType)s.Kind;
            string[] enumValues = Array.Empty<string>();
            long min = 0, max = 0;
            if (dataType == DataType.Enum)
            {
                int count = 1 + (int)(s.A % (ulong)(1 << len));
                enumValues = Enumerable.Range(0, count).Select(k => "v" + k).ToArray();
            }
            else if (dataType is DataType.UInt8 or DataType.UInt16 or DataType.UInt32)
            {
                ulong largest = dataType == DataType.UInt8 ? 0xFFul : dataType == DataType.UInt16 ? 0xFFFFul : 0xFFFFFFFFul;
                ulong lo = s.A % (largest + 1);
                ulong hi = lo + (s.B % (largest - lo + 1));
                // Half the time use the whole range, so that 0 and the largest value occur.
                if ((s.A & 1) == 0) { lo = 0; hi = largest; }
                min = (long)lo;
                max = (long)hi;
            }

            bool inBits = dataType is DataType.Bool or DataType.Enum;
            return new DataPoint(id, "p" + id, "Point " + id, type, dataType, byteOffset, bitOffset, len, inBits, enumValues,
                min, max, Ratios[s.RatioIndex], Additions[s.AdditionIndex]);
        }

        private static DataPointValues MakeValues(Product product, ulong[] u, byte[] binary)
        {
            var values = new DataPointValues(product);
            binary.CopyTo(values.Binary, 0);
            foreach (DataPoint p in product.Points)
            {
                ulong r = u[p.Id];
                long raw = p.DataType switch
                {
                    DataType.Bool => (long)(r & 1),
                    DataType.Enum => (long)(r % (ulong)p.EnumValues.Length),
                    DataType.Binary => 0,
                    _ => p.Min + (long)(r % (ulong)(p.Max - p.Min + 1)),
                };
                values.Set(p.Id, raw);
            }

            return values;
        }

        /// <summary>True when the flagged points of <paramref name="a"/> and <paramref name="b"/> hold the same values.</summary>
        public static bool SameValues(DataPointValues a, DataPointValues b, Func<int, bool> which)
        {
            foreach (DataPoint p in a.Product.Points)
            {
                if (!which(p.Id)) continue;
                if (p.DataType == DataType.Binary)
                {
                    if (!a.Binary.AsSpan(a.BinaryOffset(p.Id), p.Length).SequenceEqual(b.Binary.AsSpan(b.BinaryOffset(p.Id), p.Length))) return false;
                }
                else if (a.Get(p.Id) != b.Get(p.Id))
                {
                    return false;
                }
            }

            return true;
        }

        public static IEnumerable<int> Ids(bool[] flags) => Enumerable.Range(0, flags.Length).Where(i => flags[i]);
    }
}
