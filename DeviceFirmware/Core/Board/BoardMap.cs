namespace DeviceFirmware.Core.Board
{
    /// <summary>
    /// A board file (<c>hardware/boards/*.json</c>): which data point is wired to which pin or bus. The firmware is
    /// generic over (product, board): a new board is a new file, not new code.
    /// </summary>
    public sealed class BoardMap
    {
        /// <summary>The board's name (e.g. <c>simulated</c>, <c>raspberry-pi-4</c>, <c>esp32-devkitc</c>).</summary>
        public string Name { get; set; }

        /// <summary>Writable data points driven by pins.</summary>
        public OutputBinding[] Outputs { get; set; } = new OutputBinding[0];

        /// <summary>Read-only bool data points fed by debounced input pins.</summary>
        public InputBinding[] Inputs { get; set; } = new InputBinding[0];

        /// <summary>The climate sensor, or null.</summary>
        public SensorBinding Sensor { get; set; }

        /// <summary>The indicator LED's GPIO, or -1 for none.</summary>
        public int IndicatorPin { get; set; } = -1;

        /// <summary>True when the indicator LED is lit at a low level.</summary>
        public bool IndicatorActiveLow { get; set; }

        /// <summary>How often inputs are sampled for debouncing (default 10 ms).</summary>
        public int InputPollMs { get; set; } = 10;
    }
}
