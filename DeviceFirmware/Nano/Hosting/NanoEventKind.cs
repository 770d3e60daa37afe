namespace DeviceFirmware.Nano.Hosting
{
    /// <summary>What the M2Mqtt threads report to the firmware loop (the only thread that touches the core).</summary>
    public enum NanoEventKind
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

        /// <summary>The connection is alive at the supervisor's ping (see <c>M2MqttTransport.SendPing</c>).</summary>
        PingResponse = 5,
    }
}
