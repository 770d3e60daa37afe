#nullable enable
using System.Collections.Generic;
using System.IO;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.Core.Session;
using DeviceFirmware.Iot.Provisioning;
using DeviceFirmware.Protocol.Identity;

namespace DeviceFirmware.Iot.Config;

/// <summary>
/// Checks <see cref="FirmwareOptions"/> before anything starts, so a wrong setting is one clear line naming the option,
/// not a stack trace or a device that silently never connects.
/// </summary>
public static class FirmwareOptionsValidator
{
    /// <summary>Every problem found, one message each; empty when the options can run.</summary>
    public static IReadOnlyList<string> Validate(FirmwareOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Product)) problems.Add("--product: required (a product JSON, e.g. hardware/products/gokit.json)");
        else if (!File.Exists(options.Product)) problems.Add($"--product: file '{options.Product}' not found");

        if (string.IsNullOrWhiteSpace(options.Board)) problems.Add("--board: required (simulated, raspberry-pi-4, esp32-devkitc or a board file)");
        else if (BoardLocator.Resolve(options.Board) is null) problems.Add($"--board: '{options.Board}' is neither a board name in {BoardLocator.BoardsFolder} nor a file");

        bool hasDid = !string.IsNullOrEmpty(options.Did);
        if (hasDid && !Did.IsValid(options.Did!)) problems.Add($"--did: '{options.Did}' is not a DID (1-64 printable ASCII characters, no '/', '+', '#')");
        if (hasDid && string.IsNullOrEmpty(options.Passcode)) problems.Add("--passcode: required with --did");
        if (!hasDid && string.IsNullOrEmpty(options.GService) && !StateFileHasIdentity(options))
        {
            problems.Add("--did/--passcode or --gservice: without a DID the device registers itself, which needs the GService URL");
        }

        if (!string.IsNullOrEmpty(options.M2m) && !HostPort.TryParse(options.M2m, out _, out string m2mError)) problems.Add($"--m2m: {m2mError}");
        if (string.IsNullOrEmpty(options.M2m) && string.IsNullOrEmpty(options.GService)) problems.Add("--m2m: required unless --gservice provisions the address");
        if (!string.IsNullOrEmpty(options.GService) && !System.Uri.TryCreate(options.GService, System.UriKind.Absolute, out _)) problems.Add($"--gservice: '{options.GService}' is not an absolute URL");
        if (!string.IsNullOrEmpty(options.CaFile) && !options.Tls) problems.Add("--ca: only meaningful with --tls");
        if (!string.IsNullOrEmpty(options.CaFile) && !File.Exists(options.CaFile)) problems.Add($"--ca: file '{options.CaFile}' not found");
        if (!LogLevelOption.TryParse(options.LogLevel, out _)) problems.Add($"--log-level: '{options.LogLevel}' is not off, error, warning, info or 0-3");
        if (options.KeepAliveSeconds < 1 || options.KeepAliveSeconds > 600) problems.Add($"keepAliveSeconds: {options.KeepAliveSeconds} is outside 1-600 (the server treats more than 600 as 600)");
        if (options.PingIntervalMs < SessionSettings.MinPingIntervalMs) problems.Add($"pingIntervalMs: {options.PingIntervalMs} is under {SessionSettings.MinPingIntervalMs} (more than 60 PINGREQ in 180 s gets the device dropped)");
        if (options.MqttVersion is not null && !MqttVersions.TryParse(options.MqttVersion, out _)) problems.Add($"--mqtt-version: '{options.MqttVersion}' is not 3.1 or 3.1.1");
        if (options.PingIntervalMs > options.KeepAliveSeconds * 1000) problems.Add($"pingIntervalMs: {options.PingIntervalMs} is longer than the keep-alive ({options.KeepAliveSeconds} s)");
        if (options.ReconnectStepMs < 1) problems.Add($"reconnectStepMs: {options.ReconnectStepMs} must be positive");
        if (options.StableConnectionMs < 0) problems.Add($"stableConnectionMs: {options.StableConnectionMs} must not be negative");
        if (options.ConnectTimeoutMs < 100) problems.Add($"connectTimeoutMs: {options.ConnectTimeoutMs} is under 100");
        if (!string.IsNullOrEmpty(options.SimControl))
        {
            if (!HostPort.TryParse(options.SimControl, listening: true, out _, out string simError)) problems.Add($"--sim-control: {simError}");
            // A board file may be simulated too (its sensor driver says so; BoardHardware checks when it loads it).
            bool boardFile = options.Board != null && options.Board.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase);
            if (!boardFile && !string.Equals(options.Board, "simulated", System.StringComparison.OrdinalIgnoreCase)) problems.Add("--sim-control: only with --board simulated (or a board file for the simulated board)");
        }

        return problems;
    }

    private static bool StateFileHasIdentity(FirmwareOptions options)
    {
        string path = StateFile.PathFor(options);
        return StateFile.TryLoad(path, out DeviceIdentity? identity, out _) && identity is not null;
    }
}
