using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Tests.Firmware.Core.Peripherals;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Device
{
    public class DeviceCoreAllocationTests
    {
        [Fact]
        public void Ten_thousand_write_commands_and_ticks_allocate_nothing_after_warm_up()
        {
            var device = new DeviceHarness();
            device.StartAndConnect();
            device.Transport.Record = false;
            device.Journal.Record = false;
            byte[] write = DeviceHarness.Frame(GizwitsCommand.BusinessWithSn, DeviceHarness.Write(("Relay", 1), ("LED_R", 100), ("Motor_Speed", 3)), 1);
            string topic = $"app2dev/{DeviceHarness.Did}/{DeviceHarness.App}";
            int sn = 0x10000;
            int publishes = device.Transport.PublishCount;
            int relayWrites = 0;

            void WriteThenTick()
            {
                sn++; // a new sn each time (bytes 8..11), so every write runs
                write[9] = (byte)(sn >> 16);
                write[10] = (byte)(sn >> 8);
                write[11] = (byte)sn;
                write[15] = (byte)(sn & 1); // the relay bit (last byte of the bit area) toggles
                device.Core.OnMessage(topic, write, 0, write.Length, false);
                if (device.Pins.Levels[GoKit.RelayPin] == ((sn & 1) == 1)) relayWrites++;

                // Time passes too: inputs are sampled, the sensor is read and changes, the button bounces, pings are answered.
                device.Clock.NowMs += 3;
                device.Sensor.Celsius = 20 + ((sn % 40) * 0.1);
                device.Pins.SetInput(GoKit.ButtonPin, (sn / 50) % 2 == 0);
                device.Core.Tick();
                device.Core.OnPingResponse();
            }

            long allocated = Allocations.Of(WriteThenTick, 10000);
            Assert.Equal(0, allocated);
            int calls = sn - 0x10000;
            Assert.Equal(calls, relayWrites);                   // every write reached the pin
            Assert.True(device.Core.IsConnected);
            Assert.True(device.Transport.PublishCount - publishes >= 2 * calls); // 0x0094 + broadcast per write
        }
    }
}
