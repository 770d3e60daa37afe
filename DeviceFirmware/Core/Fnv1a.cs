namespace DeviceFirmware.Core
{
    /// <summary>
    /// 32-bit FNV-1a: cheap, no table, no allocation, and the same on both runtimes. The core uses it where it needs a
    /// fingerprint, not a secret: a request body in the repeat window, a DID for the reconnect spread.
    /// </summary>
    public static class Fnv1a
    {
        private const uint OffsetBasis = 2166136261;
        private const uint Prime = 16777619;

        /// <summary>The hash of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Of(byte[] data, int offset, int count)
        {
            uint hash = OffsetBasis;
            for (int i = 0; i < count; i++)
            {
                hash = unchecked((hash ^ data[offset + i]) * Prime);
            }

            return hash;
        }

        /// <summary>The hash of the UTF-16 code units of <paramref name="text"/>, each taken as one value.</summary>
        public static uint Of(string text)
        {
            uint hash = OffsetBasis;
            for (int i = 0; i < text.Length; i++)
            {
                hash = unchecked((hash ^ text[i]) * Prime);
            }

            return hash;
        }
    }
}
