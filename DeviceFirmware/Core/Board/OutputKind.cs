namespace DeviceFirmware.Core.Board
{
    /// <summary>How a writable data point reaches its pin.</summary>
    public enum OutputKind
    {
        /// <summary>On/off: high when the point's raw value is not 0 (bool, enum other than its first value).</summary>
        Digital = 0,

        /// <summary>PWM: duty cycle = (raw − Min) / (Max − Min) of the data point.</summary>
        Pwm = 1,
    }
}
