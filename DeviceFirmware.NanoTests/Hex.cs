namespace DeviceFirmware.NanoTests
{
    /// <summary>Hex text to bytes and back (nanoFramework has no Convert.FromHexString).</summary>
    public static class Hex
    {
        /// <summary>Lower- or upper-case hex digits, no separators.</summary>
        public static byte[] Parse(string hex)
        {
            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)((Digit(hex[2 * i]) << 4) | Digit(hex[(2 * i) + 1]));
            return bytes;
        }

        /// <summary>Lower-case hex of <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        public static string Format(byte[] bytes, int offset, int count)
        {
            const string Digits = "0123456789abcdef";
            char[] text = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                text[2 * i] = Digits[bytes[offset + i] >> 4];
                text[(2 * i) + 1] = Digits[bytes[offset + i] & 0xF];
            }

            return new string(text);
        }

        private static int Digit(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return c - 'A' + 10;
        }
    }
}
