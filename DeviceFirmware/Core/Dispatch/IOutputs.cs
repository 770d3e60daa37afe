using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Core.Dispatch
{
    /// <summary>Drives the peripherals of writable data points (relay, LED, PWM) from the device's state.</summary>
    public interface IOutputs
    {
        /// <summary>Moves the outputs of the points flagged in <paramref name="changed"/> to their values in <paramref name="state"/>.</summary>
        void Apply(DataPointValues state, bool[] changed);
    }
}
