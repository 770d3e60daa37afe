namespace DeviceFirmware.Protocol.Identity
{
    /// <summary>
    /// A device id as issued by GService. It becomes an MQTT client id and a topic level, so it must not
    /// be empty or hold <c>/</c>, <c>+</c>, <c>#</c>, NUL, other control characters or non-ASCII
    /// (docs/protocol.md §1; control characters and the 64-char cap are this project's choice).
    /// </summary>
    public static class Did
    {
        /// <summary>Longest DID accepted (Gizwits issues 22 characters; the cap keeps topics bounded).</summary>
        public const int MaxLength = 64;

        /// <summary>True when <paramref name="value"/> is a usable DID.</summary>
        public static bool IsValid(string value) => value != null && IsValid(value, 0, value.Length);

        /// <summary>True when the <paramref name="length"/> chars of <paramref name="text"/> at <paramref name="start"/> are a usable DID; allocates nothing.</summary>
        public static bool IsValid(string text, int start, int length)
        {
            if (text == null || start < 0 || length < 1 || length > MaxLength || start > text.Length - length) return false;
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (c <= 0x20 || c >= 0x7F || c == '/' || c == '+' || c == '#') return false;
            }

            return true;
        }
    }
}
