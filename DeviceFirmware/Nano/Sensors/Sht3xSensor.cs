using System;
using System.Device.I2c;
using System.Threading;
using DeviceFirmware.Core.Board;
using nanoFramework.Hardware.Esp32;

namespace DeviceFirmware.Nano.Sensors
{
    /// <summary>
    /// The climate sensor seam over an SHT3x on nanoFramework's I2C: a single-shot measurement (command 0x2400: high
    /// repeatability, no clock stretching), 20 ms wait, six bytes read and checked by <see cref="Sht3xFrame"/>. Written
    /// here instead of using the nanoFramework.Iot.Device.Sht3x binding, which pulls in UnitsNet, System.Math and
    /// System.Device.Model (heap and flash on a 520 KB part) and does not report a CRC mismatch. Buffers are preallocated;
    /// <see cref="TryRead"/> never throws (a missing chip or a bad CRC is "no reading", and the core sets the fault point).
    /// <para>
    /// System.Device.I2c reports a NACK or a short transfer in the <see cref="I2cTransferResult"/> it returns, not by
    /// throwing, and the ESP32's native read copies into the buffer only on success: an unplugged chip would leave the
    /// last good frame (with a valid CRC) in the buffer. So every write and read result is checked (full transfer, all
    /// bytes), and the answer buffer is cleared before each read: anything else is a failed reading.
    /// </para>
    /// </summary>
    public sealed class Sht3xSensor : ISensor
    {
        /// <summary>Time the chip needs for a high-repeatability measurement (datasheet: 15.5 ms max).</summary>
        public const int MeasurementMs = 20;

        private readonly I2cDevice device;
        private readonly byte[] command = { 0x24, 0x00 };
        private readonly byte[] answer = new byte[Sht3xFrame.Length];

        /// <summary>Wraps an opened device.</summary>
        public Sht3xSensor(I2cDevice device)
        {
            this.device = device;
        }

        /// <summary>Routes I2C1 to <paramref name="dataPin"/>/<paramref name="clockPin"/> (ESP32) and opens the chip at <paramref name="address"/>.</summary>
        public static Sht3xSensor Open(int busId, int address, int dataPin, int clockPin)
        {
            Configuration.SetPinFunction(dataPin, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(clockPin, DeviceFunction.I2C1_CLOCK);
            return new Sht3xSensor(I2cDevice.Create(new I2cConnectionSettings(busId, address)));
        }

        /// <inheritdoc/>
        public bool TryRead(out double temperatureCelsius, out double relativeHumidityPercent)
        {
            temperatureCelsius = double.NaN;
            relativeHumidityPercent = double.NaN;
            Array.Clear(answer, 0, answer.Length);
            try
            {
                if (!IsComplete(device.Write(new SpanByte(command)), command.Length)) return false;
                Thread.Sleep(MeasurementMs);
                if (!IsComplete(device.Read(new SpanByte(answer)), answer.Length)) return false;
            }
            catch (Exception)
            {
                return false;
            }

            return Sht3xFrame.TryDecode(answer, 0, answer.Length, out temperatureCelsius, out relativeHumidityPercent);
        }

        /// <summary>True for a transfer that moved all <paramref name="length"/> bytes (no NACK, no clock-stretch timeout, not partial).</summary>
        public static bool IsComplete(I2cTransferResult result, int length) => result.Status == I2cTransferStatus.FullTransfer && result.BytesTransferred == (uint)length;
    }
}
