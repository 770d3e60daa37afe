namespace DeviceFirmware.Protocol.Text
{
    /// <summary>
    /// UTF-8 read and written by the codec itself: the device's mscorlib has no System.Text.Encoding, and
    /// the frame codec must write text straight into the frame without intermediate arrays. Strict per
    /// RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
    /// </summary>
    public static class Utf8
    {
        /// <summary>
        /// Checks that <paramref name="count"/> bytes at <paramref name="offset"/> are well-formed UTF-8.
        /// Returns -1 if they are, else the index (absolute, in <paramref name="buffer"/>) of the first bad byte.
        /// </summary>
        public static int FindInvalid(byte[] buffer, int offset, int count)
        {
            int i = offset;
            int end = offset + count;
            while (i < end)
            {
                int b0 = buffer[i];
                if (b0 < 0x80)
                {
                    i++;
                    continue;
                }

                int need;
                int lowest2nd = 0x80;
                int highest2nd = 0xBF;
                if (b0 >= 0xC2 && b0 <= 0xDF) need = 1;
                else if (b0 >= 0xE0 && b0 <= 0xEF)
                {
                    need = 2;
                    if (b0 == 0xE0) lowest2nd = 0xA0; // overlong
                    else if (b0 == 0xED) highest2nd = 0x9F; // surrogates
                }
                else if (b0 >= 0xF0 && b0 <= 0xF4)
                {
                    need = 3;
                    if (b0 == 0xF0) lowest2nd = 0x90; // overlong
                    else if (b0 == 0xF4) highest2nd = 0x8F; // above U+10FFFF
                }
                else return i;

                if (i + need >= end) return i;
                int b1 = buffer[i + 1];
                if (b1 < lowest2nd || b1 > highest2nd) return i + 1;
                for (int k = 2; k <= need; k++)
                {
                    int bk = buffer[i + k];
                    if ((bk & 0xC0) != 0x80) return i + k;
                }

                i += need + 1;
            }

            return -1;
        }

        /// <summary>Bytes that <paramref name="text"/> takes in UTF-8, or -1 if it holds a lone surrogate.</summary>
        public static int GetByteCount(string text)
        {
            return GetByteCount(text, 0, text.Length);
        }

        /// <summary>Bytes that <paramref name="length"/> chars of <paramref name="text"/> from <paramref name="start"/> take, or -1 on a lone surrogate.</summary>
        public static int GetByteCount(string text, int start, int length)
        {
            int bytes = 0;
            int end = start + length;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c < 0x80) bytes += 1;
                else if (c < 0x800) bytes += 2;
                else if (c >= 0xD800 && c <= 0xDBFF)
                {
                    if (i + 1 >= end || text[i + 1] < 0xDC00 || text[i + 1] > 0xDFFF) return -1;
                    bytes += 4;
                    i++;
                }
                else if (c >= 0xDC00 && c <= 0xDFFF) return -1;
                else bytes += 3;
            }

            return bytes;
        }

        /// <summary>
        /// How many chars from the start of <paramref name="text"/> fit into <paramref name="maxBytes"/> bytes
        /// of UTF-8 without splitting a character (a surrogate pair counts as one character). A lone
        /// surrogate ends the prefix.
        /// </summary>
        public static int FitPrefix(string text, int maxBytes)
        {
            int bytes = 0;
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                int size;
                int chars = 1;
                if (c < 0x80) size = 1;
                else if (c < 0x800) size = 2;
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    size = 4;
                    chars = 2;
                }
                else if (c >= 0xD800 && c <= 0xDFFF) return i;
                else size = 3;

                if (bytes + size > maxBytes) return i;
                bytes += size;
                i += chars;
            }

            return i;
        }

        /// <summary>
        /// Writes <paramref name="length"/> chars of <paramref name="text"/> from <paramref name="start"/> as UTF-8 at
        /// <paramref name="offset"/>. The caller has checked the space and the surrogates with <see cref="GetByteCount(string,int,int)"/>.
        /// Returns the bytes written.
        /// </summary>
        public static int Write(string text, int start, int length, byte[] buffer, int offset)
        {
            int o = offset;
            int end = start + length;
            for (int i = start; i < end; i++)
            {
                int size = EncodeChar(text, ref i, out uint packed);
                for (int k = size - 1; k >= 0; k--)
                {
                    buffer[o++] = (byte)(packed >> (8 * k));
                }
            }

            return o - offset;
        }

        /// <summary>
        /// Encodes the character at <paramref name="i"/> (advancing past the low half of a surrogate pair)
        /// into <paramref name="packed"/>, first byte highest; returns its byte count (1–4).
        /// </summary>
        private static int EncodeChar(string text, ref int i, out uint packed)
        {
            int c = text[i];
            if (c < 0x80)
            {
                packed = (uint)c;
                return 1;
            }

            if (c < 0x800)
            {
                packed = (uint)(((0xC0 | (c >> 6)) << 8) | (0x80 | (c & 0x3F)));
                return 2;
            }

            if (c >= 0xD800 && c <= 0xDBFF)
            {
                int cp = 0x10000 + ((c - 0xD800) << 10) + (text[++i] - 0xDC00);
                packed = ((uint)(0xF0 | (cp >> 18)) << 24) | ((uint)(0x80 | ((cp >> 12) & 0x3F)) << 16)
                    | ((uint)(0x80 | ((cp >> 6) & 0x3F)) << 8) | (uint)(0x80 | (cp & 0x3F));
                return 4;
            }

            packed = ((uint)(0xE0 | (c >> 12)) << 16) | ((uint)(0x80 | ((c >> 6) & 0x3F)) << 8) | (uint)(0x80 | (c & 0x3F));
            return 3;
        }

        /// <summary>
        /// Decodes well-formed UTF-8 (check it with <see cref="FindInvalid"/> first) into a new string.
        /// Allocates: for tools, logs and tests, not the receive path.
        /// </summary>
        public static string GetString(byte[] buffer, int offset, int count)
        {
            char[] chars = new char[count];
            int n = 0;
            int i = offset;
            int end = offset + count;
            while (i < end)
            {
                int b0 = buffer[i];
                if (b0 < 0x80)
                {
                    chars[n++] = (char)b0;
                    i++;
                }
                else if (b0 < 0xE0)
                {
                    chars[n++] = (char)(((b0 & 0x1F) << 6) | (buffer[i + 1] & 0x3F));
                    i += 2;
                }
                else if (b0 < 0xF0)
                {
                    chars[n++] = (char)(((b0 & 0x0F) << 12) | ((buffer[i + 1] & 0x3F) << 6) | (buffer[i + 2] & 0x3F));
                    i += 3;
                }
                else
                {
                    int cp = ((b0 & 0x07) << 18) | ((buffer[i + 1] & 0x3F) << 12) | ((buffer[i + 2] & 0x3F) << 6) | (buffer[i + 3] & 0x3F);
                    cp -= 0x10000;
                    chars[n++] = (char)(0xD800 + (cp >> 10));
                    chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
                    i += 4;
                }
            }

            return new string(chars, 0, n);
        }

        /// <summary>True when the bytes are exactly the UTF-8 of <paramref name="text"/>; allocates nothing.</summary>
        public static bool Equals(byte[] buffer, int offset, int count, string text)
        {
            if (text == null || GetByteCount(text) != count) return false;
            int o = offset;
            for (int i = 0; i < text.Length; i++)
            {
                int size = EncodeChar(text, ref i, out uint packed);
                for (int k = size - 1; k >= 0; k--)
                {
                    if (buffer[o++] != (byte)(packed >> (8 * k))) return false;
                }
            }

            return true;
        }
    }
}
