using System.Collections.Generic;
using DeviceFirmware.Core.Indicator;
using DeviceFirmware.Core.Session;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Tests.Firmware.Core.Peripherals;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Device
{
    public class DeviceCoreSessionTests
    {
        [Fact]
        public void The_full_status_is_broadcast_after_connecting_and_after_every_reconnect()
        {
            var device = new DeviceHarness();
            device.StartAndConnect();
            var first = Assert.Single(device.StatusBroadcasts());
            Assert.Equal(615, first.Get(GoKit.Id("Temperature"))); // read at the first tick, before the connection
            Assert.Equal(5, first.Get(GoKit.Id("Motor_Speed")));

            for (int reconnect = 1; reconnect <= 3; reconnect++)
            {
                // A connection that lived its stable minute (answering its ping) is reconnected at once after a loss.
                device.RunUntil(device.Clock.NowMs + SessionSettings.DefaultStableConnectionMs, _ => device.Core.OnPingResponse());
                int before = device.StatusBroadcasts().Count; // the sensor's own 60 s report may have come meanwhile
                device.Transport.Online = false;
                device.Core.OnConnectionLost();
                Assert.Equal(SessionAction.Connect, device.Core.Tick()); // at once after a loss
                device.Connected();
                Assert.Equal(before + 1, device.StatusBroadcasts().Count);
            }
        }

        private static readonly long Spread = ReconnectSpread.ForDevice(DeviceHarness.Did, 10000);

        [Fact]
        public void Failed_connects_are_retried_after_10_then_20_then_30_seconds()
        {
            var device = new DeviceHarness();
            var connects = new List<long>();
            device.Core.Start();
            device.RunUntil(75000, action =>
            {
                Assert.Equal(SessionAction.Connect, action);
                connects.Add(device.Clock.NowMs);
                device.Core.OnConnectFailed();
            });
            // Each wait is the protocol's plus this device's fixed spread (under a quarter step).
            Assert.InRange(Spread, 1, 2499);
            Assert.Equal(new long[] { 0, 10000 + Spread, 30000 + (2 * Spread), 60000 + (3 * Spread) }, connects);
            Assert.Empty(device.StatusBroadcasts());
        }

        [Fact]
        public void A_connect_that_hangs_is_aborted_after_its_timeout()
        {
            var device = new DeviceHarness();
            device.Core.Start();
            var actions = new List<(long, SessionAction)>();
            device.RunUntil(40000 + Spread, action => actions.Add((device.Clock.NowMs, action)));
            Assert.Equal(new[] { (0L, SessionAction.Connect), (30000L, SessionAction.AbortConnect), (40000L + Spread, SessionAction.Connect) }, actions);
            Assert.Equal(1, device.Transport.Aborts);
        }

        [Fact]
        public void Two_missed_pings_drop_the_connection_and_apply_the_disconnect_policy()
        {
            var device = new DeviceHarness();
            device.StartAndConnect();
            device.Send(DeviceHarness.Frame(GizwitsCommand.Business, DeviceHarness.Write(("Relay", 1), ("LED_R", 200), ("Motor_Speed", 10))));
            Assert.True(device.Pins.Levels[GoKit.RelayPin]);
            var actions = new List<(long, SessionAction)>();
            device.RunUntil(179999, action => actions.Add((device.Clock.NowMs, action)));
            Assert.Equal(new[] { (60000L, SessionAction.Ping), (120000L, SessionAction.Ping) }, actions);
            device.Clock.NowMs = 180000;
            Assert.Equal(SessionAction.Drop, device.Core.Tick());
            Assert.Equal(1, device.Transport.Disconnects);
            Assert.False(device.Core.IsConnected);
            Assert.False(device.Pins.Levels[GoKit.RelayPin]);                  // safe
            Assert.Equal(0, device.Core.State.Get(GoKit.Id("Relay")));
            Assert.Equal(0.5, device.Pins.Duties[GoKit.MotorPin]);              // safe: speed 0
            Assert.Equal(200 / 254.0, device.Pins.Duties[GoKit.RedPin], 6);     // hold
            Assert.Equal(SessionAction.Connect, device.Core.Tick());           // and reconnect at once
        }

        [Fact]
        public void Answered_pings_keep_the_connection()
        {
            var device = new DeviceHarness();
            device.StartAndConnect();
            device.RunUntil(600000, action =>
            {
                Assert.Equal(SessionAction.Ping, action);
                device.Core.OnPingResponse();
            });
            Assert.Equal(10, device.Transport.Pings);
            Assert.True(device.Core.IsConnected);
        }

        [Fact]
        public void A_lost_connection_moves_safe_outputs_and_holds_the_others()
        {
            var device = new DeviceHarness();
            device.StartAndConnect();
            device.Send(DeviceHarness.Frame(GizwitsCommand.Business, DeviceHarness.Write(("Relay", 1), ("LED_B", 100))));
            device.RunUntil(SessionSettings.DefaultStableConnectionMs, _ => device.Core.OnPingResponse());
            device.Transport.Online = false;
            device.Core.OnConnectionLost();
            Assert.False(device.Pins.Levels[GoKit.RelayPin]);
            Assert.Equal(100 / 254.0, device.Pins.Duties[GoKit.BluePin], 6);
            Assert.Equal(LedPattern.Connecting, device.Core.Indicator.Pattern);
        }

        [Fact]
        public void The_indicator_shows_connecting_connected_and_errors()
        {
            var device = new DeviceHarness();
            device.Core.Start();
            Assert.Equal(LedPattern.Connecting, device.Core.Indicator.Pattern);
            device.Core.Tick();
            device.Core.OnConnectFailed();
            Assert.Equal(LedPattern.Error, device.Core.Indicator.Pattern);      // the last attempt failed
            device.RunUntil(10000 + Spread);
            device.Connected();
            Assert.Equal(LedPattern.Connected, device.Core.Indicator.Pattern);
            Assert.True(device.Pins.Levels[GoKit.LedPin]);
            device.Sensor.Fails = true;
            device.RunUntil(12000);
            Assert.Equal(LedPattern.Error, device.Core.Indicator.Pattern);      // sensor fault
            device.Sensor.Fails = false;
            device.RunUntil(14000);
            Assert.Equal(LedPattern.Connected, device.Core.Indicator.Pattern);
        }

        [Fact]
        public void Status_is_not_broadcast_while_offline()
        {
            var device = new DeviceHarness();
            device.Core.Start();
            device.Pins.SetInput(GoKit.ButtonPin, false);
            device.Sensor.Celsius = 30;
            device.RunUntil(5000, _ => { });
            Assert.Equal(0, device.Transport.PublishCount);
            Assert.Equal(1, device.Core.State.Get(GoKit.Id("Button")));
            device.Connected();
            var status = Assert.Single(device.StatusBroadcasts());
            Assert.Equal(1, status.Get(GoKit.Id("Button")));
            Assert.Equal(700, status.Get(GoKit.Id("Temperature")));
        }
    }
}
