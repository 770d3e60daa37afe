namespace DeviceFirmware.Protocol.Identity
{
    /// <summary>The App's MQTT user name <c>2$&lt;appid&gt;$&lt;uid&gt;</c> (docs/protocol.md §1: appid 123, uid abc → <c>2$123$abc</c>).</summary>
    public static class AppUserName
    {
        /// <summary>The version prefix of the user name.</summary>
        public const string Prefix = "2$";

        /// <summary>Builds the user name; null if appid or uid is empty or holds <c>$</c>.</summary>
        public static string Build(string appId, string uid)
        {
            if (!IsPart(appId, 0, appId == null ? 0 : appId.Length) || !IsPart(uid, 0, uid == null ? 0 : uid.Length)) return null;
            return Prefix + appId + "$" + uid;
        }

        /// <summary>
        /// Splits a user name into appid and uid ranges without allocating. False unless it is exactly
        /// <c>2$</c>, a non-empty appid, <c>$</c>, a non-empty uid, with no further <c>$</c> and no control characters.
        /// </summary>
        public static bool TryParse(string userName, out int appIdStart, out int appIdLength, out int uidStart, out int uidLength)
        {
            appIdStart = appIdLength = uidStart = uidLength = 0;
            if (userName == null || userName.Length < Prefix.Length + 3 || userName[0] != '2' || userName[1] != '$') return false;
            int separator = userName.IndexOf('$', Prefix.Length);
            if (separator < 0) return false;
            appIdStart = Prefix.Length;
            appIdLength = separator - appIdStart;
            uidStart = separator + 1;
            uidLength = userName.Length - uidStart;
            return IsPart(userName, appIdStart, appIdLength) && IsPart(userName, uidStart, uidLength);
        }

        private static bool IsPart(string text, int start, int length)
        {
            if (text == null || length < 1) return false;
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (c == '$' || c < 0x20 || c == 0x7F) return false;
            }

            return true;
        }
    }
}
