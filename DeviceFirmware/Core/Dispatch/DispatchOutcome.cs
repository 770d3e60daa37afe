namespace DeviceFirmware.Core.Dispatch
{
    /// <summary>
    /// What the dispatcher did with one incoming message. Only <see cref="Handled"/> can change anything; a refused 0x0093
    /// is still answered with a 0x0094 carrying the unchanged status (see <see cref="Dispatcher.LastRefusal"/>).
    /// </summary>
    public enum DispatchOutcome
    {
        /// <summary>A command ran and was answered.</summary>
        Handled = 0,

        /// <summary>A repeated 0x0093 (same AppClientId, sn and body within the repeat window): answered again, not run again.</summary>
        Repeated,

        /// <summary>A command the device does not run (a reply frame from an App, an unexpected P0 action, a custom command without a handler or whose handler failed).</summary>
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
