#nullable enable
using System.Text.Json.Serialization;

namespace DeviceFirmware.Iot.Config;

/// <summary>
/// Everything the firmware needs to start, from the JSON file (<c>--config</c>) and the command line (which wins).
/// Property names are the JSON keys. Validated by <see cref="FirmwareOptionsValidator"/> before anything starts.
/// </summary>
public sealed class FirmwareOptions
{
    /// <summary>The device identity; empty = register over HTTP (or reuse the state file's).</summary>
    [JsonPropertyName("did")] public string? Did { get; set; }

    /// <summary>The device's passcode (M2M password); empty with no DID = generated at registration.</summary>
    [JsonPropertyName("passcode")] public string? Passcode { get; set; }

    /// <summary>The M2M broker as HOST:PORT; empty = the address GService provisions.</summary>
    [JsonPropertyName("m2m")] public string? M2m { get; set; }

    /// <summary>Connect to M2M over TLS.</summary>
    [JsonPropertyName("tls")] public bool Tls { get; set; }

    /// <summary>PEM file of the CA that must have signed the broker's certificate (TLS only); empty = the system's trust store.</summary>
    [JsonPropertyName("caFile")] public string? CaFile { get; set; }

    /// <summary>GService base URL for self-registration and provisioning (e.g. http://127.0.0.1:8080).</summary>
    [JsonPropertyName("gservice")] public string? GService { get; set; }

    /// <summary>The product definition (Gizwits console export).</summary>
    [JsonPropertyName("product")] public string? Product { get; set; }

    /// <summary>A board name (<c>simulated</c>, <c>raspberry-pi-4</c>, …) or a board file path.</summary>
    [JsonPropertyName("board")] public string? Board { get; set; }

    /// <summary>Initial 0x0012 threshold before any App sends 0x0010: off, error, warning (default) or info; 0–3 too.</summary>
    [JsonPropertyName("logLevel")] public string? LogLevel { get; set; }

    /// <summary>Where the registered identity is kept across restarts (default <c>device-state.json</c> beside the config, or in the working directory).</summary>
    [JsonPropertyName("stateFile")] public string? StateFile { get; set; }

    /// <summary>The MAC reported at registration (default: the first non-loopback interface's).</summary>
    [JsonPropertyName("mac")] public string? Mac { get; set; }

    /// <summary>Serve the simulated board's control API on HOST:PORT (simulated board only).</summary>
    [JsonPropertyName("simControl")] public string? SimControl { get; set; }

    /// <summary>MQTT version of CONNECT: <c>3.1</c> (default, <c>MQIsdp</c>/3 as Gizwits' GAgent) or <c>3.1.1</c>.</summary>
    [JsonPropertyName("mqttVersion")] public string? MqttVersion { get; set; }

    /// <summary>MQTT keep-alive in seconds (default 120, at most 600).</summary>
    [JsonPropertyName("keepAliveSeconds")] public int KeepAliveSeconds { get; set; } = 120;

    /// <summary>Time between PINGREQs in ms (default 60,000; at least 3,000).</summary>
    [JsonPropertyName("pingIntervalMs")] public int PingIntervalMs { get; set; } = 60000;

    /// <summary>Added to the reconnect wait after each failure, in ms (default 10,000; tests shorten it).</summary>
    [JsonPropertyName("reconnectStepMs")] public int ReconnectStepMs { get; set; } = 10000;

    /// <summary>A connection lost sooner than this (ms) after it was made counts as a failed attempt (default 60,000; tests shorten it).</summary>
    [JsonPropertyName("stableConnectionMs")] public int StableConnectionMs { get; set; } = DeviceFirmware.Core.Session.SessionSettings.DefaultStableConnectionMs;

    /// <summary>One connect attempt's timeout in ms (default 30,000).</summary>
    [JsonPropertyName("connectTimeoutMs")] public int ConnectTimeoutMs { get; set; } = 30000;
}
