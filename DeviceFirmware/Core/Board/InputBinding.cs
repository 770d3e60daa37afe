namespace DeviceFirmware.Core.Board
{
    /// <summary>One read-only bool data point fed by a debounced input pin (board file, <c>inputs[]</c>).</summary>
    public sealed class InputBinding
    {
        /// <summary>The data point's name (e.g. <c>Button</c>).</summary>
        public string Point { get; set; }

        /// <summary>The GPIO number.</summary>
        public int Pin { get; set; }

        /// <summary>True when pressed reads low (a button to ground with a pull-up).</summary>
        public bool ActiveLow { get; set; }

        /// <summary>Use the internal pull-up.</summary>
        public bool PullUp { get; set; }

        /// <summary>A level must stay this long before it counts (default 50 ms).</summary>
        public int DebounceMs { get; set; } = 50;
    }
}
