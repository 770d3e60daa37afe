namespace DeviceFirmware.Protocol.Text
{
    /// <summary>Ordinal string comparisons that nanoFramework's mscorlib lacks (it has no string.CompareOrdinal).</summary>
    public static class Ordinal
    {
        /// <summary>
        /// True when <paramref name="length"/> chars of <paramref name="a"/> from <paramref name="aStart"/> equal those of
        /// <paramref name="b"/> from <paramref name="bStart"/>, char by char. Callers check that both ranges lie inside their strings.
        /// </summary>
        public static bool RegionEquals(string a, int aStart, string b, int bStart, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (a[aStart + i] != b[bStart + i]) return false;
            }

            return true;
        }
    }
}
