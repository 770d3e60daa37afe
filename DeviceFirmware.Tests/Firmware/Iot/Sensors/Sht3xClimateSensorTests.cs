using System;
using System.Device.I2c;
using DeviceFirmware.Iot.Sensors;
using DeviceFirmware.Iot.Simulation;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Sensors
{
    public class Sht3xClimateSensorTests
    {
        private const double Tolerance = 0.051;

        [Fact]
        public void Reads_the_chip_over_I2C()
        {
            using var device = new SimulatedClimateSensor();
            device.SetClimate(31.2, 67.8);
            using var sensor = new Sht3xClimateSensor(device);

            Assert.True(sensor.TryRead(out double t, out double h));
            Assert.Equal(31.2, t, Tolerance);
            Assert.Equal(67.8, h, Tolerance);
        }

        [Fact]
        public void Unplugged_chip_reads_false_with_NaN_and_recovers()
        {
            using var device = new SimulatedClimateSensor();
            using var sensor = new Sht3xClimateSensor(device, ownsDevice: false);
            Assert.True(sensor.TryRead(out _, out _));

            device.Fault = SensorFault.Nack;
            Assert.False(sensor.TryRead(out double t, out double h));
            Assert.True(double.IsNaN(t) && double.IsNaN(h));

            device.Fault = SensorFault.None;
            device.SetClimate(10, 20);
            Assert.True(sensor.TryRead(out t, out h));
            Assert.Equal(10, t, Tolerance);
            Assert.Equal(20, h, Tolerance);
        }

        [Fact]
        public void Corrupted_answer_is_a_failed_read_and_the_next_good_one_reads()
        {
            using var device = new SimulatedClimateSensor();
            using var sensor = new Sht3xClimateSensor(device, ownsDevice: false);
            device.SetClimate(30, 60);

            device.Fault = SensorFault.BadCrc;
            Assert.False(sensor.TryRead(out double t, out double h));
            Assert.True(double.IsNaN(t) && double.IsNaN(h));

            device.Fault = SensorFault.None;
            Assert.True(sensor.TryRead(out t, out h));
            Assert.Equal(30, t, Tolerance);
            Assert.Equal(60, h, Tolerance);
        }

        [Fact]
        public void One_read_is_one_measurement()
        {
            using var device = new SimulatedClimateSensor();
            using var sensor = new Sht3xClimateSensor(device, ownsDevice: false);

            Assert.True(sensor.TryRead(out _, out _));
            Assert.True(sensor.TryRead(out _, out _));

            Assert.Equal(2, device.MeasurementCount);
        }

        [Fact]
        public void Chip_missing_at_start_up_is_found_when_plugged_in()
        {
            using var device = new SimulatedClimateSensor { Fault = SensorFault.Nack };
            using var sensor = new Sht3xClimateSensor(device, ownsDevice: false);

            Assert.False(sensor.TryRead(out _, out _));

            device.Fault = SensorFault.None;
            Assert.True(sensor.TryRead(out double t, out _));
            Assert.Equal(21.5, t, Tolerance);
        }

        [Theory]
        [InlineData(typeof(InvalidOperationException))]
        [InlineData(typeof(NullReferenceException))]
        [InlineData(typeof(ArgumentException))]
        [InlineData(typeof(TimeoutException))]
        public void Any_exception_from_the_bus_is_a_failed_read(Type exceptionType)
        {
            using var device = new ThrowingDevice((Exception)Activator.CreateInstance(exceptionType)!);
            using var sensor = new Sht3xClimateSensor(device);

            Assert.False(sensor.TryRead(out _, out _));
            Assert.False(sensor.TryRead(out _, out _));
        }

        [Fact]
        public void Disposed_sensor_reads_false_and_disposes_an_owned_device()
        {
            var device = new SimulatedClimateSensor();
            var sensor = new Sht3xClimateSensor(device, ownsDevice: true);
            Assert.True(sensor.TryRead(out _, out _));

            sensor.Dispose();
            sensor.Dispose();

            Assert.False(sensor.TryRead(out _, out _));
            Assert.Throws<ObjectDisposedException>(() => device.Write(new byte[] { 0x24, 0x00 }));
        }

        [Fact]
        public void Does_not_dispose_a_device_it_does_not_own()
        {
            using var device = new SimulatedClimateSensor();
            var sensor = new Sht3xClimateSensor(device, ownsDevice: false);
            Assert.True(sensor.TryRead(out _, out _));

            sensor.Dispose();

            device.Write(new byte[] { 0x24, 0x00 });
        }

        private sealed class ThrowingDevice : I2cSimulatedDeviceBase
        {
            private readonly Exception error;

            public ThrowingDevice(Exception error)
                : base(new I2cConnectionSettings(1, 0x44))
            {
                this.error = error;
            }

            public override void WriteRead(byte[] inputBuffer, byte[] outputBuffer) => throw error;
        }
    }
}
