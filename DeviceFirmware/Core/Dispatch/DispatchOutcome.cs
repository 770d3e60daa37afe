namespace DeviceFirmware.Core.Dispatch
{
    /// <summary>What the dispatcher did with one incoming message. Every outcome but the first three changed nothing.</summary>
    public enum DispatchOutcome
    {
        /// <summary>A command ran and was answered.</summary>
        Handled = 0,

        /// <summary>A repeated 0x0093 (same AppClientId and sn): answered again, not run again.</summary>
        Repeated,

        /// <summary>A command the device has nothing to answer to (e.g. a reply frame from an App); ignored.</summary>
        Ignored,

        /// <summary>A retained message: never acted on.</summary>
        Retained,

        /// <summary>The topic is not <c>app2dev/&lt;DID&gt;/&lt;AppClientId&gt;</c>.</summary>
        BadTopic,

        /// <summary>The topic is for another DID.</summary>
        OtherDid,

        /// <summary>The AppClientId in the topic fails validation.</summary>
        BadAppClientId,

        /// <summary>The frame is malformed (see <see cref="Dispatcher.LastFrameError"/>).</summary>
        MalformedFrame,

        /// <summary>The P0 business data is refused (see <see cref="Dispatcher.LastP0Error"/>); nothing was applied.</summary>
        RefusedBusinessData,
    }
}
