namespace DeviceFirmware.Core.Hosting
{
    /// <summary>What a transport or a host's logger reports to the core, through <see cref="HostLoop"/>.</summary>
    public enum CoreEventKind
    {
        /// <summary>Nothing (an empty inbox).</summary>
        None = 0,

        /// <summary>A message arrived on <c>app2dev/&lt;DID&gt;/…</c>.</summary>
        Message = 1,

        /// <summary>The connect attempt succeeded (CONNACK accepted and SUBACK received).</summary>
        Connected = 2,

        /// <summary>The connect attempt failed.</summary>
        ConnectFailed = 3,

        /// <summary>The connection closed under us.</summary>
        ConnectionLost = 4,

        /// <summary>A PINGRESP arrived (or, on M2Mqtt, the connection answered the supervisor's ping).</summary>
        PingResponse = 5,

        /// <summary>A log from the host's own code, for the Apps (0x0012).</summary>
        Log = 6,
    }
}
