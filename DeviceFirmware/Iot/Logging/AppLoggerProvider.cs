#nullable enable
using System;
using DeviceFirmware.Core.Hosting;
using Microsoft.Extensions.Logging;
using ProtocolLogLevel = DeviceFirmware.Protocol.LogLevel;

namespace DeviceFirmware.Iot.Logging;

/// <summary>
/// Sends the program's <c>ILogger</c> output to the Apps as 0x0012 (docs/protocol.md §3): each entry at or above the
/// threshold an App set with 0x0010 (read from the core, where alone it is held) is posted to the core's
/// <see cref="IHostLogs"/>, whose rate-limited <c>LogEmitter</c> publishes it. The
/// transport's and MQTTnet's own categories are never forwarded: a failure to publish a log must not become a log to
/// publish.
/// </summary>
[ProviderAlias("GizwitsApp")]
public sealed class AppLoggerProvider : ILoggerProvider
{
    private readonly IHostLogs logs;

    /// <summary>Creates the provider posting to <paramref name="logs"/> (the host loop).</summary>
    public AppLoggerProvider(IHostLogs logs)
    {
        this.logs = logs;
    }

    /// <summary>Maps a .NET level to the protocol's; Off for Debug and Trace, which never reach an App.</summary>
    public static ProtocolLogLevel ToProtocol(LogLevel level) => level switch
    {
        LogLevel.Critical or LogLevel.Error => ProtocolLogLevel.Error,
        LogLevel.Warning => ProtocolLogLevel.Warning,
        LogLevel.Information => ProtocolLogLevel.Info,
        _ => ProtocolLogLevel.Off,
    };

    /// <summary>
    /// True for categories that are never forwarded: the transport and MQTTnet (a failed publish must not become a log to
    /// publish), and the core's (<see cref="CoreCategory"/>: the core sent those to the Apps itself).
    /// </summary>
    public static bool IsExcluded(string category) =>
        category.StartsWith("DeviceFirmware.Iot.Transport", StringComparison.Ordinal) || category.StartsWith("MQTTnet", StringComparison.Ordinal)
        || category.StartsWith(CoreCategory, StringComparison.Ordinal);

    /// <summary>The category prefix of local copies of logs the core already sent as 0x0012 (e.g. the dispatcher's refusals).</summary>
    public const string CoreCategory = "DeviceFirmware.Core";

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new AppLogger(this, categoryName);

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private sealed class AppLogger : ILogger
    {
        private readonly AppLoggerProvider provider;
        private readonly string category;
        private readonly string tag;
        private readonly bool excluded;

        public AppLogger(AppLoggerProvider provider, string category)
        {
            this.provider = provider;
            this.category = category;
            int dot = category.LastIndexOf('.');
            tag = dot >= 0 ? category[(dot + 1)..] : category;
            excluded = IsExcluded(category);
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel)
        {
            if (excluded) return false;
            ProtocolLogLevel level = ToProtocol(logLevel);
            return level != ProtocolLogLevel.Off && level <= provider.logs.LogThreshold;
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            string text = formatter(state, exception);
            if (exception is not null) text += ": " + exception.Message;
            provider.logs.Log(ToProtocol(logLevel), tag, category, text);
        }
    }
}
