namespace DeviceFirmware.Core.Session
{
    /// <summary>Where the session is.</summary>
    public enum SessionState
    {
        /// <summary>Not started, or stopped.</summary>
        Stopped = 0,

        /// <summary>Waiting for the next attempt of the reconnect schedule.</summary>
        Waiting,

        /// <summary>A connect attempt is under way.</summary>
        Connecting,

        /// <summary>Connected and subscribed.</summary>
        Connected,
    }
}
