#nullable enable
using DeviceFirmware.Protocol;

namespace DeviceFirmware.Iot.Hosting;

/// <summary>What happened, for the firmware loop thread (the only thread that touches the core).</summary>
public enum FirmwareEventKind
{
    /// <summary>A message arrived on <c>app2dev/&lt;DID&gt;/…</c>.</summary>
    Message,

    /// <summary>The connect attempt succeeded (CONNACK accepted and subscribed).</summary>
    Connected,

    /// <summary>The connect attempt failed.</summary>
    ConnectFailed,

    /// <summary>The connection closed under us.</summary>
    ConnectionLost,

    /// <summary>A PINGRESP arrived.</summary>
    PingResponse,

    /// <summary>A log from the program's <c>ILogger</c>s, for the App (0x0012).</summary>
    Log,
}

/// <summary>One event for the loop; the fields used depend on <see cref="Kind"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Topic">Message topic.</param>
/// <param name="Payload">Message payload (a copy the loop owns).</param>
/// <param name="Retained">Message retain flag.</param>
/// <param name="Level">Log level.</param>
/// <param name="Tag">Log tag.</param>
/// <param name="Source">Log source.</param>
/// <param name="Content">Log text.</param>
public sealed record FirmwareEvent(
    FirmwareEventKind Kind,
    string? Topic = null,
    byte[]? Payload = null,
    bool Retained = false,
    LogLevel Level = LogLevel.Off,
    string? Tag = null,
    string? Source = null,
    string? Content = null);
