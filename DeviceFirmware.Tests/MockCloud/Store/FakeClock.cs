using System;

namespace DeviceFirmware.Tests.MockCloud.Store
{
    /// <summary>A clock that moves only when a test moves it.</summary>
    internal sealed class FakeClock : TimeProvider
    {
        private readonly object gate = new object();
        private DateTimeOffset now;

        public FakeClock(DateTimeOffset start) => now = start;

        public FakeClock()
            : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
        {
        }

        public override DateTimeOffset GetUtcNow()
        {
            lock (gate) return now;
        }

        public void Advance(TimeSpan by)
        {
            lock (gate) now += by;
        }
    }
}
