using System.Device.I2c;
using DeviceFirmware.Nano.Sensors;
using DeviceFirmware.NanoHostTests.Fakes;
using Xunit;

namespace DeviceFirmware.NanoHostTests.Sensors
{
    /// <summary>
    /// Sht3xSensor against the System.Device.I2c double: a NACK or a short transfer is reported in the returned
    /// I2cTransferResult (not thrown), and the ESP32 copies into the read buffer only on success.
    /// </summary>
    public class Sht3xSensorTests
    {
        public Sht3xSensorTests()
        {
            FakeI2c.Chip = new FakeI2c { Frame = Frame(0x66, 0x66, 0x80, 0x00) };
        }

        [Fact]
        public void A_full_transfer_is_decoded()
        {
            var sensor = new Sht3xSensor(I2cDevice.Create(new I2cConnectionSettings(1, 0x44)));

            Assert.True(sensor.TryRead(out double celsius, out double humidity));
            Assert.InRange(celsius, 24.9, 25.1);
            Assert.InRange(humidity, 49.9, 50.1);
        }

        [Fact]
        public void A_nack_after_a_good_reading_is_a_failed_reading_not_the_last_frame_again()
        {
            var sensor = new Sht3xSensor(I2cDevice.Create(new I2cConnectionSettings(1, 0x44)));
            Assert.True(sensor.TryRead(out _, out _));

            FakeI2c.Chip.Present = false;

            Assert.False(sensor.TryRead(out double celsius, out double humidity));
            Assert.True(double.IsNaN(celsius) && double.IsNaN(humidity));
        }

        [Fact]
        public void A_nacked_write_is_not_followed_by_a_read_of_the_old_buffer()
        {
            var sensor = new Sht3xSensor(I2cDevice.Create(new I2cConnectionSettings(1, 0x44)));
            Assert.True(sensor.TryRead(out _, out _));
            FakeI2c.Chip.Present = false;

            for (int i = 0; i < 3; i++) Assert.False(sensor.TryRead(out _, out _));
            Assert.Equal(4, FakeI2c.Chip.Writes);
        }

        [Fact]
        public void A_short_read_is_a_failed_reading()
        {
            var sensor = new Sht3xSensor(I2cDevice.Create(new I2cConnectionSettings(1, 0x44)));
            Assert.True(sensor.TryRead(out _, out _));

            FakeI2c.Chip.ShortReadBytes = 5;

            Assert.False(sensor.TryRead(out _, out _));
        }

        [Theory]
        [InlineData(I2cTransferStatus.FullTransfer, 6u, true)]
        [InlineData(I2cTransferStatus.FullTransfer, 5u, false)]
        [InlineData(I2cTransferStatus.PartialTransfer, 6u, false)]
        [InlineData(I2cTransferStatus.SlaveAddressNotAcknowledged, 0u, false)]
        [InlineData(I2cTransferStatus.ClockStretchTimeout, 0u, false)]
        [InlineData(I2cTransferStatus.UnknownError, 6u, false)]
        public void Is_complete_needs_a_full_transfer_of_every_byte(I2cTransferStatus status, uint bytes, bool complete)
        {
            Assert.Equal(complete, Sht3xSensor.IsComplete(new I2cTransferResult(status, bytes), 6));
        }

        /// <summary>An SHT3x answer: temperature word, CRC, humidity word, CRC.</summary>
        internal static byte[] Frame(byte t0, byte t1, byte h0, byte h1)
        {
            var frame = new byte[] { t0, t1, 0, h0, h1, 0 };
            frame[2] = Sht3xFrame.Crc8(frame, 0, 2);
            frame[5] = Sht3xFrame.Crc8(frame, 3, 2);
            return frame;
        }
    }
}
