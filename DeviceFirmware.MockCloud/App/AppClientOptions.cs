using System;
using DeviceFirmware.Core.Session;

namespace DeviceFirmware.MockCloud.App;

/// <summary>How an <see cref="AppClient"/> reaches M2M and who it is (docs/protocol.md §1).</summary>
public sealed class AppClientOptions
{
    /// <summary>The M2M host (from the bindings list's <c>host</c>, or given).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The M2M port: the plain port (1883), or the TLS port (8883) with <see cref="Tls"/>.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>The application id (the appid of the user name <c>2$appid$uid</c>).</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>The user id from login.</summary>
    public string Uid { get; set; } = string.Empty;

    /// <summary>The token from login: the MQTT password. Never logged.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>The AppClientId to connect with; null picks a new random <c>usr…</c> one.</summary>
    public string? ClientId { get; set; }

    /// <summary>The MQTT version of CONNECT: 3.1 (<c>MQIsdp</c>/3) by default, as the firmware; 3.1.1 on request.</summary>
    public DeviceFirmware.Core.Messaging.MqttVersion MqttVersion { get; set; } = DeviceFirmware.Core.Messaging.MqttVersions.Default;

    /// <summary>Connect over TLS.</summary>
    public bool Tls { get; set; }

    /// <summary>
    /// With <see cref="Tls"/>: a PEM certificate file the broker's certificate must chain to, or be (a pinned
    /// self-signed certificate such as the mock cloud's). Null: the system's trust store.
    /// </summary>
    public string? TrustedCertificateFile { get; set; }

    /// <summary>
    /// The heartbeat and reconnect rules (docs/protocol.md §4), shared with the firmware: keep-alive 120 s, a PINGREQ every
    /// 60 s, two missed PINGRESPs → reconnect at once, then after 10 s, 20 s, 30 s … Tests shorten the steps.
    /// </summary>
    public SessionSettings Session { get; set; } = new SessionSettings();

    /// <summary>How long a 0x0093 waits for its 0x0094, and a 0x0010 for its 0x0011 (default 10 s).</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Received events kept for a slow reader; beyond this the oldest are dropped (default 4096).</summary>
    public int EventCapacity { get; set; } = 4096;

    /// <summary>The clock of the session rules and reply timeouts.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>HOST:PORT, for messages.</summary>
    public string Address => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
