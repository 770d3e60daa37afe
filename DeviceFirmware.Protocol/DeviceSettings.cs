namespace DeviceFirmware.Protocol
{
    /// <summary>
    /// The 16-bit value of 0x0010, defined by this project (docs/protocol.md §3 [ours]) because the seed's table
    /// is cut off: bits 0–1 log level threshold, bit 2 indicator LED enabled, bits 3–15 reserved (sent as 0,
    /// ignored on receipt). This is the only place that knows the bit layout.
    /// </summary>
    public static class DeviceSettings
    {
        /// <summary>Mask of the log level threshold (bits 0–1).</summary>
        public const int LogLevelMask = 0x0003;

        /// <summary>Bit of the indicator LED (1 = enabled, 0 = dark).</summary>
        public const int IndicatorLedBit = 0x0004;

        /// <summary>Bits 3–15, reserved: sent as 0, ignored (with a Warning) on receipt.</summary>
        public const int ReservedMask = 0xFFF8;

        /// <summary>The settings a device starts with: Warning threshold, indicator LED on.</summary>
        public const int Default = (int)Protocol.LogLevel.Warning | IndicatorLedBit;

        /// <summary>The log level threshold in <paramref name="settings"/>.</summary>
        public static LogLevel GetLogLevel(int settings) => (LogLevel)(settings & LogLevelMask);

        /// <summary>True when <paramref name="settings"/> turns the indicator LED on.</summary>
        public static bool IsIndicatorLedEnabled(int settings) => (settings & IndicatorLedBit) != 0;

        /// <summary>True when any reserved bit is set.</summary>
        public static bool HasReservedBits(int settings) => (settings & ReservedMask) != 0;

        /// <summary>Builds a settings value; reserved bits are 0.</summary>
        public static int Compose(LogLevel level, bool indicatorLed) =>
            ((int)level & LogLevelMask) | (indicatorLed ? IndicatorLedBit : 0);
    }
}
