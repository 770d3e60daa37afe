using System;
using DeviceFirmware.Core;

namespace DeviceFirmware.Nano.Hosting
{
    /// <summary>
    /// The core's clock on nanoFramework. mscorlib 1.17.11 has no <c>Environment.TickCount64</c> or <c>Stopwatch</c>,
    /// so this reads <see cref="DateTime.UtcNow"/> and keeps it monotonic: a step backwards or a jump forward of more
    /// than <see cref="MaxStepMs"/> between two reads (the RTC set by SNTP after Wi-Fi connects) counts as no time
    /// passing. The firmware loop reads the clock at least once a second, so real elapsed time is never lost by more
    /// than that. Not thread-safe: the loop thread is its only reader.
    /// </summary>
    public sealed class NanoClock : IClock
    {
        /// <summary>A larger jump between two reads is taken as the wall clock being set, not as time passing.</summary>
        public const long MaxStepMs = 5000;

        private long lastWallMs;
        private long nowMs;
        private bool started;

        /// <inheritdoc/>
        public long NowMs
        {
            get
            {
                long wall = DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond;
                if (!started)
                {
                    started = true;
                    lastWallMs = wall;
                    return nowMs;
                }

                long step = wall - lastWallMs;
                lastWallMs = wall;
                if (step > 0 && step <= MaxStepMs) nowMs += step;
                return nowMs;
            }
        }
    }
}
