using DeviceFirmware.Protocol.Text;

namespace DeviceFirmware.Protocol.Identity
{
    /// <summary>
    /// The M2M topics of docs/protocol.md §1. Builders allocate the topic string (the send path); parsers return
    /// offsets into the given topic and compare against the device's own DID in place (the receive path).
    /// </summary>
    public static class Topics
    {
        /// <summary>Topics from an App to a device start with this.</summary>
        public const string App2DevPrefix = "app2dev/";

        /// <summary>Topics from a device (or M2M) to Apps start with this.</summary>
        public const string Dev2AppPrefix = "dev2app/";

        /// <summary>M2M's answers to an App (a different frame layout, docs/protocol.md §6).</summary>
        public const string Ser2CliResPrefix = "ser2cli_res/";

        /// <summary><c>app2dev/&lt;DID&gt;/&lt;AppClientId&gt;</c>: a frame for a device from one App.</summary>
        public static string App2Dev(string did, string appClientId) => App2DevPrefix + did + "/" + appClientId;

        /// <summary><c>app2dev/&lt;DID&gt;/#</c>: what a device subscribes to.</summary>
        public static string DeviceSubscription(string did) => App2DevPrefix + did + "/#";

        /// <summary><c>dev2app/&lt;DID&gt;</c>: a broadcast to every App bound to the device.</summary>
        public static string Dev2App(string did) => Dev2AppPrefix + did;

        /// <summary><c>dev2app/&lt;DID&gt;/&lt;AppClientId&gt;</c>: a reply to one App.</summary>
        public static string Dev2App(string did, string appClientId) => Dev2AppPrefix + did + "/" + appClientId;

        /// <summary>
        /// The reply topic for an app2dev topic already accepted by <see cref="ParseApp2Dev(string,string,out int,out int)"/>:
        /// <c>dev2app/&lt;DID&gt;/&lt;AppClientId&gt;</c>, reusing the DID and AppClientId levels of <paramref name="app2DevTopic"/>.
        /// </summary>
        public static string ReplyTo(string app2DevTopic) => Dev2AppPrefix + app2DevTopic.Substring(App2DevPrefix.Length);

        /// <summary><c>ser2cli_res/&lt;AppClientId&gt;</c>: M2M's answers to one App.</summary>
        public static string Ser2CliRes(string appClientId) => Ser2CliResPrefix + appClientId;

        /// <summary>
        /// Parses <c>app2dev/&lt;DID&gt;/&lt;AppClientId&gt;</c> on a device: the DID must equal
        /// <paramref name="ownDid"/> (else <see cref="TopicError.OtherDid"/>) and the AppClientId must be valid.
        /// </summary>
        public static TopicError ParseApp2Dev(string topic, string ownDid, out int appClientIdStart, out int appClientIdLength)
        {
            TopicError error = ParseApp2Dev(topic, out int didStart, out int didLength, out appClientIdStart, out appClientIdLength);
            if (error != TopicError.None) return error;
            if (ownDid == null || didLength != ownDid.Length || !Ordinal.RegionEquals(topic, didStart, ownDid, 0, didLength)) return TopicError.OtherDid;
            return TopicError.None;
        }

        /// <summary>Parses <c>app2dev/&lt;DID&gt;/&lt;AppClientId&gt;</c> into the ranges of its DID and AppClientId.</summary>
        public static TopicError ParseApp2Dev(string topic, out int didStart, out int didLength, out int appClientIdStart, out int appClientIdLength)
        {
            TopicError error = ParseDidAndClient(topic, App2DevPrefix, out didStart, out didLength, out appClientIdStart, out appClientIdLength);
            if (error != TopicError.None) return error;
            return appClientIdStart < 0 ? TopicError.MissingAppClientId : TopicError.None;
        }

        /// <summary>
        /// Parses <c>dev2app/&lt;DID&gt;</c> (broadcast: <paramref name="appClientIdStart"/> is -1 and the length 0)
        /// or <c>dev2app/&lt;DID&gt;/&lt;AppClientId&gt;</c>.
        /// </summary>
        public static TopicError ParseDev2App(string topic, out int didStart, out int didLength, out int appClientIdStart, out int appClientIdLength) =>
            ParseDidAndClient(topic, Dev2AppPrefix, out didStart, out didLength, out appClientIdStart, out appClientIdLength);

        /// <summary>Parses <c>ser2cli_res/&lt;AppClientId&gt;</c>.</summary>
        public static TopicError ParseSer2CliRes(string topic, out int appClientIdStart, out int appClientIdLength)
        {
            appClientIdStart = appClientIdLength = 0;
            if (topic == null || topic.Length == 0) return TopicError.Empty;
            if (!StartsWith(topic, Ser2CliResPrefix)) return TopicError.WrongPrefix;
            int start = Ser2CliResPrefix.Length;
            if (topic.Length == start) return TopicError.MissingAppClientId;
            if (topic.IndexOf('/', start) >= 0) return TopicError.ExtraLevels;
            if (!AppClientId.IsValid(topic, start, topic.Length - start)) return TopicError.BadAppClientId;
            appClientIdStart = start;
            appClientIdLength = topic.Length - start;
            return TopicError.None;
        }

        private static TopicError ParseDidAndClient(string topic, string prefix, out int didStart, out int didLength, out int appClientIdStart, out int appClientIdLength)
        {
            didStart = didLength = appClientIdLength = 0;
            appClientIdStart = -1;
            if (topic == null || topic.Length == 0) return TopicError.Empty;
            if (!StartsWith(topic, prefix)) return TopicError.WrongPrefix;
            int start = prefix.Length;
            int slash = topic.IndexOf('/', start);
            int didEnd = slash < 0 ? topic.Length : slash;
            if (!Did.IsValid(topic, start, didEnd - start)) return TopicError.BadDid;
            didStart = start;
            didLength = didEnd - start;
            if (slash < 0) return TopicError.None;

            int clientStart = slash + 1;
            if (clientStart == topic.Length) return TopicError.MissingAppClientId;
            if (topic.IndexOf('/', clientStart) >= 0) return TopicError.ExtraLevels;
            if (!AppClientId.IsValid(topic, clientStart, topic.Length - clientStart)) return TopicError.BadAppClientId;
            appClientIdStart = clientStart;
            appClientIdLength = topic.Length - clientStart;
            return TopicError.None;
        }

        private static bool StartsWith(string text, string prefix) =>
            text.Length >= prefix.Length && Ordinal.RegionEquals(text, 0, prefix, 0, prefix.Length);
    }
}
