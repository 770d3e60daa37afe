using System.Linq;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Tests.Firmware.Core.Peripherals;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Device
{
    public class DeviceCoreCommandTests
    {
        private readonly DeviceHarness device = new();

        public DeviceCoreCommandTests()
        {
            device.StartAndConnect();
        }

        [Fact]
        public void A_write_with_sn_moves_the_pins_and_is_answered()
        {
            byte[] frame = DeviceHarness.Frame(GizwitsCommand.BusinessWithSn, DeviceHarness.Write(("Relay", 1), ("Motor_Speed", 8), ("LED_G", 127)), 7);
            Assert.Equal(DispatchOutcome.Handled, device.Send(frame));
            Assert.True(device.Pins.Levels[GoKit.RelayPin]);
            Assert.Equal(0.8, device.Pins.Duties[GoKit.MotorPin], 6);
            Assert.Equal(0.5, device.Pins.Duties[GoKit.GreenPin], 2);
            Assert.Contains(device.Transport.Published, p => p.Topic == $"dev2app/{DeviceHarness.Did}/{DeviceHarness.App}");
        }

        [Fact]
        public void Refused_input_moves_no_pin()
        {
            byte[] relayOn = DeviceHarness.Write(("Relay", 1));
            string[] before = device.PinHistory;
            Assert.Equal(DispatchOutcome.Retained, device.Send(DeviceHarness.Frame(GizwitsCommand.Business, relayOn), retained: true));
            Assert.Equal(DispatchOutcome.OtherDid, device.Send(DeviceHarness.Frame(GizwitsCommand.Business, relayOn), topic: $"app2dev/other1/{DeviceHarness.App}"));
            Assert.Equal(DispatchOutcome.BadAppClientId, device.Send(DeviceHarness.Frame(GizwitsCommand.Business, relayOn), topic: $"app2dev/{DeviceHarness.Did}/bad!"));
            Assert.Equal(DispatchOutcome.MalformedFrame, device.Send(new byte[] { 0, 0, 0, 3, 9, 0, 0, 0x90, 1 }));
            // Motor_Speed raw 11 is past its max of 10: the whole write is refused, the relay in it too.
            Assert.Equal(DispatchOutcome.RefusedBusinessData, device.Send(DeviceHarness.Frame(GizwitsCommand.Business, new byte[] { 0x01, 0x41, 0x00, 0x01, 0, 0, 0, 11 })));
            device.Core.Tick();
            Assert.Equal(before, device.PinHistory);
            Assert.Equal(0, device.Core.State.Get(GoKit.Id("Relay")));
        }

        [Fact]
        public void Turning_the_indicator_off_with_0x0010_darkens_the_pin_at_the_next_tick()
        {
            Assert.True(device.Pins.Levels[GoKit.LedPin]);
            Assert.Equal(DispatchOutcome.Handled, device.Send(DeviceHarness.SettingsFrame(DeviceSettings.Compose(LogLevel.Warning, false))));
            device.Core.Tick();
            Assert.False(device.Pins.Levels[GoKit.LedPin]);
            device.Send(DeviceHarness.SettingsFrame(DeviceSettings.Compose(LogLevel.Warning, true)));
            device.Core.Tick();
            Assert.True(device.Pins.Levels[GoKit.LedPin]);
        }

        [Fact]
        public void A_button_press_is_broadcast_at_once_after_its_debounce()
        {
            device.Transport.Published.Clear();
            device.Pins.SetInput(GoKit.ButtonPin, false); // pressed: active-low
            long pressedAt = device.Clock.NowMs;
            while (device.StatusBroadcasts().Count == 0 && device.Clock.NowMs < 1000)
            {
                device.RunUntil(device.Clock.NowMs + 10);
            }

            var status = Assert.Single(device.StatusBroadcasts());
            Assert.Equal(1, status.Get(GoKit.Id("Button")));
            Assert.InRange(device.Clock.NowMs - pressedAt, 50, 60); // debounce 50 ms, sampled every 10 ms
            device.RunUntil(device.Clock.NowMs + 500);
            Assert.Single(device.StatusBroadcasts());                // held: no more broadcasts

            device.Pins.SetInput(GoKit.ButtonPin, true);
            device.RunUntil(device.Clock.NowMs + 100);
            Assert.Equal(0, device.StatusBroadcasts().Last().Get(GoKit.Id("Button")));
            Assert.Equal(2, device.StatusBroadcasts().Count);
        }

        [Fact]
        public void A_temperature_change_is_broadcast_and_a_sensor_fault_too()
        {
            device.Transport.Published.Clear();
            device.Sensor.Celsius = 22.5;
            device.RunUntil(2000);
            Assert.Equal(625, Assert.Single(device.StatusBroadcasts()).Get(GoKit.Id("Temperature")));
            device.Sensor.Fails = true;
            device.RunUntil(4000);
            Assert.Equal(1, device.StatusBroadcasts().Last().Get(GoKit.Id("Fault_Sensor")));
            device.Sensor.Fails = false;
            device.Sensor.Celsius = 45;
            device.RunUntil(6000);
            var last = device.StatusBroadcasts().Last();
            Assert.Equal(0, last.Get(GoKit.Id("Fault_Sensor")));
            Assert.Equal(1, last.Get(GoKit.Id("Alert_Over_Temperature")));
            Assert.Equal(3, device.StatusBroadcasts().Count);
        }
    }
}
