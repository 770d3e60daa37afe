// Stand-in: package nanoFramework.M2Mqtt 5.1.218 (assembly nanoFramework.M2Mqtt), signatures only.
// Read at tag v5.1.218 of github.com/nanoframework/nanoFramework.m2mqtt (commit 9a54dd5b3508dc122b6314eb672ed8134464de94):
//   M2Mqtt/MqttClient.cs: class MqttClient (every public member the firmware uses, plus what IMqttClient requires),
//   its events typed with the delegates IMqttClient declares (nanoFramework.M2Mqtt.Core), the four Publish overloads,
//   the public Close(), ProtocolVersion, and enum MqttProtocolVersion (declared at the end of that file);
//   M2Mqtt/MqttSettings.cs: InflightQueueSize, DefaultInflightQueueSize, Instance.
// Not public at this tag, so not declared here (docs/esp32.md, "What the transport rests on"): `private MqttMsgPingResp Ping()`
// (line 614: SendReceive(PINGREQ, keep-alive period), OnConnectionClosing() when no PINGRESP comes in time), which
// M2MqttPinger calls by reflection; the keep-alive thread; any limit on the size of a received PUBLISH
// (MaximumPacketSize is sent in a v5 CONNECT only; MqttMsgPublish.Parse allocates the remaining length it reads).
namespace nanoFramework.M2Mqtt
{
    using System;
    using System.Collections;
    using System.Security.Cryptography.X509Certificates;
    using nanoFramework.M2Mqtt.Messages;

    public class MqttClient : IMqttClient, IDisposable
    {
        public MqttClient(string brokerHostName) => throw null;

        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) => throw null;

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived;

        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished;

        public event IMqttClient.MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        public event IMqttClient.MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed;

        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed;

        public bool IsConnected { get => throw null; private set => throw null; }

        public MqttProtocolVersion ProtocolVersion { get => throw null; set => throw null; }

        public MqttSettings Settings => throw null;

        public void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol) => throw null;

        public MqttReasonCode Connect(string clientId, string username, string password, bool cleanSession, ushort keepAlivePeriod) => throw null;

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) => throw null;

        public void Disconnect() => throw null;

        public void Close() => throw null;

        public void Dispose() => throw null;

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw null;

        public ushort Unsubscribe(string[] topics) => throw null;

        public ushort Publish(string topic, byte[] message) => throw null;

        public ushort Publish(string topic, byte[] message, string contentType) => throw null;

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties) => throw null;

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) => throw null;
    }

    public enum MqttProtocolVersion
    {
        Version_3_1 = 0x03,
        Version_3_1_1 = 0x04,
        Version_5 = 0x05,
    }

    public class MqttSettings
    {
        public const int DefaultInflightQueueSize = int.MaxValue;

        private MqttSettings() => throw null;

        public int InflightQueueSize { get => throw null; set => throw null; }

        public static MqttSettings Instance => throw null;
    }
}
