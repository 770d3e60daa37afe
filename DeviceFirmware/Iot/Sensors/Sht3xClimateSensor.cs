#nullable enable
using System;
using System.Device.I2c;
using DeviceFirmware.Core.Board;
using Iot.Device.Sht3x;

namespace DeviceFirmware.Iot.Sensors;

/// <summary>
/// The climate sensor seam over the Iot.Device.Sht3x binding and any <see cref="I2cDevice"/>: the Pi's I2C bus or
/// the simulated board's <see cref="Simulation.SimulatedClimateSensor"/>. <see cref="TryRead"/> never throws; an
/// unplugged chip at start-up is retried on every read, so the sensor may be connected later.
/// </summary>
/// <remarks>
/// Iot.Device.Sht3x 4.2.0 reports a missing chip (the I2C transfer throws) but not a CRC error: it silently keeps
/// the previous values. So a corrupted answer is not seen here; a missing chip is.
/// </remarks>
public sealed class Sht3xClimateSensor : ISensor, IDisposable
{
    private readonly object gate = new();
    private readonly I2cDevice device;
    private readonly bool ownsDevice;
    private readonly Resolution resolution;
    private Sht3x? binding;
    private bool disposed;

    /// <summary>Wraps <paramref name="device"/>; the chip is reset on the first read, not here, so this never throws.</summary>
    /// <param name="device">The I2C device at the chip's address.</param>
    /// <param name="ownsDevice">Dispose <paramref name="device"/> with this object (false when the simulated board owns it).</param>
    /// <param name="resolution">The binding's repeatability setting.</param>
    public Sht3xClimateSensor(I2cDevice device, bool ownsDevice = true, Resolution resolution = Resolution.High)
    {
        ArgumentNullException.ThrowIfNull(device);
        this.device = device;
        this.ownsDevice = ownsDevice;
        this.resolution = resolution;
    }

    /// <summary>Opens the chip on a Linux I2C bus (<c>/dev/i2c-<paramref name="busId"/></c>) at <paramref name="address"/>.</summary>
    /// <exception cref="PlatformNotSupportedException">No I2C support on this OS.</exception>
    /// <exception cref="System.IO.IOException">The bus does not exist or cannot be opened.</exception>
    public static Sht3xClimateSensor Open(int busId, int address) =>
        new(I2cDevice.Create(new I2cConnectionSettings(busId, address)), ownsDevice: true);

    /// <inheritdoc />
    public bool TryRead(out double temperatureCelsius, out double relativeHumidityPercent)
    {
        temperatureCelsius = double.NaN;
        relativeHumidityPercent = double.NaN;
        lock (gate)
        {
            if (disposed)
            {
                return false;
            }

            double temperature;
            double humidity;
            try
            {
                // The binding resets the chip in its constructor; a chip missing at start-up throws there, so it is
                // created on first success rather than once.
                binding ??= new Sht3x(device, resolution);

                // Each property is a full measurement on the wire (about 20 ms each).
                temperature = binding.Temperature.DegreesCelsius;
                humidity = binding.Humidity.Percent;
            }
#pragma warning disable CA1031 // The seam promises never to throw: any bus or binding failure is "no reading".
            catch (Exception)
#pragma warning restore CA1031
            {
                return false;
            }

            if (!double.IsFinite(temperature) || !double.IsFinite(humidity))
            {
                return false;
            }

            temperatureCelsius = temperature;
            relativeHumidityPercent = humidity;
            return true;
        }
    }

    /// <summary>Releases the I2C device when this object owns it.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            if (ownsDevice)
            {
                // Sht3x.Dispose disposes the device too; without a binding dispose the device directly.
                if (binding is not null)
                {
                    binding.Dispose();
                }
                else
                {
                    device.Dispose();
                }
            }
        }
    }
}
