namespace DeviceFirmware.Core.Messaging
{
    /// <summary>
    /// The MQTT client seam (MQTTnet on .NET, M2Mqtt on nanoFramework). The core decides when to connect, ping and
    /// drop (the session supervisor); the transport only does it and reports back, from any of its threads, to
    /// <see cref="Hosting.ITransportEvents"/> (the host loop, which hands each event to the core). The core calls these
    /// members from whichever thread holds it; no call blocks for longer than handing the work to the network stack.
    /// </summary>
    public interface IMqttTransport : IMessageSink
    {
        /// <summary>
        /// Starts a connect attempt: CONNECT (clean session, the given keep-alive), then SUBSCRIBE
        /// <paramref name="subscribeTopic"/> at QoS 0. Success or failure is reported later.
        /// </summary>
        void BeginConnect(string clientId, string userName, string password, int keepAliveSeconds, string subscribeTopic);

        /// <summary>Abandons the attempt in progress (it ran past its timeout); no success is reported for it afterwards.</summary>
        void AbortConnect();

        /// <summary>Sends PINGREQ; a PINGRESP is reported later.</summary>
        void SendPing();

        /// <summary>Closes the connection (DISCONNECT when possible); no loss is reported for a drop we asked for.</summary>
        void Disconnect();
    }
}
