namespace DeviceFirmware.Core.Messaging
{
    /// <summary>
    /// The MQTT protocol version a device connects with; the values are the CONNECT packet's protocol level. Gizwits' own
    /// device agent connects with MQTT 3.1 (protocol name <c>MQIsdp</c>, level 3: gizwits/Gizwits-GAgent,
    /// <c>gagent/cloud/src/mqttlib.c</c>, <c>mqtt_connect</c>), so that is the default on both hosts; 3.1.1 is an option.
    /// </summary>
    public enum MqttVersion
    {
        /// <summary>MQTT 3.1: protocol name <c>MQIsdp</c>, level 3 (the default, as GAgent).</summary>
        V3_1 = 3,

        /// <summary>MQTT 3.1.1: protocol name <c>MQTT</c>, level 4.</summary>
        V3_1_1 = 4,
    }

    /// <summary>Parsing and naming <see cref="MqttVersion"/> the way options and logs spell it (<c>3.1</c>, <c>3.1.1</c>).</summary>
    public static class MqttVersions
    {
        /// <summary>The version both hosts use unless told otherwise: MQTT 3.1, as the real cloud's own device agent.</summary>
        public const MqttVersion Default = MqttVersion.V3_1;

        /// <summary>Reads <c>3.1</c> or <c>3.1.1</c> (also the protocol levels <c>3</c> and <c>4</c>); false for anything else.</summary>
        public static bool TryParse(string text, out MqttVersion version)
        {
            version = Default;
            if (text == "3.1" || text == "3")
            {
                version = MqttVersion.V3_1;
                return true;
            }

            if (text == "3.1.1" || text == "4")
            {
                version = MqttVersion.V3_1_1;
                return true;
            }

            return false;
        }

        /// <summary><c>3.1</c> or <c>3.1.1</c>.</summary>
        public static string Name(MqttVersion version) => version == MqttVersion.V3_1_1 ? "3.1.1" : "3.1";

        /// <summary>The CONNECT packet's protocol name: <c>MQIsdp</c> (3.1) or <c>MQTT</c> (3.1.1).</summary>
        public static string ProtocolName(MqttVersion version) => version == MqttVersion.V3_1_1 ? "MQTT" : "MQIsdp";
    }
}
