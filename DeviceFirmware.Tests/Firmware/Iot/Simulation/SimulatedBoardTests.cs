using System;
using System.Linq;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Iot.Simulation;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Simulation
{
    public class SimulatedBoardTests
    {
        [Fact]
        public void Board_map_wiring_makes_press_mean_pressed_for_active_low_buttons_without_pull()
        {
            var map = new BoardMap
            {
                Name = "simulated",
                Inputs = new[]
                {
                    new InputBinding { Point = "Button", Pin = 4, ActiveLow = true, PullUp = false },
                    new InputBinding { Point = "Door", Pin = 5, ActiveLow = false, PullUp = false },
                },
            };
            using var board = SimulatedBoard.For(map);
            board.PinDriver.OpenInput(4, pullUp: false);
            board.PinDriver.OpenInput(5, pullUp: false);

            Assert.True(board.PinDriver.Read(4));
            board.Press(4);
            Assert.False(board.PinDriver.Read(4));
            board.Release(4);
            Assert.True(board.PinDriver.Read(4));

            Assert.False(board.PinDriver.Read(5));
            board.Press(5);
            Assert.True(board.PinDriver.Read(5));
        }

        [Fact]
        public void Sensor_answers_at_the_map_address()
        {
            var map = new BoardMap { Sensor = new SensorBinding { Driver = "sht3x", BusId = 3, Address = 0x45 } };
            using var board = SimulatedBoard.For(map);

            Assert.Equal(0x45, board.SensorDevice.ConnectionSettings.DeviceAddress);
            Assert.Equal(3, board.SensorDevice.ConnectionSettings.BusId);
            Assert.True(board.Sensor.TryRead(out _, out _));
        }

        [Fact]
        public void Pressing_an_output_or_pwm_pin_is_refused_and_changes_nothing()
        {
            using var board = new SimulatedBoard();
            board.PinDriver.OpenOutput(17, true);
            board.PinDriver.OpenPwm(18, 1000, 0.3);

            Assert.Throws<InvalidOperationException>(() => board.Press(17));
            Assert.Throws<InvalidOperationException>(() => board.SetInput(17, false));
            Assert.Throws<InvalidOperationException>(() => board.Press(18));
            Assert.True(board.GetLevel(17));
            Assert.Single(board.History(17));
            Assert.Equal(0.3, board.GetDuty(18));
        }

        [Fact]
        public void Unknown_pins_and_non_pwm_duty_are_refused()
        {
            using var board = new SimulatedBoard(pinCount: 40);

            Assert.Throws<ArgumentOutOfRangeException>(() => board.Press(40));
            Assert.Throws<ArgumentOutOfRangeException>(() => board.GetLevel(-1));
            Assert.Throws<ArgumentOutOfRangeException>(() => board.History(99));
            Assert.Throws<InvalidOperationException>(() => board.GetDuty(3));
        }

        [Fact]
        public void Pwm_is_refused_on_a_pin_open_as_gpio()
        {
            using var board = new SimulatedBoard();
            board.PinDriver.OpenOutput(12, false);

            Assert.Throws<InvalidOperationException>(() => board.CreatePwm(12, 1000, 0.5));
        }

        [Fact]
        public void Open_pins_lists_gpio_and_pwm_in_pin_order()
        {
            using var board = new SimulatedBoard();
            board.PinDriver.OpenPwm(18, 1000, 0.5);
            board.PinDriver.OpenInput(4, true);
            board.PinDriver.OpenOutput(17, false);

            var pins = board.OpenPins();

            Assert.Equal(new[] { 4, 17, 18 }, pins.Select(p => p.Pin));
            Assert.Equal(new[] { SimulatedPinMode.InputPullUp, SimulatedPinMode.Output, SimulatedPinMode.Pwm }, pins.Select(p => p.Mode));
        }

        [Fact]
        public void Output_history_through_the_firmware_seam_is_bounded()
        {
            using var board = new SimulatedBoard();
            board.PinDriver.OpenOutput(17, false);
            for (int i = 1; i <= 5000; i++)
            {
                board.PinDriver.Write(17, i % 2 == 1);
            }

            var history = board.History(17);
            Assert.Equal(SimulatedGpioDriver.DefaultHistoryLimit, history.Count);
            Assert.False(history[^1].Level);
        }

        [Fact]
        public void Climate_and_failure_reach_the_firmware_sensor()
        {
            using var board = new SimulatedBoard();
            board.SetClimate(41.3, 12.5);

            Assert.True(board.Sensor.TryRead(out double t, out double h));
            Assert.Equal(41.3, t, 0.051);
            Assert.Equal(12.5, h, 0.051);

            board.FailSensor(true);
            Assert.False(board.Sensor.TryRead(out _, out _));

            board.FailSensor(false);
            Assert.True(board.Sensor.TryRead(out _, out _));
        }
    }
}
