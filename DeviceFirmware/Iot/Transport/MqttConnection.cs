#nullable enable
namespace DeviceFirmware.Iot.Transport;

/// <summary>Where and how the transport reaches the broker.</summary>
/// <param name="Host">Broker host.</param>
/// <param name="Port">Broker port.</param>
/// <param name="Tls">Use TLS.</param>
/// <param name="CaFile">PEM CA that must have signed the broker's certificate; null = the system's trust store.</param>
/// <param name="PingTimeoutMs">How long a PINGREQ may wait for its PINGRESP before it counts as missed.</param>
public sealed record MqttConnection(string Host, int Port, bool Tls, string? CaFile, int PingTimeoutMs);
