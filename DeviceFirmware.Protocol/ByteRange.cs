namespace DeviceFirmware.Protocol
{
    /// <summary>The one check of a (buffer, offset, count) argument triple, shared by every decoder and writer.</summary>
    public static class ByteRange
    {
        /// <summary>True when <paramref name="count"/> bytes at <paramref name="offset"/> lie inside <paramref name="buffer"/> (written without overflow).</summary>
        public static bool IsValid(byte[] buffer, int offset, int count) =>
            buffer != null && offset >= 0 && count >= 0 && offset <= buffer.Length - count;

        /// <summary>Like <see cref="IsValid"/>, but an empty range needs no buffer (optional bodies).</summary>
        public static bool IsValidOrEmpty(byte[] buffer, int offset, int count) =>
            count == 0 || IsValid(buffer, offset, count);
    }
}
