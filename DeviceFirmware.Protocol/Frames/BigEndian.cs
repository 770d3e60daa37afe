namespace DeviceFirmware.Protocol.Frames
{
    /// <summary>Big-endian reads and writes on byte arrays (nanoFramework has no BinaryPrimitives).</summary>
    public static class BigEndian
    {
        /// <summary>Reads a 16-bit unsigned value at <paramref name="offset"/>.</summary>
        public static ushort ReadUInt16(byte[] buffer, int offset) =>
            (ushort)((buffer[offset] << 8) | buffer[offset + 1]);

        /// <summary>Reads a 32-bit unsigned value at <paramref name="offset"/>.</summary>
        public static uint ReadUInt32(byte[] buffer, int offset) =>
            ((uint)buffer[offset] << 24) | ((uint)buffer[offset + 1] << 16) | ((uint)buffer[offset + 2] << 8) | buffer[offset + 3];

        /// <summary>Writes a 16-bit unsigned value at <paramref name="offset"/>.</summary>
        public static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)(value >> 8);
            buffer[offset + 1] = (byte)value;
        }

        /// <summary>Writes a 32-bit unsigned value at <paramref name="offset"/>.</summary>
        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }
    }
}
