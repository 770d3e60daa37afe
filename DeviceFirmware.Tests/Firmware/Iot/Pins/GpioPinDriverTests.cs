using System;
using System.Linq;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Iot.Pins;
using DeviceFirmware.Iot.Simulation;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Pins
{
    public class GpioPinDriverTests : IDisposable
    {
        private readonly SimulatedBoard board = new();

        private IPinDriver Pins => board.PinDriver;

        public void Dispose() => board.Dispose();

        [Fact]
        public void Digital_output_drives_the_pin()
        {
            Pins.OpenOutput(17, high: true);
            Assert.True(board.GetLevel(17));

            Pins.Write(17, false);
            Assert.False(board.GetLevel(17));
            Assert.Equal(new[] { true, false }, board.History(17).Select(c => c.Level));
            Assert.Equal(SimulatedPinMode.Output, board.Describe(17).Mode);
        }

        [Fact]
        public void Input_with_pull_up_reads_high_and_low_while_pressed()
        {
            Pins.OpenInput(27, pullUp: true);
            Assert.Equal(SimulatedPinMode.InputPullUp, board.Describe(27).Mode);
            Assert.True(Pins.Read(27));

            board.Press(27);
            Assert.False(Pins.Read(27));

            board.Release(27);
            Assert.True(Pins.Read(27));
        }

        [Fact]
        public void Active_high_input_without_pull_reads_high_while_pressed()
        {
            Pins.OpenInput(22, pullUp: false);
            Assert.False(Pins.Read(22));

            board.Press(22);
            Assert.True(Pins.Read(22));
        }

        [Fact]
        public void Pwm_duty_is_recorded()
        {
            Pins.OpenPwm(18, 1000, 0.5);
            SimulatedPin pin = board.Describe(18);
            Assert.Equal(SimulatedPinMode.Pwm, pin.Mode);
            Assert.Equal(0.5, pin.DutyCycle);
            Assert.Equal(1000, pin.FrequencyHz);
            Assert.True(pin.Running);

            Pins.WritePwm(18, 0.125);
            Assert.Equal(0.125, board.GetDuty(18));
        }

        [Theory]
        [InlineData(-0.1)]
        [InlineData(1.5)]
        [InlineData(double.NaN)]
        public void Bad_duty_is_refused_and_changes_nothing(double duty)
        {
            Pins.OpenPwm(18, 1000, 0.5);

            Assert.Throws<ArgumentOutOfRangeException>(() => Pins.WritePwm(18, duty));
            Assert.Throws<ArgumentOutOfRangeException>(() => Pins.OpenPwm(19, 1000, duty));
            Assert.Equal(0.5, board.GetDuty(18));
            Assert.Equal(SimulatedPinMode.Closed, board.Describe(19).Mode);
        }

        [Fact]
        public void Pins_cannot_be_reopened_as_another_kind_or_written_as_the_wrong_kind()
        {
            Pins.OpenOutput(5, false);
            Pins.OpenPwm(6, 500, 0);
            Pins.OpenInput(7, true);

            Assert.Throws<InvalidOperationException>(() => Pins.OpenInput(5, false));
            Assert.Throws<InvalidOperationException>(() => Pins.OpenOutput(6, false));
            Assert.Throws<InvalidOperationException>(() => Pins.OpenPwm(5, 500, 0));
            Assert.Throws<InvalidOperationException>(() => Pins.WritePwm(5, 0.5));
            Assert.Throws<InvalidOperationException>(() => Pins.Write(7, true));
            Assert.Throws<InvalidOperationException>(() => Pins.Write(8, true));
            Assert.False(board.GetLevel(5));
        }

        [Fact]
        public void Opening_again_in_the_same_mode_drives_the_pin_again()
        {
            // The host drives outputs safe before registration; the core opens them again at start.
            Pins.OpenOutput(5, true);
            Pins.OpenOutput(5, false);
            Assert.False(board.GetLevel(5));
            Pins.OpenPwm(6, 500, 0.25);
            Pins.OpenPwm(6, 500, 0.5);
            Assert.Equal(0.5, board.GetDuty(6));
            Pins.OpenInput(7, true);
            Pins.OpenInput(7, true);
            Assert.True(Pins.Read(7));
        }

        [Fact]
        public void Dispose_stops_pwm_and_closes_its_pins()
        {
            var driver = new GpioPinDriver(board.Controller, board.CreatePwm);
            driver.OpenOutput(5, true);
            driver.OpenPwm(6, 500, 0.5);

            driver.Dispose();

            Assert.Equal(SimulatedPinMode.Closed, board.Describe(5).Mode);
            Assert.Equal(SimulatedPinMode.Closed, board.Describe(6).Mode);
            Assert.Throws<ObjectDisposedException>(() => driver.Write(5, false));
        }

        [Theory]
        [InlineData(12, 0)]
        [InlineData(18, 0)]
        [InlineData(13, 1)]
        [InlineData(19, 1)]
        [InlineData(17, -1)]
        [InlineData(0, -1)]
        public void Raspberry_Pi_hardware_pwm_channels(int gpio, int channel)
        {
            Assert.Equal(channel, RaspberryPiPwm.HardwareChannelOf(gpio));
        }
    }
}
