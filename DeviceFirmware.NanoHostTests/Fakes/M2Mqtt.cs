using DeviceFirmware.NanoHostTests.Fakes;

// Behavioural double of nanoFramework.M2Mqtt 5.1.218 (public surface = build/nano-check/stubs/nanoFramework.M2Mqtt, checked by
// FakeSurfaceTests). What it models from M2Mqtt/MqttClient.cs at that tag: Connect opens the socket and starts the receive
// thread before CONNACK and releases neither on a refusal; only Close() does; Disconnect() closes too; the private Ping()
// sends PINGREQ and returns the PINGRESP, or starts closing the connection (ConnectionClosed) and returns null when none
// comes within the keep-alive period (here: at once, no waiting). The broker side is FakeBroker.
namespace nanoFramework.M2Mqtt
{
    using System;
    using System.Collections;
    using System.Security.Cryptography.X509Certificates;
    using nanoFramework.M2Mqtt.Messages;

    public class MqttClient : IMqttClient, IDisposable
    {
        private readonly object sync = new object();
        private bool receiving;
        private ushort nextId;

        public MqttClient(string brokerHostName)
            : this(brokerHostName, 1883, false, null, null, MqttSslProtocols.None)
        {
        }

        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol)
        {
            ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
            FakeBroker.Created(this);
        }

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived;

        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished;

        public event IMqttClient.MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        public event IMqttClient.MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed;

        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed;

        public bool IsConnected { get; private set; }

        public MqttProtocolVersion ProtocolVersion { get; set; }

        public MqttSettings Settings => MqttSettings.Instance;

        /// <summary>True while the fake socket is open and its receive thread runs.</summary>
        internal bool IsOpenForTests
        {
            get
            {
                lock (sync)
                {
                    return receiving;
                }
            }
        }

        internal int KeepAliveForTests { get; private set; }

        public void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol)
        {
        }

        public MqttReasonCode Connect(string clientId, string username, string password, bool cleanSession, ushort keepAlivePeriod) =>
            Connect(clientId, username, password, false, MqttQoSLevel.AtMostOnce, false, null, null, cleanSession, keepAlivePeriod);

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod)
        {
            FakeBroker broker = FakeBroker.Current;
            if (!broker.Reachable) throw new InvalidOperationException("Exception connecting to the broker");
            lock (sync)
            {
                receiving = true;
            }

            KeepAliveForTests = keepAlivePeriod;
            broker.Connected(ProtocolVersion);
            MqttReasonCode code = broker.ConnackCode;
            if (code == MqttReasonCode.Success) IsConnected = true;
            return code;
        }

        public void Disconnect()
        {
            FakeBroker.Current.Disconnects++;
            IsConnected = false;
            Close();
        }

        public void Close()
        {
            lock (sync)
            {
                receiving = false;
            }

            IsConnected = false;
        }

        public void Dispose() => Close();

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels)
        {
            ushort id = ++nextId;
            MqttMsgSubscribed?.Invoke(this, new MqttMsgSubscribedEventArgs(id, qosLevels));
            return id;
        }

        public ushort Unsubscribe(string[] topics) => ++nextId;

        public ushort Publish(string topic, byte[] message) => Publish(topic, message, null, null, MqttQoSLevel.AtMostOnce, false);

        public ushort Publish(string topic, byte[] message, string contentType) => Publish(topic, message, contentType, null, MqttQoSLevel.AtMostOnce, false);

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties) => Publish(topic, message, contentType, userProperties, MqttQoSLevel.AtMostOnce, false);

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain)
        {
            FakeBroker.Current.Published(topic, message);
            return ++nextId;
        }

        /// <summary>The broker relays a PUBLISH to this client.</summary>
        internal void DeliverForTests(string topic, byte[] payload) =>
            MqttMsgPublishReceived?.Invoke(this, new MqttMsgPublishEventArgs(topic, payload, false, MqttQoSLevel.AtMostOnce, false));

        // Same name, binding and return shape as M2Mqtt 5.1.218's private MqttClient.Ping() (M2MqttPinger finds it by reflection).
        private MqttMsgPingResp Ping()
        {
            FakeBroker broker = FakeBroker.Current;
            broker.PingRequests++;
            broker.PingGate.Wait();
            if (broker.AnswerPings) return new MqttMsgPingResp();

            // No PINGRESP within the keep-alive period: M2Mqtt's OnConnectionClosing, then its dispatch thread closes and reports.
            IsConnected = false;
            Close();
            ConnectionClosed?.Invoke(this, EventArgs.Empty);
            return null;
        }
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

        private static readonly MqttSettings Shared = new MqttSettings();

        private MqttSettings()
        {
            InflightQueueSize = DefaultInflightQueueSize;
        }

        public int InflightQueueSize { get; set; }

        public static MqttSettings Instance => Shared;
    }
}
