#nullable enable
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Hosting;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.Core.Peripherals;
using DeviceFirmware.Core.Session;
using DeviceFirmware.Iot.Config;
using DeviceFirmware.Iot.Logging;
using DeviceFirmware.Iot.Provisioning;
using DeviceFirmware.Iot.Transport;
using DeviceFirmware.Protocol.P0;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeviceFirmware.Iot.Hosting;

/// <summary>
/// The firmware as a hosted service: product and board, pins to their safe level, identity (registering if needed),
/// then the core's loop until the host stops. On stop (Ctrl+C, SIGTERM, systemd) the outputs go to their safe level
/// and the MQTT session ends with a DISCONNECT.
/// </summary>
public sealed class FirmwareService : BackgroundService
{
    private readonly FirmwareOptions options;
    private readonly HostLoop hostLoop;
    private readonly ILoggerFactory loggers;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger logger;

    /// <summary>Creates the service.</summary>
    public FirmwareService(FirmwareOptions options, HostLoop hostLoop, ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    {
        this.options = options;
        this.hostLoop = hostLoop;
        this.loggers = loggers;
        this.lifetime = lifetime;
        logger = loggers.CreateLogger<FirmwareService>();
    }

    /// <summary>0 after a clean run; 1 when the firmware could not start.</summary>
    public int ExitCode { get; private set; }

    /// <summary>How the transport reaches M2M under <paramref name="options"/>: MQTT 3.1 unless <c>--mqtt-version</c> says otherwise.</summary>
    public static MqttConnection MqttConnectionFor(HostPort m2m, FirmwareOptions options)
    {
        // The validator has refused anything else before we get here.
        MqttVersion version = MqttVersions.TryParse(options.MqttVersion ?? string.Empty, out MqttVersion parsed) ? parsed : MqttVersions.Default;
        return new MqttConnection(m2m.Host, m2m.Port, options.Tls, options.CaFile, options.PingIntervalMs, version);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        BoardHardware? hardware = null;
        MqttNetTransport? transport = null;
        FirmwareLoop? loop = null;
        try
        {
            Product product = ProductJson.Load(options.Product!);
            string boardPath = BoardLocator.Resolve(options.Board!) ?? throw new ArgumentException($"--board: '{options.Board}' not found");
            if (!BoardFile.TryLoad(boardPath, product, out BoardMap map, out string boardError)) throw new ArgumentException(boardError);
            if (!LogLevelOption.TryParse(options.LogLevel, out Protocol.LogLevel initialLevel)) throw new ArgumentException($"--log-level: {options.LogLevel}");

            hardware = BoardHardware.Open(map, options.SimControl, logger);

            // Safe levels before any network traffic, registration included: a relay must not stay on while we wait for
            // GService. The core built on this board below takes these pins over.
            var clock = new SystemClock();
            var board = new DeviceBoard(product, map, hardware.Pins);
            board.Open(clock.NowMs);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            var resolver = new IdentityResolver(options, http, loggers.CreateLogger<IdentityResolver>());
            (DeviceIdentity identity, HostPort m2m) = await resolver.ResolveAsync(product.ProductKey, stoppingToken).ConfigureAwait(false);

            var session = new SessionSettings
            {
                KeepAliveSeconds = options.KeepAliveSeconds,
                PingIntervalMs = options.PingIntervalMs,
                ReconnectStepMs = options.ReconnectStepMs,
                ConnectTimeoutMs = options.ConnectTimeoutMs,
                StableConnectionMs = options.StableConnectionMs,
            };
            transport = new MqttNetTransport(
                MqttConnectionFor(m2m, options),
                hostLoop,
                loggers.CreateLogger<MqttNetTransport>());
            var config = new DeviceConfig
            {
                Did = identity.Did,
                Passcode = identity.Passcode,
                Product = product,
                Session = session,
                InitialLogLevel = initialLevel,
                Reports = new LoggedCoreReports(
                    loggers.CreateLogger<FirmwareLoop>(),
                    loggers.CreateLogger(typeof(DeviceFirmware.Core.Dispatch.Dispatcher).FullName!)),
            };
            var core = new DeviceCore(config, clock, transport, board, hardware.Sensor, null);
            loop = new FirmwareLoop(hostLoop, core, loggers.CreateLogger<FirmwareLoop>());
            logger.LogInformation("Firmware for {Product} on board {Board}: DID {Did}, M2M {M2m}{Tls}, {Bytes} bytes preallocated",
                product.Name, map.Name, identity.Did, m2m, options.Tls ? " (TLS)" : "", core.PreallocatedBytes);
            loop.Start();
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal stop.
        }
        catch (Exception e) when (e is ArgumentException or ProductException or ProvisioningException or System.IO.IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            logger.LogCritical("Firmware cannot start: {Reason}", e.Message);
            ExitCode = 1;
            lifetime.StopApplication();
        }
        finally
        {
            if (loop is not null && !loop.Stop(3000)) logger.LogError("Firmware loop did not stop within 3 s");
            loop?.Dispose();
            if (transport is not null) await transport.CloseAsync(2000).ConfigureAwait(false);
            if (hardware is not null) await hardware.DisposeAsync().ConfigureAwait(false);
            logger.LogInformation("Firmware stopped; outputs at their safe level");
        }
    }
}
