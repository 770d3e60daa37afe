namespace DeviceFirmware.Protocol.P0
{
    /// <summary>Big-endian unsigned numbers of 1, 2 or 4 bytes (uint8/16/32 data points).</summary>
    internal static class NumberField
    {
        public static long Read(byte[] buffer, int offset, int length)
        {
            long value = 0;
            for (int i = 0; i < length; i++)
            {
                value = (value << 8) | buffer[offset + i];
            }

            return value;
        }

        public static void Write(byte[] buffer, int offset, int length, long value)
        {
            for (int i = length - 1; i >= 0; i--)
            {
                buffer[offset + i] = (byte)value;
                value >>= 8;
            }
        }
    }
}
