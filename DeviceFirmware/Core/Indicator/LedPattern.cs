namespace DeviceFirmware.Core.Indicator
{
    /// <summary>What the indicator LED shows.</summary>
    public enum LedPattern
    {
        /// <summary>Connecting to the broker: slow blink (1 s on, 1 s off).</summary>
        Connecting = 0,

        /// <summary>Connected: steadily on.</summary>
        Connected,

        /// <summary>Something is wrong (sensor fault, refused by the broker): fast blink (200 ms on, 200 ms off).</summary>
        Error,
    }
}
