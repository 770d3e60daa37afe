namespace DeviceFirmware.Core.Session
{
    /// <summary>
    /// The heartbeat and reconnect rules of docs/protocol.md §4, as numbers. The defaults are the protocol's;
    /// tests shorten <see cref="ReconnectStepMs"/> to run in seconds. Setters clamp to what the protocol allows.
    /// </summary>
    public sealed class SessionSettings
    {
        /// <summary>The longest keep-alive the server honours (it treats more as 600 s).</summary>
        public const int MaxKeepAliveSeconds = 600;

        /// <summary>The server drops a client that sends more than 60 PINGREQ in 180 s, so pings are at least 3 s apart.</summary>
        public const int MinPingIntervalMs = 3000;

        private int keepAliveSeconds = 120;
        private int pingIntervalMs = 60000;

        /// <summary>Keep-alive sent in CONNECT, 1..600 s (default 120, as GAgent).</summary>
        public int KeepAliveSeconds
        {
            get => keepAliveSeconds;
            set => keepAliveSeconds = value < 1 ? 1 : value > MaxKeepAliveSeconds ? MaxKeepAliveSeconds : value;
        }

        /// <summary>Time between PINGREQs (default 60 s; never under 3 s).</summary>
        public int PingIntervalMs
        {
            get => pingIntervalMs;
            set => pingIntervalMs = value < MinPingIntervalMs ? MinPingIntervalMs : value;
        }

        /// <summary>PINGRESPs missed in a row that mean the connection is dead (2).</summary>
        public int MaxMissedPings { get; set; } = 2;

        /// <summary>Added to the wait after each failed attempt (default 10 s).</summary>
        public int ReconnectStepMs { get; set; } = 10000;

        /// <summary>The longest wait between attempts (default 10 minutes).</summary>
        public int MaxReconnectWaitMs { get; set; } = 600000;

        /// <summary>How long one connect attempt may take before it is abandoned (default 30 s).</summary>
        public int ConnectTimeoutMs { get; set; } = 30000;
    }
}
