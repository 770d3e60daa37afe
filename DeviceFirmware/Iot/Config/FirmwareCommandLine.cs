#nullable enable
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Text.Json;

namespace DeviceFirmware.Iot.Config;

/// <summary>
/// The firmware's command line: <c>--config FILE</c> plus overrides of every setting. Options given on the command line
/// win over the file; the file wins over the defaults. Exit code 2 for every usage or configuration error.
/// </summary>
public static class FirmwareCommandLine
{
    /// <summary>Exit code for a usage or configuration error.</summary>
    public const int UsageError = 2;

    private static readonly Option<FileInfo?> ConfigOption = new("--config") { Description = "JSON configuration file (keys as in FirmwareOptions: did, passcode, m2m, tls, product, board, logLevel, ...)" };
    private static readonly Option<string?> DidOption = new("--did") { Description = "Device DID (omit to register over HTTP with --gservice)" };
    private static readonly Option<string?> PasscodeOption = new("--passcode") { Description = "Device passcode (M2M password)" };
    private static readonly Option<string?> M2mOption = new("--m2m") { Description = "M2M broker HOST:PORT (omit to use the address GService provisions)" };
    private static readonly Option<bool?> TlsOption = new("--tls") { Description = "Connect to M2M over TLS" };
    private static readonly Option<string?> CaOption = new("--ca") { Description = "PEM CA file the broker certificate must chain to (with --tls)" };
    private static readonly Option<string?> GServiceOption = new("--gservice") { Description = "GService base URL for registration and provisioning" };
    private static readonly Option<string?> ProductOption = new("--product") { Description = "Product definition JSON" };
    private static readonly Option<string?> BoardOption = new("--board") { Description = "Board name (simulated, raspberry-pi-4, esp32-devkitc) or board file" };
    private static readonly Option<string?> LogLevelOpt = new("--log-level") { Description = "Initial 0x0012 threshold: off, error, warning, info (or 0-3)" };
    private static readonly Option<string?> StateFileOption = new("--state-file") { Description = "Where a registered identity is kept (default ./device-state.json)" };
    private static readonly Option<string?> MacOption = new("--mac") { Description = "MAC reported at registration (12 hex digits)" };
    private static readonly Option<string?> SimControlOption = new("--sim-control") { Description = "Serve the simulated board's control API on HOST:PORT (loopback)" };
    private static readonly Option<string?> MqttVersionOption = new("--mqtt-version") { Description = "MQTT version of CONNECT: 3.1 (default, MQIsdp as Gizwits' GAgent) or 3.1.1" };
    private static readonly Option<int?> KeepAliveOption = new("--keep-alive") { Description = "MQTT keep-alive seconds (1-600, default 120)" };
    private static readonly Option<int?> PingIntervalOption = new("--ping-interval-ms") { Description = "Time between PINGREQs (>= 3100, default 60000)" };
    private static readonly Option<int?> ReconnectStepOption = new("--reconnect-step-ms") { Description = "Reconnect back-off step (default 10000)" };
    private static readonly Option<int?> StableConnectionOption = new("--stable-connection-ms") { Description = "A connection lost sooner counts as a failed attempt (default 60000)" };
    private static readonly Option<int?> ConnectTimeoutOption = new("--connect-timeout-ms") { Description = "One connect attempt's timeout (default 30000)" };

    /// <summary>
    /// Parses <paramref name="args"/>; on success calls <paramref name="run"/> with the merged, validated options and returns
    /// its exit code; otherwise writes every problem to <paramref name="stderr"/> and returns <see cref="UsageError"/>.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<FirmwareOptions, int> run)
    {
        var root = new RootCommand("Gizwits reference device firmware (.NET): connects to M2M as a device and drives the board's pins.");
        foreach (Option option in AllOptions()) root.Options.Add(option);
        int exitCode = 0;
        root.SetAction(result =>
        {
            if (!TryBuild(result, out FirmwareOptions? options, out string loadError))
            {
                stderr.WriteLine("error: " + loadError);
                exitCode = UsageError;
                return;
            }

            IReadOnlyList<string> problems = FirmwareOptionsValidator.Validate(options!);
            if (problems.Count > 0)
            {
                foreach (string problem in problems) stderr.WriteLine("error: " + problem);
                exitCode = UsageError;
                return;
            }

            exitCode = run(options!);
        });

        ParseResult parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0 && parsed.Action is not { ClearsParseErrors: true })
        {
            foreach (ParseError error in parsed.Errors) stderr.WriteLine("error: " + error.Message);
            stderr.WriteLine("Run with --help for usage.");
            return UsageError;
        }

        int invoked = parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return invoked != 0 ? invoked : exitCode;
    }

    /// <summary>The options from the file (if any) with the command line's on top.</summary>
    public static bool TryBuild(ParseResult result, out FirmwareOptions? options, out string error)
    {
        options = new FirmwareOptions();
        error = "";
        FileInfo? config = result.GetValue(ConfigOption);
        if (config is not null && !TryLoadFile(config.FullName, out options, out error)) return false;

        options!.Did = result.GetValue(DidOption) ?? options.Did;
        options.Passcode = result.GetValue(PasscodeOption) ?? options.Passcode;
        options.M2m = result.GetValue(M2mOption) ?? options.M2m;
        options.Tls = result.GetValue(TlsOption) ?? options.Tls;
        options.CaFile = result.GetValue(CaOption) ?? options.CaFile;
        options.GService = result.GetValue(GServiceOption) ?? options.GService;
        options.Product = result.GetValue(ProductOption) ?? options.Product;
        options.Board = result.GetValue(BoardOption) ?? options.Board;
        options.LogLevel = result.GetValue(LogLevelOpt) ?? options.LogLevel;
        options.StateFile = result.GetValue(StateFileOption) ?? options.StateFile;
        options.Mac = result.GetValue(MacOption) ?? options.Mac;
        options.SimControl = result.GetValue(SimControlOption) ?? options.SimControl;
        options.MqttVersion = result.GetValue(MqttVersionOption) ?? options.MqttVersion;
        options.KeepAliveSeconds = result.GetValue(KeepAliveOption) ?? options.KeepAliveSeconds;
        options.PingIntervalMs = result.GetValue(PingIntervalOption) ?? options.PingIntervalMs;
        options.ReconnectStepMs = result.GetValue(ReconnectStepOption) ?? options.ReconnectStepMs;
        options.ConnectTimeoutMs = result.GetValue(ConnectTimeoutOption) ?? options.ConnectTimeoutMs;
        options.StableConnectionMs = result.GetValue(StableConnectionOption) ?? options.StableConnectionMs;
        return true;
    }

    /// <summary>Reads a JSON configuration file; false with a message naming the file on any problem.</summary>
    public static bool TryLoadFile(string path, out FirmwareOptions? options, out string error)
    {
        options = null;
        error = "";
        try
        {
            options = JsonSerializer.Deserialize(File.ReadAllText(path), ConfigFileJson.Default.FirmwareOptions);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            error = $"--config: '{path}': {e.Message}";
            return false;
        }

        if (options is null)
        {
            error = $"--config: '{path}' is empty (null)";
            return false;
        }

        return true;
    }

    private static Option[] AllOptions() => new Option[]
    {
        ConfigOption, DidOption, PasscodeOption, M2mOption, TlsOption, CaOption, GServiceOption, ProductOption, BoardOption,
        LogLevelOpt, StateFileOption, MacOption, SimControlOption, KeepAliveOption, PingIntervalOption, ReconnectStepOption,
        ConnectTimeoutOption, MqttVersionOption, StableConnectionOption,
    };
}
