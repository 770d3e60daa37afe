namespace DeviceFirmware.Protocol.Identity
{
    /// <summary>Why a topic was not accepted.</summary>
    public enum TopicError
    {
        /// <summary>The topic is well formed.</summary>
        None = 0,

        /// <summary>No topic (null or empty).</summary>
        Empty,

        /// <summary>The topic does not start with the expected <c>app2dev/</c>, <c>dev2app/</c> or <c>ser2cli_res/</c>.</summary>
        WrongPrefix,

        /// <summary>The DID level is empty or not a valid DID.</summary>
        BadDid,

        /// <summary>The DID level is valid but not the device's own DID.</summary>
        OtherDid,

        /// <summary>A level that must hold an AppClientId is missing.</summary>
        MissingAppClientId,

        /// <summary>The AppClientId level fails validation (<c>usr</c> prefix, <c>[0-9a-zA-Z]</c>, ≤ 23).</summary>
        BadAppClientId,

        /// <summary>More levels than the topic has.</summary>
        ExtraLevels,
    }
}
