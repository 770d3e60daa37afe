#nullable enable
using DeviceFirmware.Core.Messaging;

namespace DeviceFirmware.Iot.Transport;

/// <summary>Where and how the transport reaches the broker.</summary>
/// <param name="Host">Broker host.</param>
/// <param name="Port">Broker port.</param>
/// <param name="Tls">Use TLS.</param>
/// <param name="CaFile">PEM CA that must have signed the broker's certificate; null = the system's trust store.</param>
/// <param name="PingTimeoutMs">How long a PINGREQ may wait for its PINGRESP before it counts as missed.</param>
/// <param name="Version">The MQTT version of CONNECT (default 3.1, <c>MQIsdp</c>/3, as Gizwits' GAgent).</param>
public sealed record MqttConnection(string Host, int Port, bool Tls, string? CaFile, int PingTimeoutMs, MqttVersion Version = MqttVersions.Default)
{
    /// <summary>MQTTnet's name for <paramref name="version"/>.</summary>
    public static MQTTnet.Formatter.MqttProtocolVersion ToMqttNet(MqttVersion version) =>
        version == MqttVersion.V3_1_1 ? MQTTnet.Formatter.MqttProtocolVersion.V311 : MQTTnet.Formatter.MqttProtocolVersion.V310;
}
