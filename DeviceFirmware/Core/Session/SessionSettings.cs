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

        /// <summary>
        /// The server drops a client that sends more than 60 PINGREQ in 180 s. 3000 ms apart would put 61 in a closed 180 s
        /// window (at 0, 3, …, 180 s), so the floor is 3100 ms: 60 pings span 186 s, and the 100 ms per ping also absorbs
        /// network jitter that brings two PINGREQs closer together on the server's clock than they left ours.
        /// </summary>
        public const int MinPingIntervalMs = 3100;

        /// <summary>
        /// A connection lost sooner than this after it was made (default 60 s) counts as a failed attempt. What kicks a client
        /// right after CONNACK/SUBACK (an ACL, a second device logging in with the same DID, a broker refusing the session) does
        /// so within a second or two; 60 s is one default ping interval, so a connection that lived this long has proved itself
        /// with a PINGREQ/PINGRESP exchange, and one lost later (a cloud restart) is reconnected at once as the protocol says.
        /// </summary>
        public const int DefaultStableConnectionMs = 60000;

        private int keepAliveSeconds = 120;
        private int pingIntervalMs = 60000;

        /// <summary>Keep-alive sent in CONNECT, 1..600 s (default 120, as GAgent).</summary>
        public int KeepAliveSeconds
        {
            get => keepAliveSeconds;
            set => keepAliveSeconds = value < 1 ? 1 : value > MaxKeepAliveSeconds ? MaxKeepAliveSeconds : value;
        }

        /// <summary>Time between PINGREQs (default 60 s; never under <see cref="MinPingIntervalMs"/>).</summary>
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

        /// <summary>A connection lost before it lived this long (ms) counts as a failed attempt (default <see cref="DefaultStableConnectionMs"/>).</summary>
        public int StableConnectionMs { get; set; } = DefaultStableConnectionMs;

        /// <summary>How long one connect attempt may take before it is abandoned (default 30 s).</summary>
        public int ConnectTimeoutMs { get; set; } = 30000;
    }
}
