using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>Keeps every log line (level and formatted text) for assertions.</summary>
public sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> entries = new();

    public (LogLevel Level, string Text)[] Entries => entries.ToArray();

    public string AllText => string.Join("\n", entries.Select(e => $"{e.Level}: {e.Text}"));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        entries.Enqueue((logLevel, formatter(state, exception) + (exception == null ? string.Empty : " | " + exception.GetType().Name + ": " + exception.Message)));
    }

    public bool Has(LogLevel level, string fragment) => entries.Any(e => e.Level == level && e.Text.Contains(fragment, StringComparison.Ordinal));
}
