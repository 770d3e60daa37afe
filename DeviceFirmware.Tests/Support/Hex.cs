using System;

namespace DeviceFirmware.Tests.Support
{
    /// <summary>Hex conversions for readable frame literals (spaces are ignored).</summary>
    internal static class Hex
    {
        public static byte[] Parse(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

        public static string Of(byte[] bytes, int offset, int count) => Convert.ToHexStringLower(bytes, offset, count);

        public static string Of(byte[] bytes) => Convert.ToHexStringLower(bytes);

        public static string Repeat(string hexByte, int count)
        {
            var sb = new System.Text.StringBuilder(hexByte.Length * count);
            for (int i = 0; i < count; i++) sb.Append(hexByte);
            return sb.ToString();
        }
    }
}
