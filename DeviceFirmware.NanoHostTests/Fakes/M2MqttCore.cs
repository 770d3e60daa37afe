// Behavioural double of nanoFramework.M2Mqtt.Core 5.1.218 (public surface = build/nano-check/stubs/nanoFramework.M2Mqtt.Core,
// checked by FakeSurfaceTests).
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
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain)
        {
            Topic = topic;
            Message = message;
            DupFlag = dupFlag;
            QosLevel = qosLevel;
            Retain = retain;
        }

        public string Topic { get; internal set; }

        public byte[] Message { get; internal set; }

        public bool DupFlag { get; internal set; }

        public MqttQoSLevel QosLevel { get; internal set; }

        public bool Retain { get; internal set; }
    }

    public class MqttMsgPublishedEventArgs : EventArgs
    {
        public MqttMsgPublishedEventArgs(ushort messageId)
            : this(messageId, false)
        {
        }

        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished)
        {
            MessageId = messageId;
            IsPublished = isPublished;
        }

        public ushort MessageId { get; set; }

        public bool IsPublished { get; set; }
    }

    public class MqttMsgSubscribedEventArgs : EventArgs
    {
        public MqttMsgSubscribedEventArgs(ushort messageId, MqttQoSLevel[] grantedQosLevels)
        {
            MessageId = messageId;
            GrantedQoSLevels = grantedQosLevels;
        }

        public ushort MessageId { get; internal set; }

        public MqttQoSLevel[] GrantedQoSLevels { get; internal set; }
    }

    public class MqttMsgUnsubscribedEventArgs : EventArgs
    {
        public MqttMsgUnsubscribedEventArgs(ushort messageId)
        {
            MessageId = messageId;
        }

        public ushort MessageId { get; }
    }

    /// <summary>The PINGRESP M2Mqtt's private Ping() returns (public in M2Mqtt; internal here, it is no part of the stand-in).</summary>
    internal sealed class MqttMsgPingResp
    {
    }
}
