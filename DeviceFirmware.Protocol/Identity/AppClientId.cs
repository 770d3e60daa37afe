namespace DeviceFirmware.Protocol.Identity
{
    /// <summary>
    /// The App's MQTT client identifier (docs/protocol.md §1): starts with <c>usr</c>, only <c>[0-9a-zA-Z]</c>,
    /// at most 23 bytes. The device learns it from the last level of an app2dev topic.
    /// </summary>
    public static class AppClientId
    {
        /// <summary>Every AppClientId starts with this.</summary>
        public const string Prefix = "usr";

        /// <summary>Longest AppClientId in bytes (MQTT 3.1's client id limit).</summary>
        public const int MaxLength = 23;

        private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

        /// <summary>True when <paramref name="value"/> is a valid AppClientId.</summary>
        public static bool IsValid(string value) => value != null && IsValid(value, 0, value.Length);

        /// <summary>True when the <paramref name="length"/> chars of <paramref name="text"/> at <paramref name="start"/> are a valid AppClientId; allocates nothing.</summary>
        public static bool IsValid(string text, int start, int length)
        {
            if (text == null || start < 0 || length < Prefix.Length || length > MaxLength || start > text.Length - length) return false;
            if (text[start] != 'u' || text[start + 1] != 's' || text[start + 2] != 'r') return false;
            for (int i = start + Prefix.Length; i < start + length; i++)
            {
                if (!IsAlphanumeric(text[i])) return false;
            }

            return true;
        }

        /// <summary>A new random AppClientId of the full 23 characters (<c>usr</c> + 20 from <c>[0-9a-zA-Z]</c>).</summary>
        public static string NewRandom(System.Random random)
        {
            char[] chars = new char[MaxLength];
            chars[0] = 'u';
            chars[1] = 's';
            chars[2] = 'r';
            for (int i = Prefix.Length; i < MaxLength; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            return new string(chars);
        }

        private static bool IsAlphanumeric(char c) =>
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
