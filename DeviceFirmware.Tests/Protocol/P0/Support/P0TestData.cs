using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using DeviceFirmware.Protocol.P0;

using DeviceFirmware.Tests.Support;

namespace DeviceFirmware.Tests.Protocol.P0.Support
{
    /// <summary>Shared helpers of the P0 tests: the repository root, the reference products, hex, product JSON.</summary>
    internal static class P0TestData
    {
        /// <summary>The directory holding DeviceFirmware.sln (<see cref="RepoPaths.Root"/>).</summary>
        public static string RepoRoot => RepoPaths.Root;

        public static Product GoKit() => ProductJson.Load(Path.Combine(RepoRoot, "hardware", "products", "gokit.json"));

        public static Product Switch() => ProductJson.Load(Path.Combine(RepoRoot, "hardware", "products", "two-relay-switch.json"));

        public static Product VectorsProduct() => ProductJson.Load(Path.Combine(RepoRoot, "DeviceFirmware.Tests", "Vectors", "vectors-product.json"));

        public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

        public static string ToHex(byte[] bytes, int offset, int count) => Convert.ToHexStringLower(bytes, offset, count);

        public static int Id(Product product, string name) => product.Find(name)?.Id ?? throw new InvalidOperationException("no data point " + name);

        /// <summary>Flags for the named points (all others false).</summary>
        public static bool[] Flags(Product product, params string[] names)
        {
            bool[] flags = new bool[product.Points.Length];
            foreach (string name in names) flags[Id(product, name)] = true;
            return flags;
        }

        /// <summary>The ids whose flag is set, for readable assertions.</summary>
        public static int[] FlaggedIds(bool[] flagged)
        {
            var ids = new List<int>();
            for (int i = 0; i < flagged.Length; i++)
            {
                if (flagged[i]) ids.Add(i);
            }

            return ids.ToArray();
        }

        /// <summary>A console-export product JSON around the given attrs (each already a JSON object).</summary>
        public static string ProductJsonText(params string[] attrs)
        {
            var sb = new StringBuilder();
            sb.Append("{\"name\":\"Test\",\"product_key\":\"k\",\"protocolType\":\"standard\",\"packetVersion\":\"0x00000004\",");
            sb.Append("\"entities\":[{\"id\":0,\"name\":\"entity0\",\"attrs\":[");
            sb.Append(string.Join(",", attrs));
            sb.Append("]}]}");
            return sb.ToString();
        }

        /// <summary>One attr of a console export; <paramref name="unit"/> "bit" or "byte"; uint_spec only when <paramref name="spec"/> is given.</summary>
        public static string Attr(int id, string name, string type, string dataType, int byteOffset, int bitOffset, int len, string unit,
            string enumList = "[]", string? spec = null)
        {
            string specPart = spec == null ? string.Empty : ",\"uint_spec\":" + spec;
            return string.Format(CultureInfo.InvariantCulture,
                "{{\"id\":{0},\"name\":\"{1}\",\"display_name\":\"{1}\",\"type\":\"{2}\",\"data_type\":\"{3}\",\"position\":{{\"byte_offset\":{4},\"bit_offset\":{5},\"len\":{6},\"unit\":\"{7}\"}},\"enum\":{8}{9}}}",
                id, name, type, dataType, byteOffset, bitOffset, len, unit, enumList, specPart);
        }

        public static string Spec(long min, long max, double ratio = 1, double addition = 0) =>
            string.Format(CultureInfo.InvariantCulture, "{{\"min\":{0},\"max\":{1},\"ratio\":{2},\"addition\":{3}}}", min, max, ratio, addition);

        /// <summary>A snapshot of every raw value and the binary storage, to compare before/after.</summary>
        public static string Snapshot(DataPointValues values)
        {
            var sb = new StringBuilder();
            for (int id = 0; id < values.Product.Points.Length; id++) sb.Append(values.Get(id)).Append(',');
            sb.Append(Convert.ToHexStringLower(values.Binary));
            return sb.ToString();
        }
    }
}
