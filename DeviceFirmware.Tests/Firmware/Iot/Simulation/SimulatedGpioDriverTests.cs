using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Iot.Simulation;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Simulation
{
    public class SimulatedGpioDriverTests : IDisposable
    {
        private readonly SimulatedGpioDriver driver = new();
        private readonly GpioController controller;

        public SimulatedGpioDriverTests()
        {
            controller = new GpioController(driver);
        }

        public void Dispose() => controller.Dispose();

        [Fact]
        public void Written_output_level_is_read_back_by_controller_and_control_surface()
        {
            controller.OpenPin(5, PinMode.Output);
            controller.Write(5, PinValue.High);

            Assert.Equal(PinValue.High, controller.Read(5));
            Assert.True(driver.LevelOf(5));
            Assert.Equal(SimulatedPinMode.Output, driver.ModeOf(5));

            controller.Write(5, PinValue.Low);
            Assert.False(driver.LevelOf(5));
        }

        [Fact]
        public void Opening_an_output_high_records_one_change_without_a_low_glitch()
        {
            controller.OpenPin(5, PinMode.Output, PinValue.High);

            PinChange change = Assert.Single(driver.HistoryOf(5));
            Assert.True(change.Level);
        }

        [Fact]
        public void History_records_changes_only_in_bank_wide_order()
        {
            controller.OpenPin(5, PinMode.Output, PinValue.Low);
            controller.OpenPin(6, PinMode.Output, PinValue.Low);
            controller.Write(5, PinValue.Low);
            controller.Write(5, PinValue.High);
            controller.Write(6, PinValue.High);
            controller.Write(5, PinValue.High);
            controller.Write(5, PinValue.Low);

            IReadOnlyList<PinChange> five = driver.HistoryOf(5);
            IReadOnlyList<PinChange> six = driver.HistoryOf(6);
            Assert.Equal(new[] { false, true, false }, five.Select(c => c.Level));
            Assert.Equal(new[] { false, true }, six.Select(c => c.Level));

            // Pin 6 went high after pin 5 went high and before pin 5 went low again.
            Assert.True(five[1].Sequence < six[1].Sequence && six[1].Sequence < five[2].Sequence);
        }

        [Fact]
        public void History_keeps_only_the_last_changes()
        {
            using var small = new SimulatedGpioDriver(8, historyLimit: 16);
            using var gpio = new GpioController(small);
            gpio.OpenPin(3, PinMode.Output, PinValue.Low);
            for (int i = 1; i <= 1000; i++)
            {
                gpio.Write(3, i % 2 == 1 ? PinValue.High : PinValue.Low);
            }

            IReadOnlyList<PinChange> history = small.HistoryOf(3);
            Assert.Equal(16, history.Count);
            Assert.False(history[^1].Level); // the 1000th write was low
            Assert.Equal(1001, history[^1].Sequence);
            for (int i = 1; i < history.Count; i++)
            {
                Assert.Equal(history[i - 1].Sequence + 1, history[i].Sequence);
                Assert.NotEqual(history[i - 1].Level, history[i].Level);
            }
        }

        [Theory]
        [InlineData(PinMode.InputPullUp, true)]
        [InlineData(PinMode.InputPullDown, false)]
        [InlineData(PinMode.Input, false)]
        public void Undriven_input_reads_its_pull(PinMode mode, bool expectedHigh)
        {
            controller.OpenPin(7, mode);

            Assert.Equal(expectedHigh ? PinValue.High : PinValue.Low, controller.Read(7));
            Assert.Null(driver.DrivenLevelOf(7));
        }

        [Fact]
        public void Driven_input_reads_the_driven_level_until_released()
        {
            controller.OpenPin(7, PinMode.InputPullUp);

            driver.DriveInput(7, false);
            Assert.Equal(PinValue.Low, controller.Read(7));
            Assert.False(driver.DrivenLevelOf(7));

            driver.StopDriving(7);
            Assert.Equal(PinValue.High, controller.Read(7));
        }

        [Fact]
        public void External_pull_wins_over_the_internal_one_and_loses_to_a_driver()
        {
            controller.OpenPin(7, PinMode.Input);
            driver.SetExternalPull(7, true);
            Assert.Equal(PinValue.High, controller.Read(7));

            driver.DriveInput(7, false);
            Assert.Equal(PinValue.Low, controller.Read(7));
        }

        [Fact]
        public void A_level_driven_before_the_pin_is_opened_is_read_after()
        {
            driver.DriveInput(9, true);
            controller.OpenPin(9, PinMode.InputPullDown);

            Assert.Equal(PinValue.High, controller.Read(9));
        }

        [Fact]
        public void Callbacks_get_the_edges_they_asked_for()
        {
            controller.OpenPin(4, PinMode.InputPullUp);
            var falling = new List<PinValueChangedEventArgs>();
            var both = new List<PinEventTypes>();
            void OnFalling(object sender, PinValueChangedEventArgs e) => falling.Add(e);
            void OnBoth(object sender, PinValueChangedEventArgs e) => both.Add(e.ChangeType);
            controller.RegisterCallbackForPinValueChangedEvent(4, PinEventTypes.Falling, OnFalling);
            controller.RegisterCallbackForPinValueChangedEvent(4, PinEventTypes.Falling | PinEventTypes.Rising, OnBoth);

            driver.DriveInput(4, false); // falling
            driver.DriveInput(4, false); // no change, no edge
            driver.StopDriving(4);       // back to the pull-up: rising

            PinValueChangedEventArgs only = Assert.Single(falling);
            Assert.Equal(4, only.PinNumber);
            Assert.Equal(PinEventTypes.Falling, only.ChangeType);
            Assert.Equal(new[] { PinEventTypes.Falling, PinEventTypes.Rising }, both);

            controller.UnregisterCallbackForPinValueChangedEvent(4, OnFalling);
            driver.DriveInput(4, false);
            Assert.Single(falling);
            Assert.Equal(3, both.Count);
        }

        [Fact]
        public void A_callback_may_read_the_pin_it_is_called_for()
        {
            controller.OpenPin(4, PinMode.InputPullUp);
            PinValue seen = PinValue.High;
            controller.RegisterCallbackForPinValueChangedEvent(4, PinEventTypes.Falling, (_, e) => seen = controller.Read(e.PinNumber));

            driver.DriveInput(4, false);

            Assert.Equal(PinValue.Low, seen);
        }

        [Fact]
        public void Outputs_raise_no_input_callbacks_and_cannot_be_driven()
        {
            controller.OpenPin(8, PinMode.Output, PinValue.Low);

            var error = Assert.Throws<InvalidOperationException>(() => driver.DriveInput(8, true));
            Assert.Contains("output", error.Message, StringComparison.Ordinal);
            Assert.False(driver.LevelOf(8));
            Assert.Single(driver.HistoryOf(8));
        }

        [Fact]
        public async Task WaitForEvent_returns_the_edge()
        {
            controller.OpenPin(4, PinMode.InputPullUp);
            Task<WaitForEventResult> waiting = Task.Run(() => controller.WaitForEvent(4, PinEventTypes.Falling, TimeSpan.FromSeconds(30)));

            // The waiter may not be waiting yet: keep making falling edges until it sees one.
            var clock = Stopwatch.StartNew();
            while (!waiting.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                driver.DriveInput(4, false);
                driver.StopDriving(4);
                Thread.Yield();
            }

            Assert.True(waiting.IsCompleted, "WaitForEvent did not return after falling edges for 10 s");
            WaitForEventResult result = await waiting;
            Assert.False(result.TimedOut);
            Assert.Equal(PinEventTypes.Falling, result.EventTypes);
        }

        [Fact]
        public void WaitForEvent_times_out_without_an_edge()
        {
            controller.OpenPin(4, PinMode.InputPullUp);

            WaitForEventResult result = controller.WaitForEvent(4, PinEventTypes.Rising | PinEventTypes.Falling, TimeSpan.FromMilliseconds(1));

            Assert.True(result.TimedOut);
        }

        [Fact]
        public void Misuse_is_refused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => driver.DriveInput(64, true));
            Assert.Throws<ArgumentOutOfRangeException>(() => driver.LevelOf(-1));
            Assert.False(controller.IsPinModeSupported(64, PinMode.Input));
            Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedGpioDriver(0));

            controller.OpenPin(3, PinMode.Input);
            Assert.Throws<InvalidOperationException>(() => controller.Write(4, PinValue.High));
        }

        [Fact]
        public void Writing_an_input_through_the_controller_does_not_move_it()
        {
            // System.Device.Gpio 4.2.0 keeps the value for when the pin turns into an output, like a hardware
            // output latch: the simulated pin must not move while it is an input.
            controller.OpenPin(3, PinMode.Input);
            controller.Write(3, PinValue.High);

            Assert.False(driver.LevelOf(3));
            Assert.Empty(driver.HistoryOf(3));
        }

        [Fact]
        public void Closing_a_pin_shows_it_closed_and_keeps_its_history()
        {
            controller.OpenPin(5, PinMode.Output, PinValue.High);
            controller.ClosePin(5);

            Assert.Equal(SimulatedPinMode.Closed, driver.ModeOf(5));
            Assert.Single(driver.HistoryOf(5));
        }

        [Fact]
        public async Task Concurrent_writer_and_readers_see_consistent_histories()
        {
            controller.OpenPin(5, PinMode.Output, PinValue.Low);
            const int Writes = 20000;
            Task writer = Task.Run(() =>
            {
                for (int i = 1; i <= Writes; i++)
                {
                    controller.Write(5, i % 2 == 1 ? PinValue.High : PinValue.Low);
                }
            });
            Task reader = Task.Run(() =>
            {
                while (!writer.IsCompleted)
                {
                    IReadOnlyList<PinChange> history = driver.HistoryOf(5);
                    for (int i = 1; i < history.Count; i++)
                    {
                        Assert.Equal(history[i - 1].Sequence + 1, history[i].Sequence);
                    }

                    _ = driver.LevelOf(5);
                }
            });

            await Task.WhenAll(writer, reader).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(SimulatedGpioDriver.DefaultHistoryLimit, driver.HistoryOf(5).Count);
            Assert.Equal(Writes + 1, driver.HistoryOf(5)[^1].Sequence);
        }
    }
}
