namespace DeviceFirmware.Core.Board
{
    /// <summary>One writable data point wired to one output pin (board file, <c>outputs[]</c>).</summary>
    public sealed class OutputBinding
    {
        /// <summary>The data point's name in the product (e.g. <c>Relay</c>).</summary>
        public string Point { get; set; }

        /// <summary>The GPIO number.</summary>
        public int Pin { get; set; }

        /// <summary>Digital or PWM.</summary>
        public OutputKind Kind { get; set; }

        /// <summary>True when the peripheral is on at a low level (many relay boards).</summary>
        public bool ActiveLow { get; set; }

        /// <summary>The data point's raw value driven before networking starts and, with <see cref="DisconnectPolicy.Safe"/>, on disconnect.</summary>
        public long SafeValue { get; set; }

        /// <summary>Hold or go safe when the session drops.</summary>
        public DisconnectPolicy OnDisconnect { get; set; }

        /// <summary>PWM frequency (PWM outputs only; default 1 kHz).</summary>
        public int PwmFrequencyHz { get; set; } = 1000;
    }
}
