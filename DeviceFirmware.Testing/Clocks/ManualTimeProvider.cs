using System;

namespace DeviceFirmware.Testing.Clocks;

/// <summary>
/// The mock cloud's clock (<see cref="TimeProvider"/>) that moves only when a test moves it; safe to read from the
/// server's threads while the test advances it. Timers and timestamps stay the system's (<see cref="TimeProvider"/>'s
/// defaults): only the wall-clock time the cloud stamps tokens, throttles and frames with is manual.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object gate = new();
    private DateTimeOffset now;

    /// <summary>Starts at <paramref name="start"/>.</summary>
    public ManualTimeProvider(DateTimeOffset start) => now = start;

    /// <summary>Starts at 2026-01-01T00:00:00Z.</summary>
    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by)
    {
        lock (gate) now += by;
    }
}
