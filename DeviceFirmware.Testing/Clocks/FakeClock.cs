using DeviceFirmware.Core;

namespace DeviceFirmware.Testing.Clocks;

/// <summary>The core's clock, moved only by the test (or harness, or benchmark): every run is the same, nothing sleeps.</summary>
public sealed class FakeClock : IClock
{
    /// <inheritdoc/>
    public long NowMs { get; set; }
}
