#nullable enable
namespace DeviceFirmware.Iot.Simulation;

/// <summary>How a simulated sensor misbehaves.</summary>
public enum SensorFault
{
    /// <summary>Answers like a healthy chip.</summary>
    None = 0,

    /// <summary>
    /// Does not acknowledge its address, like an unplugged sensor: every transfer throws an
    /// <see cref="System.IO.IOException"/>, as the Linux I2C driver does. The binding reports this as an error.
    /// </summary>
    Nack = 1,

    /// <summary>
    /// Answers measurements with wrong CRC bytes, like a noisy bus. The firmware's driver (Sht3xClimateSensor) reports
    /// this as a failed read; the Iot.Device.Sht3x 4.2.0 binding would silently keep its previous values.
    /// </summary>
    BadCrc = 2,
}
