#nullable enable
using System;
using System.Device.I2c;
using System.Threading;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Nano.Sensors;

namespace DeviceFirmware.Iot.Sensors;

/// <summary>
/// The climate sensor seam over a Sensirion SHT3x on any <see cref="I2cDevice"/>: the Pi's I2C bus or the simulated
/// board's <see cref="Simulation.SimulatedClimateSensor"/>. One single-shot measurement per read (command 0x2400: high
/// repeatability, no clock stretching), 20 ms wait, six bytes checked by <see cref="Sht3xFrame"/> (the ESP32 build's
/// decoder: both CRCs, then the datasheet's conversion). <see cref="TryRead"/> never throws: a missing chip (the
/// transfer throws) and a corrupted answer (a CRC mismatch) are both "no reading", so the core sets the fault point;
/// a chip plugged in later is read on the next poll.
/// </summary>
/// <remarks>
/// Written here rather than over the Iot.Device.Sht3x binding: the binding answers in UnitsNet quantities, and
/// UnitsNet's default converter registers its conversions by reflection, which the NativeAOT (one native binary) build
/// cannot keep (trim warning IL2104/IL2075); it also silently keeps its previous values on a CRC error and takes one
/// measurement per property (two per read). Iot.Device.Bindings stays for the simulated I2C chip.
/// </remarks>
public sealed class Sht3xClimateSensor : ISensor, IDisposable
{
    /// <summary>Time the chip needs for a high-repeatability measurement (datasheet: 15.5 ms max).</summary>
    public const int MeasurementMs = 20;

    private static readonly byte[] MeasureHighRepeatability = { 0x24, 0x00 };

    private readonly object gate = new();
    private readonly I2cDevice device;
    private readonly bool ownsDevice;
    private readonly byte[] answer = new byte[Sht3xFrame.Length];
    private bool disposed;

    /// <summary>Wraps <paramref name="device"/>; nothing is sent to the chip before the first read, so this never throws.</summary>
    /// <param name="device">The I2C device at the chip's address.</param>
    /// <param name="ownsDevice">Dispose <paramref name="device"/> with this object (false when the simulated board owns it).</param>
    public Sht3xClimateSensor(I2cDevice device, bool ownsDevice = true)
    {
        ArgumentNullException.ThrowIfNull(device);
        this.device = device;
        this.ownsDevice = ownsDevice;
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

            try
            {
                device.Write(MeasureHighRepeatability);
                Thread.Sleep(MeasurementMs);
                device.Read(answer);
            }
#pragma warning disable CA1031 // The seam promises never to throw: any bus failure is "no reading".
            catch (Exception)
#pragma warning restore CA1031
            {
                return false;
            }

            return Sht3xFrame.TryDecode(answer, 0, answer.Length, out temperatureCelsius, out relativeHumidityPercent);
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
                device.Dispose();
            }
        }
    }
}
