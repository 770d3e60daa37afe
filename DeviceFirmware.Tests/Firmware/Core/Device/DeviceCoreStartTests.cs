using System;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Session;
using DeviceFirmware.Protocol;
using DeviceFirmware.Tests.Firmware.Core.Peripherals;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Device
{
    public class DeviceCoreStartTests
    {
        [Fact]
        public void Nothing_touches_a_pin_before_start()
        {
            var device = new DeviceHarness();
            Assert.Empty(device.Journal.Entries);
            Assert.Equal(SessionAction.None, device.Core.Tick());
            Assert.Equal(long.MaxValue, device.Core.NextDeadlineMs);
        }

        [Fact]
        public void Safe_levels_are_written_before_the_first_connect()
        {
            var device = new DeviceHarness();
            device.Core.State.Set(GoKit.Id("Motor_Speed"), 10);
            device.Core.Start();
            device.Core.Tick();
            var entries = device.Journal.Entries;
            int connect = device.Journal.IndexOf(e => e == "mqtt connect");
            Assert.True(connect > 0, string.Join("\n", entries));
            foreach (string opened in new[] { "pin open-output 17 low", "pin open-pwm 12 1000Hz 0", "pin open-pwm 18 20000Hz 0.5", "pin open-input 27 pull-up=True", "pin open-output 25 low" })
            {
                int at = device.Journal.IndexOf(e => e == opened);
                Assert.True(at >= 0 && at < connect, $"'{opened}' must come before the connect:\n{string.Join("\n", entries)}");
            }

            Assert.Equal(5, device.Core.State.Get(GoKit.Id("Motor_Speed")));
        }

        [Fact]
        public void Start_connects_as_the_device_and_subscribes_to_its_topic()
        {
            var device = new DeviceHarness();
            device.Core.Start();
            Assert.Equal(0, device.Core.NextDeadlineMs);
            Assert.Equal(SessionAction.Connect, device.Core.Tick());
            var connect = Assert.Single(device.Transport.Connects);
            Assert.Equal((DeviceHarness.Did, DeviceHarness.Did, DeviceHarness.Passcode, 120, $"app2dev/{DeviceHarness.Did}/#"), connect);
        }

        [Fact]
        public void Stop_drives_every_output_safe_and_disconnects()
        {
            var device = new DeviceHarness();
            device.StartAndConnect();
            device.Send(DeviceHarness.Frame(0x0090, DeviceHarness.Write(("Relay", 1), ("LED_R", 254))));
            Assert.True(device.Pins.Levels[GoKit.RelayPin]);
            device.Core.Stop();
            Assert.False(device.Pins.Levels[GoKit.RelayPin]);
            Assert.Equal(0, device.Pins.Duties[GoKit.RedPin]); // hold outputs too: the device stops
            Assert.False(device.Pins.Levels[GoKit.LedPin]);
            Assert.Equal(1, device.Transport.Disconnects);
            Assert.Equal(SessionState.Stopped, device.Core.Session.State);
            Assert.Equal(long.MaxValue, device.Core.NextDeadlineMs);
            int calls = device.Journal.Entries.Count;
            device.Clock.NowMs = 100000;
            Assert.Equal(SessionAction.None, device.Core.Tick());
            Assert.Equal(calls, device.Journal.Entries.Count);
        }

        [Fact]
        public void A_restart_does_not_reopen_pins_and_connects_again()
        {
            var device = new DeviceHarness();
            device.StartAndConnect();
            device.Core.Stop();
            int opens = device.Journal.Entries.FindAll(e => e.StartsWith("pin open", StringComparison.Ordinal)).Count;
            device.Core.Start();
            Assert.Equal(SessionAction.Connect, device.Core.Tick());
            Assert.Equal(opens, device.Journal.Entries.FindAll(e => e.StartsWith("pin open", StringComparison.Ordinal)).Count);
            Assert.Equal(2, device.Transport.Connects.Count);
        }

        [Fact]
        public void The_next_deadline_is_the_earliest_work()
        {
            var device = new DeviceHarness(c => c.Board = new BoardMap { Name = "bare", IndicatorPin = 2 }, withSensor: false);
            device.Core.Start();
            device.Core.Tick();                                  // connecting: timeout at 30 s, LED slow blink edge at 1 s
            Assert.Equal(1000, device.Core.NextDeadlineMs);
            device.Connected();                                  // LED steady: only the ping at 60 s remains
            Assert.Equal(60000, device.Core.NextDeadlineMs);

            var full = new DeviceHarness();
            full.StartAndConnect();                              // the first tick read the sensor (next read at 2 s)
            Assert.Equal(10, full.Core.NextDeadlineMs);          // the input poll comes first
            full.Clock.NowMs = 10;
            full.Core.Tick();
            Assert.Equal(20, full.Core.NextDeadlineMs);
        }

        [Fact]
        public void The_initial_log_level_is_the_threshold()
        {
            var device = new DeviceHarness(c => c.InitialLogLevel = LogLevel.Info);
            Assert.Equal(LogLevel.Info, device.Core.Settings.LogLevel);
            Assert.Equal(LogLevel.Info, device.Core.Log.Threshold);
            Assert.True(device.Core.Settings.IndicatorLedEnabled);
        }

        [Fact]
        public void Preallocated_bytes_count_the_dispatcher_the_log_and_the_state()
        {
            var device = new DeviceHarness();
            int points = GoKit.Product.Points.Length;
            Assert.Equal(
                device.Core.Dispatcher.BufferBytes + device.Core.Log.BufferSize + (points * 12) + (5 * 4) + (1 * 8),
                device.Core.PreallocatedBytes);
        }

        [Fact]
        public void A_board_that_does_not_fit_the_product_is_refused_naming_the_field()
        {
            var error = Assert.Throws<ArgumentException>(() => new DeviceHarness(c => c.Board!.Inputs[0].Pin = GoKit.RelayPin));
            Assert.Equal("board \"test\": inputs[0].pin: GPIO 17 is already used by outputs[0].pin", error.Message);
            error = Assert.Throws<ArgumentException>(() => new DeviceHarness(c => c.Did = "bad/did"));
            Assert.StartsWith("config.Did:", error.Message, StringComparison.Ordinal);
        }
    }
}
