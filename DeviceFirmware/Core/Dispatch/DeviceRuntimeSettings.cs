using DeviceFirmware.Protocol;

namespace DeviceFirmware.Core.Dispatch
{
    /// <summary>The settings an App changed with 0x0010, read by the log emitter and the indicator LED.</summary>
    public sealed class DeviceRuntimeSettings
    {
        /// <summary>The last 0x0010 value (reserved bits cleared); starts at <see cref="DeviceSettings.Default"/>.</summary>
        public int Value { get; private set; } = DeviceSettings.Default;

        /// <summary>True unless an App turned the indicator LED dark.</summary>
        public bool IndicatorLedEnabled => DeviceSettings.IsIndicatorLedEnabled(Value);

        /// <summary>The log threshold.</summary>
        public LogLevel LogLevel => DeviceSettings.GetLogLevel(Value);

        /// <summary>Takes a 0x0010 value; reserved bits are ignored. Returns true if any reserved bit was set.</summary>
        public bool Apply(int settings)
        {
            Value = settings & ~DeviceSettings.ReservedMask;
            return DeviceSettings.HasReservedBits(settings);
        }
    }
}
