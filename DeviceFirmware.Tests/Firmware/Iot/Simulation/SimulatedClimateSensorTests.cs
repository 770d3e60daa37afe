using System;
using System.IO;
using CsCheck;
using DeviceFirmware.Iot.Simulation;
using Iot.Device.Sht3x;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Simulation
{
    public class SimulatedClimateSensorTests
    {
        // The binding rounds to 0.1; the chip's 16-bit raw value adds at most 175/65535/2 °C (0.0013).
        private const double Tolerance = 0.051;

        [Fact]
        public void Crc_matches_the_datasheet_example()
        {
            // SHT3x datasheet, table 19: CRC(0xBEEF) = 0x92.
            Assert.Equal(0x92, SimulatedClimateSensor.Crc8(0xBE, 0xEF));
        }

        [Fact]
        public void Real_Sht3x_binding_reads_the_set_values()
        {
            using var device = new SimulatedClimateSensor();
            device.SetClimate(23.4, 56.7);
            using var sht = new Sht3x(device);

            Assert.Equal(23.4, sht.Temperature.DegreesCelsius, Tolerance);
            Assert.Equal(56.7, sht.Humidity.Percent, Tolerance);

            device.SetClimate(-12.3, 3.2);
            Assert.Equal(-12.3, sht.Temperature.DegreesCelsius, Tolerance);
            Assert.Equal(3.2, sht.Humidity.Percent, Tolerance);
            Assert.Equal(4, device.MeasurementCount);
        }

        [Theory]
        [InlineData(-45.0, 0.0)]
        [InlineData(130.0, 100.0)]
        public void Real_binding_reads_the_ends_of_the_range(double temperature, double humidity)
        {
            using var device = new SimulatedClimateSensor();
            device.SetClimate(temperature, humidity);
            using var sht = new Sht3x(device);

            Assert.Equal(temperature, sht.Temperature.DegreesCelsius, Tolerance);
            Assert.Equal(humidity, sht.Humidity.Percent, Tolerance);
        }

        [Fact]
        public void Raw_encoding_inverts_the_datasheet_formula_within_one_step()
        {
            Gen.Select(Gen.Double[-45, 130], Gen.Double[0, 100]).Sample((t, h) =>
            {
                double backT = -45 + (175.0 * SimulatedClimateSensor.RawTemperature(t) / 65535.0);
                double backH = 100.0 * SimulatedClimateSensor.RawHumidity(h) / 65535.0;
                return Math.Abs(backT - t) <= 175.0 / 65535 / 2 + 1e-9 && Math.Abs(backH - h) <= 100.0 / 65535 / 2 + 1e-9;
            });
        }

        [Fact]
        public void Unplugged_sensor_makes_the_binding_throw_an_IOException()
        {
            using var device = new SimulatedClimateSensor();
            using var sht = new Sht3x(device);
            device.Fault = SensorFault.Nack;

            Assert.Throws<IOException>(() => sht.Temperature);
            Assert.Throws<IOException>(() => new Sht3x(device)); // the constructor's reset is not acknowledged either

            device.Fault = SensorFault.None;
            Assert.Equal(21.5, sht.Temperature.DegreesCelsius, Tolerance);
        }

        [Fact]
        public void Bad_crc_is_not_reported_by_the_binding_it_keeps_the_old_value()
        {
            // Documents Iot.Device.Sht3x 4.2.0: why "fail" means NACK, not a bad CRC.
            using var device = new SimulatedClimateSensor();
            device.SetClimate(20, 50);
            using var sht = new Sht3x(device);
            Assert.Equal(20, sht.Temperature.DegreesCelsius, Tolerance);

            device.SetClimate(30, 60);
            device.Fault = SensorFault.BadCrc;

            Assert.Equal(20, sht.Temperature.DegreesCelsius, Tolerance);
        }

        [Fact]
        public void Bad_crc_answer_has_wrong_checksums()
        {
            using var device = new SimulatedClimateSensor();
            device.Fault = SensorFault.BadCrc;
            var answer = new byte[6];
            device.WriteRead(new byte[] { 0x24, 0x00 }, Array.Empty<byte>());
            device.Read(answer);

            Assert.NotEqual(SimulatedClimateSensor.Crc8(answer[0], answer[1]), answer[2]);
            Assert.NotEqual(SimulatedClimateSensor.Crc8(answer[3], answer[4]), answer[5]);
        }

        [Fact]
        public void Measurement_is_big_endian_words_each_with_its_crc()
        {
            using var device = new SimulatedClimateSensor();
            device.SetClimate(25, 50);
            var answer = new byte[6];
            device.Write(new byte[] { 0x2C, 0x06 });
            device.Read(answer);

            ushort t = (ushort)((answer[0] << 8) | answer[1]);
            ushort h = (ushort)((answer[3] << 8) | answer[4]);
            Assert.Equal(SimulatedClimateSensor.RawTemperature(25), t);
            Assert.Equal(SimulatedClimateSensor.RawHumidity(50), h);
            Assert.Equal(SimulatedClimateSensor.Crc8(answer[0], answer[1]), answer[2]);
            Assert.Equal(SimulatedClimateSensor.Crc8(answer[3], answer[4]), answer[5]);
        }

        [Fact]
        public void Reading_without_a_measurement_or_twice_is_not_acknowledged()
        {
            using var device = new SimulatedClimateSensor();
            var answer = new byte[6];
            Assert.Throws<IOException>(() => device.Read(answer));

            device.Write(new byte[] { 0x24, 0x00 });
            device.Read(answer);
            Assert.Throws<IOException>(() => device.Read(answer));
        }

        [Fact]
        public void Reading_past_the_answer_sees_the_idle_bus()
        {
            using var device = new SimulatedClimateSensor();
            var answer = new byte[8];
            device.Write(new byte[] { 0x24, 0x00 });
            device.Read(answer);

            Assert.Equal(0xFF, answer[6]);
            Assert.Equal(0xFF, answer[7]);
        }

        [Fact]
        public void Unknown_or_malformed_commands_are_not_acknowledged_and_flagged_in_status()
        {
            using var device = new SimulatedClimateSensor();
            Assert.Throws<IOException>(() => device.Write(new byte[] { 0x12, 0x34 }));
            Assert.Throws<IOException>(() => device.Write(new byte[] { 0x24 }));

            var status = new byte[3];
            device.Write(new byte[] { 0xF3, 0x2D });
            device.Read(status);
            Assert.Equal(SimulatedClimateSensor.Crc8(status[0], status[1]), status[2]);
            Assert.NotEqual(0, status[1] & 0x02); // command status bit
        }

        [Fact]
        public void Heater_commands_switch_the_heater()
        {
            using var device = new SimulatedClimateSensor();
            using var sht = new Sht3x(device);

            sht.Heater = true;
            Assert.True(device.Heater);
            sht.Heater = false;
            Assert.False(device.Heater);
        }

        [Theory]
        [InlineData(-45.1, 50)]
        [InlineData(130.1, 50)]
        [InlineData(double.NaN, 50)]
        [InlineData(20, -0.1)]
        [InlineData(20, 100.1)]
        [InlineData(20, double.NaN)]
        public void Out_of_range_climate_is_refused_and_changes_nothing(double temperature, double humidity)
        {
            using var device = new SimulatedClimateSensor();

            Assert.Throws<ArgumentOutOfRangeException>(() => device.SetClimate(temperature, humidity));
            Assert.Equal(21.5, device.Temperature);
            Assert.Equal(45, device.Humidity);
        }
    }
}
