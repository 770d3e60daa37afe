using DeviceFirmware.Core;

namespace DeviceFirmware.Fuzz.Device;

/// <summary>A clock the harness moves by hand, so every run is the same.</summary>
public sealed class FuzzClock : IClock
{
    /// <inheritdoc/>
    public long NowMs { get; set; }
}
