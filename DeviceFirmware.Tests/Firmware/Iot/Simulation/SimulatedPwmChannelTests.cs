using System;
using DeviceFirmware.Iot.Simulation;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Simulation
{
    public class SimulatedPwmChannelTests
    {
        [Fact]
        public void Records_frequency_duty_and_running()
        {
            using var channel = new SimulatedPwmChannel(18, 1000, 0.5);
            Assert.False(channel.IsRunning);

            channel.Start();
            channel.DutyCycle = 0.25;
            channel.Frequency = 200;

            Assert.Equal(18, channel.Pin);
            Assert.True(channel.IsRunning);
            Assert.Equal(0.25, channel.DutyCycle);
            Assert.Equal(200, channel.Frequency);

            channel.Stop();
            Assert.False(channel.IsRunning);
        }

        [Theory]
        [InlineData(-0.01)]
        [InlineData(1.01)]
        [InlineData(double.NaN)]
        public void Refuses_duty_outside_0_to_1_and_keeps_the_old_one(double duty)
        {
            using var channel = new SimulatedPwmChannel(18, 1000, 0.5);

            Assert.Throws<ArgumentOutOfRangeException>(() => channel.DutyCycle = duty);
            Assert.Equal(0.5, channel.DutyCycle);
        }

        [Fact]
        public void Refuses_a_frequency_of_zero()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedPwmChannel(18, 0, 0.5));
        }

        [Fact]
        public void Disposed_channel_stops_and_refuses_start()
        {
            var channel = new SimulatedPwmChannel(18, 1000, 0.5);
            channel.Start();
            channel.Dispose();

            Assert.True(channel.IsDisposed);
            Assert.False(channel.IsRunning);
            Assert.Throws<ObjectDisposedException>(() => channel.Start());
        }
    }
}
