using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DeviceFirmware.MockCloud.Cli
{
    /// <summary>
    /// Turns the HEX text of the command line into bytes, and bytes into lowercase hex. Digits may be in
    /// any case; bytes may be separated by spaces, tabs or colons; the whole text may start with <c>0x</c>.
    /// A separator inside a byte (<c>0 0</c>) is an error, so that a dropped digit is never silently
    /// re-paired with the next byte's.
    /// </summary>
    internal static class HexParser
    {
        /// <summary>
        /// Parses <paramref name="text"/>. On failure returns false and a one-line message in
        /// <paramref name="error"/> (without the <c>error: </c> prefix); positions count from 0 in the text.
        /// </summary>
        public static bool TryParse(string? text, out byte[] bytes, out string error)
        {
            bytes = Array.Empty<byte>();
            error = string.Empty;
            if (text == null)
            {
                error = "HEX is empty";
                return false;
            }

            int start = 0;
            while (start < text.Length && IsSeparator(text[start])) start++;
            if (start + 1 < text.Length && text[start] == '0' && (text[start + 1] == 'x' || text[start + 1] == 'X')) start += 2;

            // Collect the digits with their positions in the text.
            List<int> positions = new List<int>(text.Length);
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (IsSeparator(c))
                {
                    if (positions.Count % 2 != 0)
                    {
                        error = $"separator at position {i} splits a byte";
                        return false;
                    }

                    continue;
                }

                positions.Add(i);
            }

            if (positions.Count == 0)
            {
                error = "HEX is empty";
                return false;
            }

            for (int k = 0; k < positions.Count; k++)
            {
                if (HexValue(text[positions[k]]) < 0)
                {
                    int first = k - (k % 2);
                    string pair = first + 1 < positions.Count
                        ? string.Concat(text[positions[first]], text[positions[first + 1]])
                        : text[positions[first]].ToString();
                    error = $"'{pair}' at position {positions[first]} is not hex";
                    return false;
                }
            }

            if (positions.Count % 2 != 0)
            {
                error = "HEX has an odd number of digits";
                return false;
            }

            bytes = new byte[positions.Count / 2];
            for (int b = 0; b < bytes.Length; b++)
            {
                bytes[b] = (byte)((HexValue(text[positions[2 * b]]) << 4) | HexValue(text[positions[(2 * b) + 1]]));
            }

            return true;
        }

        /// <summary>Lowercase hex of <paramref name="count"/> bytes at <paramref name="offset"/>, no separators.</summary>
        public static string ToHex(byte[] buffer, int offset, int count) =>
            Convert.ToHexStringLower(buffer, offset, count);

        /// <summary>
        /// Parses a number given as decimal or as hex with a <c>0x</c> prefix (<c>147</c>, <c>0x0093</c>), at most
        /// <paramref name="max"/>. On failure returns false and a message naming <paramref name="what"/>.
        /// </summary>
        public static bool TryParseNumber(string text, string what, uint max, out uint value, out string error)
        {
            value = 0;
            error = string.Empty;
            string t = text.Trim();
            bool hex = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
            ReadOnlySpan<char> digits = hex ? t.AsSpan(2) : t.AsSpan();
            bool ok = hex
                ? UInt128.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out UInt128 wide)
                : UInt128.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out wide);
            if (!ok)
            {
                error = $"{what} '{text}' is not a number (decimal, or hex with 0x)";
                return false;
            }

            if (wide > max)
            {
                error = $"{what} {text} is out of range (0 to {max.ToString(CultureInfo.InvariantCulture)})";
                return false;
            }

            value = (uint)wide;
            return true;
        }

        private static bool IsSeparator(char c) => c == ' ' || c == ':' || c == '\t' || c == '\r' || c == '\n';

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
