namespace DeviceFirmware.Core.Peripherals
{
    /// <summary>
    /// Debounce of one input, as pure logic over an injected time (like dotnet/iot's <c>ButtonBase</c>, but
    /// testable without sleeping): a new level counts once it has been seen without interruption for
    /// <see cref="DebounceMs"/>; a bounce shorter than that is ignored. Active-low inputs are turned into
    /// "active" here, so callers only see the logical state.
    /// </summary>
    public sealed class DebouncedInput
    {
        private bool candidate;
        private long candidateSince;

        /// <summary>Creates an input that is inactive until sampled (or <see cref="Reset"/>).</summary>
        public DebouncedInput(int debounceMs, bool activeLow)
        {
            DebounceMs = debounceMs < 0 ? 0 : debounceMs;
            ActiveLow = activeLow;
        }

        /// <summary>How long a level must stay before it counts.</summary>
        public int DebounceMs { get; }

        /// <summary>True when a low level means active (a button to ground with a pull-up).</summary>
        public bool ActiveLow { get; }

        /// <summary>The debounced logical state: true = active (pressed).</summary>
        public bool IsActive { get; private set; }

        /// <summary>Takes <paramref name="rawLevel"/> as the settled state at once (start-up: there is no earlier level to bounce from).</summary>
        public void Reset(bool rawLevel, long nowMs)
        {
            IsActive = rawLevel != ActiveLow;
            candidate = IsActive;
            candidateSince = nowMs;
        }

        /// <summary>Takes one sample of the electrical level; true when the debounced state changed with it.</summary>
        public bool Sample(bool rawLevel, long nowMs)
        {
            bool logical = rawLevel != ActiveLow;
            if (logical != candidate)
            {
                candidate = logical;
                candidateSince = nowMs;
            }

            if (candidate == IsActive || nowMs - candidateSince < DebounceMs) return false;
            IsActive = candidate;
            return true;
        }
    }
}
