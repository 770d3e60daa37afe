namespace DeviceFirmware.Core.Dispatch
{
    /// <summary>Sizes of the dispatcher's preallocated tables.</summary>
    public sealed class DispatcherOptions
    {
        /// <summary>Apps whose reply topic is remembered (default 8).</summary>
        public int KnownApps { get; set; } = 8;

        /// <summary>Answered 0x0093 requests remembered to answer repeats (default 16).</summary>
        public int RepeatWindow { get; set; } = 16;

        /// <summary>How long (ms) an answered 0x0093 counts for repeats (default <see cref="Dispatch.RepeatWindow.DefaultWindowMs"/>, 30 s).</summary>
        public int RepeatWindowMs { get; set; } = Dispatch.RepeatWindow.DefaultWindowMs;

        /// <summary>Largest answer a custom (0x05) handler may write (default 64 bytes).</summary>
        public int MaxCustomReplyBytes { get; set; } = 64;
    }
}
