namespace DeviceFirmware.Core.Hosting
{
    /// <summary>
    /// What an MQTT transport reports, from any of its threads: the other half of
    /// <see cref="Messaging.IMqttTransport"/>. <see cref="HostLoop"/> implements it; a transport depends on this
    /// contract only, never on the host that runs it. No member blocks on the network; a message may run the core on
    /// the calling thread (see <see cref="HostLoop"/>).
    /// </summary>
    public interface ITransportEvents
    {
        /// <summary>The connect attempt succeeded: CONNACK accepted and the subscription acknowledged.</summary>
        void Connected();

        /// <summary>The connect attempt failed (refused, unreachable, or no SUBACK).</summary>
        void ConnectFailed();

        /// <summary>The connection closed under us (never reported for a drop the core asked for).</summary>
        void ConnectionLost();

        /// <summary>A PINGRESP arrived on the current connection.</summary>
        void PingResponse();

        /// <summary>
        /// A PUBLISH arrived on <paramref name="topic"/>. <paramref name="payloadReused"/> says whether the transport
        /// reuses <paramref name="payload"/> after the call (a receive buffer): a message that must wait is then copied;
        /// otherwise it waits as it is (MQTTnet 5.2.0 and M2Mqtt 5.1.218 both allocate an array per PUBLISH). False when
        /// it had to wait and the inbox was full (dropped and counted).
        /// </summary>
        bool Message(string topic, byte[] payload, int offset, int count, bool retained, bool payloadReused);
    }
}
