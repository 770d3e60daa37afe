namespace DeviceFirmware.Core.Board
{
    /// <summary>A temperature/humidity sensor (an I2C device on real boards, a simulated one in tests).</summary>
    public interface ISensor
    {
        /// <summary>Reads one measurement; false when the sensor did not answer or answered garbage. Never throws.</summary>
        bool TryRead(out double temperatureCelsius, out double relativeHumidityPercent);
    }
}
