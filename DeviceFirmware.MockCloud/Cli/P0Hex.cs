using System;
using System.Globalization;

namespace DeviceFirmware.MockCloud.Cli
{
    /// <summary>Hex text for the <c>gizctl p0</c> commands: lenient in, lowercase out.</summary>
    public static class P0Hex
    {
        /// <summary>
        /// Parses hex digits in any case; whitespace, <c>:</c> and <c>-</c> between them are ignored. False with a
        /// message for a non-hex character or an odd number of digits.
        /// </summary>
        public static bool TryParse(string text, out byte[] bytes, out string error)
        {
            ArgumentNullException.ThrowIfNull(text);
            bytes = Array.Empty<byte>();
            var digits = new char[text.Length];
            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c) || c == ':' || c == '-') continue;
                if (!Uri.IsHexDigit(c))
                {
                    error = $"'{c}' at position {i} is not a hex digit";
                    return false;
                }

                digits[count++] = c;
            }

            if (count % 2 != 0)
            {
                error = $"odd number of hex digits ({count})";
                return false;
            }

            bytes = new byte[count / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = byte.Parse(new string(digits, 2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }

            error = string.Empty;
            return true;
        }

        /// <summary>Lowercase hex of <paramref name="count"/> bytes at <paramref name="offset"/>, no separators.</summary>
        public static string Format(byte[] bytes, int offset, int count) => Convert.ToHexStringLower(bytes, offset, count);
    }
}
