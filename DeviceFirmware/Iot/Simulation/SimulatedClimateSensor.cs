#nullable enable
using System;
using System.Device.I2c;
using System.IO;

namespace DeviceFirmware.Iot.Simulation;

/// <summary>
/// A simulated Sensirion SHT3x on the I2C wire, so the firmware's driver (and the <c>Iot.Device.Sht3x.Sht3x</c>
/// binding, in the tests) reads it through an <see cref="I2cDevice"/> exactly as it reads the chip on a Pi. Implements the commands the binding and
/// a careful driver use: single-shot measurement (0x24xx, 0x2Cxx), soft reset (0x30A2), heater on/off
/// (0x306D/0x3066), read/clear status (0xF32D/0x3041). Words are big-endian with a CRC-8 (polynomial 0x31, init
/// 0xFF) after each, as in the datasheet. Temperature and humidity are set by the control surface.
/// Thread-safe.
/// </summary>
public sealed class SimulatedClimateSensor : I2cSimulatedDeviceBase
{
    /// <summary>The SHT3x's default address (ADDR pin low).</summary>
    public const int DefaultAddress = 0x44;

    /// <summary>The lowest temperature an SHT3x reports, °C.</summary>
    public const double MinTemperature = -45;

    /// <summary>The highest temperature an SHT3x reports, °C.</summary>
    public const double MaxTemperature = 130;

    private const ushort StatusHeaterBit = 1 << 13;
    private const ushort StatusResetBit = 1 << 4;
    private const ushort StatusCommandErrorBit = 1 << 1;

    private readonly object gate = new();
    private double temperature = 21.5;
    private double humidity = 45;
    private SensorFault fault;
    private bool heater;
    private ushort status = StatusResetBit;
    private byte[]? pending;
    private bool disposed;
    private long measurements;

    /// <summary>Creates a simulated SHT3x on <paramref name="busId"/> at <paramref name="address"/> (0x44 or 0x45), at 21.5 °C and 45 %.</summary>
    public SimulatedClimateSensor(int busId = 1, int address = DefaultAddress)
        : base(new I2cConnectionSettings(busId, address))
    {
    }

    /// <summary>The temperature the next measurement reports, °C.</summary>
    public double Temperature
    {
        get
        {
            lock (gate)
            {
                return temperature;
            }
        }
    }

    /// <summary>The relative humidity the next measurement reports, %.</summary>
    public double Humidity
    {
        get
        {
            lock (gate)
            {
                return humidity;
            }
        }
    }

    /// <summary>The current fault, <see cref="SensorFault.None"/> when healthy.</summary>
    public SensorFault Fault
    {
        get
        {
            lock (gate)
            {
                return fault;
            }
        }

        set
        {
            lock (gate)
            {
                fault = value;
            }
        }
    }

    /// <summary>Whether the firmware switched the chip's heater on.</summary>
    public bool Heater
    {
        get
        {
            lock (gate)
            {
                return heater;
            }
        }
    }

    /// <summary>How many measurement commands the chip accepted (to see that the firmware polls).</summary>
    public long MeasurementCount
    {
        get
        {
            lock (gate)
            {
                return measurements;
            }
        }
    }

    /// <summary>Sets what the next measurements report.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Temperature outside −45..130 °C or humidity outside 0..100 % (the chip's range), or not a number.</exception>
    public void SetClimate(double temperatureCelsius, double relativeHumidityPercent)
    {
        if (!(temperatureCelsius >= MinTemperature && temperatureCelsius <= MaxTemperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperatureCelsius), temperatureCelsius, "An SHT3x measures −45..130 °C.");
        }

        if (!(relativeHumidityPercent >= 0 && relativeHumidityPercent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeHumidityPercent), relativeHumidityPercent, "Relative humidity is 0..100 %.");
        }

        lock (gate)
        {
            temperature = temperatureCelsius;
            humidity = relativeHumidityPercent;
        }
    }

    /// <summary>The SHT3x CRC-8 of one 16-bit word (polynomial 0x31, init 0xFF, no final XOR).</summary>
    public static byte Crc8(byte msb, byte lsb)
    {
        byte crc = 0xFF;
        crc = Step(crc, msb);
        return Step(crc, lsb);

        static byte Step(byte crc, byte data)
        {
            crc ^= data;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x31) : (byte)(crc << 1);
            }

            return crc;
        }
    }

    /// <summary>Temperature as the chip's 16-bit raw value: T = −45 + 175 · raw / 65535.</summary>
    public static ushort RawTemperature(double celsius) => Raw((celsius - MinTemperature) / 175.0);

    /// <summary>Relative humidity as the chip's 16-bit raw value: RH = 100 · raw / 65535.</summary>
    public static ushort RawHumidity(double percent) => Raw(percent / 100.0);

    /// <summary>One I2C transfer: an optional write (a 16-bit command) then an optional read of the pending answer.</summary>
    /// <exception cref="IOException">The chip did not acknowledge: faulted, unknown command, or read with nothing to read.</exception>
    public override void WriteRead(byte[] inputBuffer, byte[] outputBuffer)
    {
        ArgumentNullException.ThrowIfNull(inputBuffer);
        ArgumentNullException.ThrowIfNull(outputBuffer);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (fault == SensorFault.Nack)
            {
                throw Nack("address not acknowledged (simulated unplugged sensor)");
            }

            if (inputBuffer.Length > 0)
            {
                Command(inputBuffer);
            }

            if (outputBuffer.Length == 0)
            {
                return;
            }

            if (pending is null)
            {
                // The chip NACKs a read header while it has no data (measurement not started or already read).
                throw Nack("no data to read");
            }

            // A master that stops early (temperature only) loses the rest; one that reads on sees the idle bus (0xFF).
            int count = Math.Min(outputBuffer.Length, pending.Length);
            Array.Copy(pending, outputBuffer, count);
            Array.Fill(outputBuffer, (byte)0xFF, count, outputBuffer.Length - count);
            pending = null;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        lock (gate)
        {
            disposed = true;
        }

        base.Dispose(disposing);
    }

    // Under the lock.
    private void Command(byte[] input)
    {
        if (input.Length != 2)
        {
            status |= StatusCommandErrorBit;
            throw Nack($"a command is 2 bytes, got {input.Length}");
        }

        int command = (input[0] << 8) | input[1];
        switch (command)
        {
            // Single shot, clock stretching disabled: high, medium, low repeatability.
            case 0x2400 or 0x240B or 0x2416:
            // Single shot, clock stretching enabled.
            case 0x2C06 or 0x2C0D or 0x2C10:
                Measure();
                break;
            case 0x30A2:
                heater = false;
                pending = null;
                status = StatusResetBit;
                break;
            case 0x306D:
                heater = true;
                status |= StatusHeaterBit;
                break;
            case 0x3066:
                heater = false;
                status = (ushort)(status & ~StatusHeaterBit);
                break;
            case 0xF32D:
                pending = Words(status, null);
                break;
            case 0x3041:
                status = (ushort)(status & ~(StatusResetBit | StatusCommandErrorBit));
                break;
            default:
                status |= StatusCommandErrorBit;
                throw Nack($"unknown command 0x{command:X4}");
        }
    }

    private void Measure()
    {
        measurements++;
        pending = Words(RawTemperature(temperature), RawHumidity(humidity));
        if (fault == SensorFault.BadCrc)
        {
            pending[2] ^= 0xFF;
            pending[5] ^= 0xFF;
        }
    }

    private static byte[] Words(ushort first, ushort? second)
    {
        var bytes = new byte[second is null ? 3 : 6];
        Put(bytes, 0, first);
        if (second is ushort value)
        {
            Put(bytes, 3, value);
        }

        return bytes;

        static void Put(byte[] bytes, int at, ushort word)
        {
            bytes[at] = (byte)(word >> 8);
            bytes[at + 1] = (byte)word;
            bytes[at + 2] = Crc8(bytes[at], bytes[at + 1]);
        }
    }

    private static ushort Raw(double fraction)
    {
        double scaled = Math.Round(fraction * 65535.0);
        return (ushort)Math.Clamp(scaled, 0, 65535);
    }

    private IOException Nack(string why) =>
        new($"I2C device 0x{ConnectionSettings.DeviceAddress:X2} on bus {ConnectionSettings.BusId}: {why}.");
}
