using System;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using DeviceFirmware.Iot.Config;
using DeviceFirmware.Iot.Transport;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>How the mock M2M broker listens and which limits of docs/protocol.md §4/§8 it applies.</summary>
public sealed class M2mOptions
{
    /// <summary>The plain MQTT listener (docs/protocol.md §1: TCP 1883). Port 0 picks a free port; see <see cref="M2mBroker.MqttEndpoint"/>.</summary>
    public IPEndPoint MqttEndpoint { get; set; } = new IPEndPoint(IPAddress.Loopback, 1883);

    /// <summary>The MQTT-over-TLS listener (8883 in production), or null for none. Port 0 picks a free port.</summary>
    public IPEndPoint? MqttsEndpoint { get; set; }

    /// <summary>The TLS certificate (with its private key); null makes a self-signed one for <c>localhost</c> at start-up.</summary>
    public X509Certificate2? TlsCertificate { get; set; }

    /// <summary>When set, the TLS certificate (public part only) is written there as PEM at start-up, for clients to trust.</summary>
    public string? CertificatePemPath { get; set; }

    /// <summary>A client's keep-alive above this is treated as this (docs/protocol.md §1: 600 s).</summary>
    public TimeSpan MaxKeepAlive { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary>More PINGREQs than this within <see cref="PingWindow"/> disconnect the client (docs/protocol.md §4: 60).</summary>
    public int MaxPingsPerWindow { get; set; } = 60;

    /// <summary>The sliding window of the PINGREQ limit (docs/protocol.md §4: 180 s).</summary>
    public TimeSpan PingWindow { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>Largest CONNECT packet (remaining length) read before authentication; a larger one closes the connection at once.</summary>
    public int MaxConnectPacketBytes { get; set; } = MqttPacketLimits.MaxConnectBytes;

    /// <summary>Largest packet (remaining length) after CONNECT: the protocol's largest frame with its MQTT envelope (<see cref="MqttPacketLimits"/>).</summary>
    public int MaxPacketBytes { get; set; } = MqttPacketLimits.MaxPacketBytes;

    /// <summary>
    /// Open TCP connections allowed per remote address; more are closed on accept. A household behind one NAT address
    /// runs a few devices and phones; 64 leaves room for that and for this project's tests, which all come from 127.0.0.1.
    /// </summary>
    public int MaxConnectionsPerAddress { get; set; } = 64;

    /// <summary>Live App connections allowed per uid (distinct AppClientIds; a reconnect with the same one replaces it).</summary>
    public int MaxConnectionsPerUser { get; set; } = 16;

    /// <summary>How long a new connection has to finish its TLS handshake and its CONNECT (MQTTnet's default is 100 s).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock of the PINGREQ window.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The MAC to put in a device's 0x0092 notice, if the cloud knows it (the directory does not carry it);
    /// null or a null answer sends an empty MAC.
    /// </summary>
    public Func<string, string?>? DeviceMac { get; set; }

    /// <summary>
    /// Parses <c>HOST:PORT</c> where HOST is an IPv4 address, a bracketed IPv6 address or <c>localhost</c> (127.0.0.1).
    /// Throws <see cref="FormatException"/> with the reason on anything else.
    /// </summary>
    public static IPEndPoint ParseEndpoint(string hostAndPort)
    {
        ArgumentNullException.ThrowIfNull(hostAndPort);
        if (!HostPort.TryParse(hostAndPort, listening: true, out HostPort value, out string error)) throw new FormatException(error);
        if (string.Equals(value.Host, "localhost", StringComparison.OrdinalIgnoreCase)) return new IPEndPoint(IPAddress.Loopback, value.Port);
        if (IPAddress.TryParse(value.Host, out IPAddress? address)) return new IPEndPoint(address, value.Port);
        throw new FormatException($"'{hostAndPort}': HOST must be an IP address or localhost (a listener binds an address, not a name)");
    }
}
