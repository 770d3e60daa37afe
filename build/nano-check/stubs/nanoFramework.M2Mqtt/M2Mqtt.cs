// Stand-in: package nanoFramework.M2Mqtt 5.1.185 (assembly nanoFramework.M2Mqtt), signatures only.
// Copied from github.com/nanoframework/nanoFramework.m2mqtt:
//   M2Mqtt/MqttClient.cs @ 0db5dc1a47bb0f6f9fb2e5844676eb0493e30c7e: the delegates, events, constructor, Connect
//   overload, Subscribe, Publish, Disconnect, IsConnected and Settings used by DeviceFirmware/Nano;
//   M2Mqtt/MqttSettings.cs @ 0cfa0fdd541bf3517d9e7629e9b1ee9632c9f291: InflightQueueSize, DefaultInflightQueueSize.
// M2Mqtt has no public PINGREQ (Ping() is private) and its Close() is private: see docs/esp32.md.
namespace nanoFramework.M2Mqtt
{
    using System;
    using System.Security.Cryptography.X509Certificates;
    using nanoFramework.M2Mqtt.Messages;

    public class MqttClient
    {
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        public event MqttMsgPublishEventHandler MqttMsgPublishReceived;

        public event MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        public event ConnectionClosedEventHandler ConnectionClosed;

        public bool IsConnected { get => throw null; private set => throw null; }

        public MqttSettings Settings => throw null;

        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) { }

        public MqttReasonCode Connect(string clientId, string username, string password, bool cleanSession, ushort keepAlivePeriod) => throw null;

        public void Disconnect() => throw null;

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw null;

        public ushort Publish(string topic, byte[] message, MqttQoSLevel qosLevel, bool retain) => throw null;
    }

    public class MqttSettings
    {
        public const int DefaultInflightQueueSize = int.MaxValue;

        private MqttSettings() { }

        public int InflightQueueSize { get => throw null; set => throw null; }

        public static MqttSettings Instance => throw null;
    }
}
