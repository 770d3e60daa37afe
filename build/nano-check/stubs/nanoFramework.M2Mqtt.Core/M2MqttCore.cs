// Stand-in: package nanoFramework.M2Mqtt.Core 5.1.185 (assembly nanoFramework.M2Mqtt.Core), signatures only.
// Which types live in this assembly: github.com/nanoframework/nanoFramework.m2mqtt
//   nanoFramework.M2Mqtt.Core/nanoFramework.M2Mqtt.Core.nfproj @ 48eb517e2166f3f9ace99ff458ed9d7e3eec077b
//   (MqttMsgPublishEventArgs, MqttMsgSubscribedEventArgs, MqttQoSLevel, MqttReasonCode, MqttSslProtocols, ...).
// Members: MqttMsgPublishEventArgs as in its nanoFramework source (Topic, Message, DupFlag, QosLevel, Retain with
// internal setters); MqttSslProtocols as in MqttSslProtocols.cs (namespace nanoFramework.M2Mqtt);
// MqttQoSLevel / MqttReasonCode / MqttMsgSubscribedEventArgs: only the members used, as MqttClient.cs uses them
// (namespace nanoFramework.M2Mqtt.Messages). Not verified against a restored package (none is restorable here).
namespace nanoFramework.M2Mqtt
{
    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2
    }
}

namespace nanoFramework.M2Mqtt.Messages
{
    using System;

    public enum MqttQoSLevel : byte
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
    }

    public enum MqttReasonCode : byte
    {
        Success = 0x00,
    }

    public class MqttMsgPublishEventArgs : EventArgs
    {
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain) { }

        public string Topic { get => throw null; internal set => throw null; }

        public byte[] Message { get => throw null; internal set => throw null; }

        public bool DupFlag { get => throw null; internal set => throw null; }

        public MqttQoSLevel QosLevel { get => throw null; internal set => throw null; }

        public bool Retain { get => throw null; internal set => throw null; }
    }

    public class MqttMsgSubscribedEventArgs : EventArgs
    {
        private MqttMsgSubscribedEventArgs() { }

        public ushort MessageId { get => throw null; internal set => throw null; }
    }
}
