namespace DeviceFirmware.Protocol.P0
{
    /// <summary>
    /// Bit fields in a P0 bit area or flags field, read as a big-endian integer: bit 0 is the lowest bit of
    /// the area's last byte, bit 8 the lowest bit of the byte before it (docs/protocol.md §5).
    /// </summary>
    public static class BitArea
    {
        /// <summary>Reads bit <paramref name="bit"/> of the area of <paramref name="size"/> bytes at <paramref name="offset"/>.</summary>
        public static bool GetBit(byte[] buffer, int offset, int size, int bit) =>
            (buffer[offset + size - 1 - (bit >> 3)] & (1 << (bit & 7))) != 0;

        /// <summary>Sets or clears bit <paramref name="bit"/> of the area.</summary>
        public static void SetBit(byte[] buffer, int offset, int size, int bit, bool value)
        {
            int index = offset + size - 1 - (bit >> 3);
            int mask = 1 << (bit & 7);
            buffer[index] = value ? (byte)(buffer[index] | mask) : (byte)(buffer[index] & ~mask);
        }

        /// <summary>Reads the <paramref name="length"/>-bit field whose lowest bit is <paramref name="bitOffset"/>.</summary>
        public static long Read(byte[] buffer, int offset, int size, int bitOffset, int length)
        {
            long value = 0;
            for (int k = 0; k < length; k++)
            {
                if (GetBit(buffer, offset, size, bitOffset + k)) value |= 1L << k;
            }

            return value;
        }

        /// <summary>Writes the low <paramref name="length"/> bits of <paramref name="value"/> at <paramref name="bitOffset"/>.</summary>
        public static void Write(byte[] buffer, int offset, int size, int bitOffset, int length, long value)
        {
            for (int k = 0; k < length; k++)
            {
                SetBit(buffer, offset, size, bitOffset + k, ((value >> k) & 1) != 0);
            }
        }
    }
}
