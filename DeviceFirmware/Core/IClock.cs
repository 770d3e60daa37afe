namespace DeviceFirmware.Core
{
    /// <summary>A monotonic millisecond clock, injected so that time-based rules are tested without sleeping.</summary>
    public interface IClock
    {
        /// <summary>Milliseconds since an arbitrary start; never goes backwards.</summary>
        long NowMs { get; }
    }
}
