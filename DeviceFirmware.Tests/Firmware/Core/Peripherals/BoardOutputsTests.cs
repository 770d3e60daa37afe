using System;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Peripherals;
using DeviceFirmware.Protocol.P0;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Peripherals
{
    public class BoardOutputsTests
    {
        private readonly FakePinDriver pins = new();
        private readonly DataPointValues state = new(GoKit.Product);
        private readonly bool[] changed = new bool[GoKit.Product.Points.Length];

        private BoardOutputs Open(BoardMap board)
        {
            var outputs = new BoardOutputs(GoKit.Product, board.Outputs, pins);
            outputs.Open(state);
            return outputs;
        }

        private void Write(BoardOutputs outputs, string point, long raw)
        {
            Array.Clear(changed);
            state.Set(GoKit.Id(point), raw);
            changed[GoKit.Id(point)] = true;
            outputs.Apply(state, changed);
        }

        [Fact]
        public void Open_drives_every_safe_value_and_writes_it_into_the_state()
        {
            for (int id = 0; id < state.Product.Points.Length; id++) state.Set(id, 1);
            Open(GoKit.Board());
            Assert.False(pins.Levels[GoKit.RelayPin]);
            Assert.Equal(0, pins.Duties[GoKit.RedPin]);
            Assert.Equal(0.5, pins.Duties[GoKit.MotorPin]); // raw 5 = speed 0 = the middle of -5..5
            Assert.Equal(20000, pins.PwmFrequencies[GoKit.MotorPin]);
            Assert.Equal(0, state.Get(GoKit.Id("Relay")));
            Assert.Equal(0, state.Get(GoKit.Id("LED_R")));
            Assert.Equal(5, state.Get(GoKit.Id("Motor_Speed")));
            Assert.Equal(1, state.Get(GoKit.Id("Night_Mode"))); // unwired points are not touched
            Assert.Equal(5, pins.History.Count); // opened, never written twice
        }

        [Fact]
        public void Digital_output_is_high_when_the_raw_value_is_not_zero()
        {
            var outputs = Open(GoKit.Board());
            Write(outputs, "Relay", 1);
            Assert.True(pins.Levels[GoKit.RelayPin]);
            Write(outputs, "Relay", 0);
            Assert.False(pins.Levels[GoKit.RelayPin]);
        }

        [Fact]
        public void Active_low_digital_output_inverts_the_level_from_the_start()
        {
            BoardMap board = GoKit.Board();
            board.Outputs[0].ActiveLow = true;
            var outputs = Open(board);
            Assert.Equal("pin open-output 17 high", pins.History[0]); // safe = off = high on an active-low relay board
            Write(outputs, "Relay", 1);
            Assert.False(pins.Levels[GoKit.RelayPin]);
        }

        [Theory]
        [InlineData(0, 0.0)]
        [InlineData(127, 0.5)]
        [InlineData(254, 1.0)]
        public void PWM_duty_is_the_raw_value_over_the_range(long raw, double duty)
        {
            var outputs = Open(GoKit.Board());
            Write(outputs, "LED_R", raw);
            Assert.Equal(duty, pins.Duties[GoKit.RedPin], 3);
        }

        [Theory]
        [InlineData(0, 0.0)]   // shown -5: full speed one way
        [InlineData(5, 0.5)]   // shown 0: stopped
        [InlineData(8, 0.8)]   // shown 3
        [InlineData(10, 1.0)]  // shown 5: full speed the other way
        public void Motor_speed_duty_follows_the_raw_value_not_the_shown_one(long raw, double duty)
        {
            var outputs = Open(GoKit.Board());
            Write(outputs, "Motor_Speed", raw);
            Assert.Equal(duty, pins.Duties[GoKit.MotorPin], 3);
        }

        [Fact]
        public void Active_low_PWM_inverts_the_duty()
        {
            BoardMap board = GoKit.Board();
            board.Outputs[1].ActiveLow = true; // a common-anode RGB LED
            var outputs = Open(board);
            Assert.Equal(1.0, pins.Duties[GoKit.RedPin]);
            Write(outputs, "LED_R", 254);
            Assert.Equal(0.0, pins.Duties[GoKit.RedPin]);
        }

        [Fact]
        public void Duty_is_clamped_outside_the_range()
        {
            DataPoint red = GoKit.Product.Find("LED_R")!;
            var binding = new OutputBinding { Point = "LED_R", Kind = OutputKind.Pwm };
            Assert.Equal(1.0, BoardOutputs.DutyOf(binding, red, 300));
            Assert.Equal(0.0, BoardOutputs.DutyOf(binding, red, -3));
        }

        [Fact]
        public void Apply_moves_only_the_flagged_outputs()
        {
            var outputs = Open(GoKit.Board());
            int before = pins.History.Count;
            state.Set(GoKit.Id("LED_G"), 254);     // not flagged: must not move
            Write(outputs, "Relay", 1);
            Assert.Equal(before + 1, pins.History.Count);
            Assert.Equal(0, pins.Duties[GoKit.GreenPin]);
        }

        [Fact]
        public void Disconnect_moves_safe_outputs_and_holds_the_others()
        {
            var outputs = Open(GoKit.Board());
            Write(outputs, "Relay", 1);
            Write(outputs, "LED_R", 200);
            Write(outputs, "Motor_Speed", 10);
            Assert.True(outputs.OnDisconnect(state));
            Assert.False(pins.Levels[GoKit.RelayPin]);
            Assert.Equal(0, state.Get(GoKit.Id("Relay")));
            Assert.Equal(0.5, pins.Duties[GoKit.MotorPin]);
            Assert.Equal(5, state.Get(GoKit.Id("Motor_Speed")));
            Assert.Equal(200 / 254.0, pins.Duties[GoKit.RedPin], 6); // hold
            Assert.Equal(200, state.Get(GoKit.Id("LED_R")));
        }

        [Fact]
        public void Disconnect_when_already_safe_changes_nothing_and_writes_no_pin()
        {
            var outputs = Open(GoKit.Board());
            Write(outputs, "LED_R", 200);
            int before = pins.History.Count;
            Assert.False(outputs.OnDisconnect(state));
            Assert.Equal(before, pins.History.Count);
        }

        [Fact]
        public void All_to_safe_moves_hold_outputs_too()
        {
            var outputs = Open(GoKit.Board());
            Write(outputs, "LED_R", 200);
            Assert.True(outputs.AllToSafe(state));
            Assert.Equal(0, pins.Duties[GoKit.RedPin]);
            Assert.Equal(0, state.Get(GoKit.Id("LED_R")));
        }

        [Theory]
        [InlineData("Nope", OutputKind.Digital, 0, "outputs[0].point: \"Nope\" is not a data point of product \"GoKit Reference\"")]
        [InlineData("Button", OutputKind.Digital, 0, "outputs[0].point: \"Button\" is a read-only bool data point; only writable data points drive outputs")]
        [InlineData("Relay", OutputKind.Pwm, 0, "outputs[0].kind: pwm needs a numeric data point; \"Relay\" is a writable bool data point")]
        [InlineData("Relay", OutputKind.Digital, 2, "outputs[0].safeValue: 2 is not a raw value of \"Relay\" (0 or 1)")]
        [InlineData("Motor_Speed", OutputKind.Pwm, 11, "outputs[0].safeValue: 11 is not a raw value of \"Motor_Speed\" (0..10)")]
        [InlineData("LED_Color", OutputKind.Digital, 4, "outputs[0].safeValue: 4 is not a raw value of \"LED_Color\" (0..3)")]
        public void A_binding_that_cannot_work_is_refused_at_construction_naming_the_field(string point, OutputKind kind, long safe, string message)
        {
            var bindings = new[] { new OutputBinding { Point = point, Pin = 5, Kind = kind, SafeValue = safe } };
            var error = Assert.Throws<ArgumentException>(() => new BoardOutputs(GoKit.Product, bindings, pins));
            Assert.Equal(message, error.Message);
            Assert.Empty(pins.History);
        }
    }
}
