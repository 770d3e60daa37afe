#nullable enable
using System;
using DeviceFirmware.Core.Hosting;
using DeviceFirmware.Iot.Config;
using DeviceFirmware.Iot.Hosting;
using DeviceFirmware.Iot.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DeviceFirmware.Iot;

/// <summary>Entry point of the firmware on .NET (Raspberry Pi, any Linux with the simulated board).</summary>
public static class Program
{
    /// <summary>Messages that may wait for the core, and as many logs; more are dropped and counted (see <see cref="CoreInbox"/>).</summary>
    public const int InboxCapacity = 1024;

    /// <summary>Runs the firmware until Ctrl+C or SIGTERM; 0 after a clean stop, 1 when it cannot start, 2 for a usage error.</summary>
    public static int Main(string[] args) => FirmwareCommandLine.Run(args, Console.Out, Console.Error, Run);

    /// <summary>Runs the firmware with validated options (blocks until stopped).</summary>
    public static int Run(FirmwareOptions options)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        var loop = new HostLoop(new CoreInbox(InboxCapacity, InboxCapacity), new SystemClock());
        var appLogs = new AppLoggerProvider(loop);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.Logging.AddProvider(appLogs);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(loop);
        builder.Services.AddSingleton(appLogs);
        builder.Services.AddSingleton<FirmwareService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FirmwareService>());
        using IHost host = builder.Build();
        FirmwareService firmware = host.Services.GetRequiredService<FirmwareService>();
        host.Run();
        return firmware.ExitCode;
    }
}
