#nullable enable
using System.Diagnostics;
using DeviceFirmware.Core;

namespace DeviceFirmware.Iot.Hosting;

/// <summary>The monotonic clock on .NET (Stopwatch): immune to wall-clock jumps from NTP, as the supervisor needs.</summary>
public sealed class SystemClock : IClock
{
    /// <inheritdoc/>
    public long NowMs => Stopwatch.GetTimestamp() * 1000 / Stopwatch.Frequency;
}
