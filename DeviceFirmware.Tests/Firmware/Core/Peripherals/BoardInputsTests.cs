using System;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Peripherals;
using DeviceFirmware.Protocol.P0;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Peripherals
{
    public class BoardInputsTests
    {
        private readonly FakePinDriver pins = new();
        private readonly DataPointValues state = new(GoKit.Product);
        private readonly int button = GoKit.Id("Button");

        private BoardInputs Open(long now = 0)
        {
            var inputs = new BoardInputs(GoKit.Product, GoKit.Board().Inputs, pins);
            inputs.Open(state, now);
            return inputs;
        }

        [Fact]
        public void Open_uses_the_pull_up_and_takes_the_present_level()
        {
            pins.SetInput(GoKit.ButtonPin, false); // held down at boot (active-low)
            Open();
            Assert.True(pins.PullUps[GoKit.ButtonPin]);
            Assert.Equal(1, state.Get(button));
        }

        [Fact]
        public void A_press_is_written_into_the_state_once_after_the_debounce_time()
        {
            var inputs = Open();
            Assert.Equal(0, state.Get(button));
            pins.SetInput(GoKit.ButtonPin, false);
            for (long t = 10; t < 60; t += 10) Assert.False(inputs.Poll(state, t));
            Assert.Equal(0, state.Get(button));
            Assert.True(inputs.Poll(state, 60));
            Assert.Equal(1, state.Get(button));
            Assert.False(inputs.Poll(state, 70));
        }

        [Fact]
        public void A_bounce_does_not_reach_the_state()
        {
            var inputs = Open();
            pins.SetInput(GoKit.ButtonPin, false);
            Assert.False(inputs.Poll(state, 10));
            pins.SetInput(GoKit.ButtonPin, true);
            for (long t = 20; t < 200; t += 10) Assert.False(inputs.Poll(state, t));
            Assert.Equal(0, state.Get(button));
        }

        [Fact]
        public void An_input_on_a_writable_point_is_refused()
        {
            var bindings = new[] { new InputBinding { Point = "Relay", Pin = 4 } };
            var error = Assert.Throws<ArgumentException>(() => new BoardInputs(GoKit.Product, bindings, pins));
            Assert.Equal("inputs[0].point: \"Relay\" is a writable bool data point; inputs feed read-only bool data points only", error.Message);
        }
    }
}
