// Stand-in: package nanoFramework.M2Mqtt.Core 5.1.218 (assembly nanoFramework.M2Mqtt.Core), signatures only.
// Read at tag v5.1.218 of github.com/nanoframework/nanoFramework.m2mqtt (commit 9a54dd5b3508dc122b6314eb672ed8134464de94):
//   nanoFramework.M2Mqtt.Core/IMqttClient.cs (whole interface: the client's event delegate types are declared here),
//   nanoFramework.M2Mqtt.Core/MqttSslProtocols.cs, Messages/MqttQoSLevel.cs (int-based, with GrantedFailure),
//   Messages/MqttReasonCode.cs (int-based; the members listed below, values as in the source), Messages/MqttMsgPublishEventArgs.cs,
//   Messages/MqttMsgPublishedEventArgs.cs, Messages/MqttMsgSubscribedEventArgs.cs, Messages/MqttMsgUnsubscribedEventArgs.cs.
// build/nano-check/provenance.tsv lists the whole package set.
namespace nanoFramework.M2Mqtt
{
    using System;
    using System.Collections;
    using nanoFramework.M2Mqtt.Messages;

    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
        TLSv1_3,
    }

    public interface IMqttClient
    {
        bool IsConnected { get; }

        void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol);

        MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod);

        void Disconnect();

        ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels);

        ushort Unsubscribe(string[] topics);

        ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain);

        ushort Publish(string topic, byte[] message, string contentType);

        ushort Publish(string topic, byte[] message);

        void Close();

        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived;

        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        event MqttMsgPublishedEventHandler MqttMsgPublished;

        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        event MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        public delegate void MqttMsgUnsubscribedEventHandler(object sender, MqttMsgUnsubscribedEventArgs e);

        event MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed;

        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        event ConnectionClosedEventHandler ConnectionClosed;
    }
}

namespace nanoFramework.M2Mqtt.Messages
{
    using System;

    public enum MqttQoSLevel
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
        GrantedFailure = 0x80,
    }

    public enum MqttReasonCode
    {
        Success = 0x00,
        UnspecifiedError = 0x80,
        ConnectionRefusedUnacceptableProtocolVersion = 0x01,
        ConnectionRefusedIdentifierRejected = 0x02,
        ConnectionRefusedServerUnavailable = 0x03,
        ConnectionRefusedBadUserNameOrPassword = 0x04,
        ConnectionRefusedNotAuthorized = 0x05,
    }

    public class MqttMsgPublishEventArgs : EventArgs
    {
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain) => throw null;

        public string Topic { get => throw null; internal set => throw null; }

        public byte[] Message { get => throw null; internal set => throw null; }

        public bool DupFlag { get => throw null; internal set => throw null; }

        public MqttQoSLevel QosLevel { get => throw null; internal set => throw null; }

        public bool Retain { get => throw null; internal set => throw null; }
    }

    public class MqttMsgPublishedEventArgs : EventArgs
    {
        public MqttMsgPublishedEventArgs(ushort messageId) => throw null;

        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished) => throw null;

        public ushort MessageId { get => throw null; set => throw null; }

        public bool IsPublished { get => throw null; set => throw null; }
    }

    public class MqttMsgSubscribedEventArgs : EventArgs
    {
        public MqttMsgSubscribedEventArgs(ushort messageId, MqttQoSLevel[] grantedQosLevels) => throw null;

        public ushort MessageId { get => throw null; internal set => throw null; }

        public MqttQoSLevel[] GrantedQoSLevels { get => throw null; internal set => throw null; }
    }

    public class MqttMsgUnsubscribedEventArgs : EventArgs
    {
        public MqttMsgUnsubscribedEventArgs(ushort messageId) => throw null;

        public ushort MessageId { get => throw null; }
    }
}
