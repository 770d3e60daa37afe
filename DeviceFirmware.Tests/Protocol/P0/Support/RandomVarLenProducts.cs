using System;
using System.Linq;
using CsCheck;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Tests.Protocol.P0.Support
{
    /// <summary>
    /// CsCheck generators of valid var_len products: points of every section and data type with ids shuffled (so
    /// writable, read-only, alert and fault ids interleave) and positions that are random garbage (var_len does not
    /// use them), plus valid raw values for every point.
    /// </summary>
    internal static class RandomVarLenProducts
    {
        internal sealed record Spec(int Section, int Kind, int Size, int ByteOffset, int BitOffset, ulong A, ulong B, int Order);

        private static readonly double[] Ratios = { 1, 0.1, 0.5, 0.01 };
        private static readonly double[] Additions = { 0, -100, 5, -40 };

        public static readonly Gen<Spec> Specs = Gen.Select(
            Gen.Int[0, 3], Gen.Int[0, 5], Gen.Int[1, 8], Gen.Int[-5, 70000], Gen.Int[-5, 100], Gen.ULong, Gen.ULong, Gen.Int[0, 1000],
            (section, kind, size, byteOffset, bitOffset, a, b, order) => new Spec(section, kind, size, byteOffset, bitOffset, a, b, order));

        public static readonly Gen<Product> Products = Specs.Array[1, 40].Select(Build);

        /// <summary>A product, valid raw values for every point, and random flags.</summary>
        public static readonly Gen<(Product Product, DataPointValues Values, bool[] Flags)> WithValues = Products.SelectMany(p =>
            Gen.Select(Gen.ULong.Array[p.Points.Length], Gen.Byte.Array[p.BinaryStorageSize], Gen.Bool.Array[p.Points.Length],
                (u, binary, flags) => (p, Values(p, u, binary), flags)));

        public static Product Build(Spec[] specs)
        {
            // Ids in a random order regardless of section: the shape var_len exports have.
            int[] order = Enumerable.Range(0, specs.Length).OrderBy(i => specs[i].Order).ThenBy(i => i).ToArray();
            var points = new DataPoint[specs.Length];
            for (int id = 0; id < order.Length; id++)
            {
                Spec s = specs[order[id]];
                var dataType = (DataType)s.Kind;
                int len = dataType switch { DataType.Bool => 1, DataType.Enum => s.Size, DataType.UInt8 => 1, DataType.UInt16 => 2, DataType.UInt32 => 4, _ => s.Size * 17 };
                string[] enumValues = Array.Empty<string>();
                long min = 0, max = 0;
                if (dataType == DataType.Enum)
                {
                    enumValues = Enumerable.Range(0, 1 + (int)(s.A % (ulong)(1 << len))).Select(k => "v" + k).ToArray();
                }
                else if (dataType is DataType.UInt8 or DataType.UInt16 or DataType.UInt32)
                {
                    ulong largest = dataType == DataType.UInt8 ? 0xFFul : dataType == DataType.UInt16 ? 0xFFFFul : 0xFFFFFFFFul;
                    ulong lo = (s.A & 1) == 0 ? 0 : s.A % (largest + 1);
                    ulong hi = (s.A & 1) == 0 ? largest : lo + (s.B % (largest - lo + 1));
                    min = (long)lo;
                    max = (long)hi;
                }

                bool inBits = dataType is DataType.Bool or DataType.Enum;
                points[id] = new DataPoint(id, "p" + id, "Point " + id, (DataPointType)s.Section, dataType, s.ByteOffset, s.BitOffset, len, inBits,
                    enumValues, min, max, Ratios[(int)(s.B % 4)], Additions[(int)(s.A % 4)]);
            }

            // Listed in spec order (not id order), like an export that lists attrs any way.
            DataPoint[] listed = Enumerable.Range(0, specs.Length).Select(i => points[Array.IndexOf(order, i)]).ToArray();
            if (!Product.TryCreate("random var_len", "key", P0ProtocolType.VariableLength, listed, out Product product, out string error))
            {
                throw new InvalidOperationException("a valid random var_len product was refused: " + error);
            }

            return product;
        }

        public static string Describe(Product p) => string.Join(" | ", p.Points.Select(x =>
            $"{x.Id}:{x.Type}:{x.DataType}@{x.ByteOffset}.{x.BitOffset}x{x.Length}[{x.Min}..{x.Max}]e{x.EnumValues.Length}"));

        private static DataPointValues Values(Product product, ulong[] u, byte[] binary)
        {
            var values = new DataPointValues(product);
            binary.CopyTo(values.Binary, 0);
            foreach (DataPoint p in product.Points)
            {
                ulong r = u[p.Id];
                values.Set(p.Id, p.DataType switch
                {
                    DataType.Bool => (long)(r & 1),
                    DataType.Enum => (long)(r % (ulong)p.EnumValues.Length),
                    DataType.Binary => 0,
                    _ => p.Min + (long)(r % (ulong)(p.Max - p.Min + 1)),
                });
            }

            return values;
        }
    }
}
