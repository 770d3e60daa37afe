using DeviceFirmware.Boards;
using DeviceFirmware.Core;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Hosting;
using DeviceFirmware.Nano.Hosting;
using DeviceFirmware.Nano.Pins;
using DeviceFirmware.Nano.Sensors;
using DeviceFirmware.Nano.Transport;
using DeviceFirmware.NanoHostTests.Fakes;
using DeviceFirmware.Protocol.Products;
using Xunit;

namespace DeviceFirmware.NanoHostTests.Sensors
{
    /// <summary>The ESP32 host's sensor, pins and transport under the real core: an SHT3x that stops acknowledging sets Fault_Sensor.</summary>
    public class SensorFaultThroughCoreTests
    {
        [Fact]
        public void An_unplugged_SHT3x_sets_fault_sensor_and_plugging_it_back_clears_it()
        {
            FakeLedc.Reset();
            FakeBroker.Current = new FakeBroker();
            FakeI2c.Chip = new FakeI2c { Frame = Sht3xSensorTests.Frame(0x66, 0x66, 0x80, 0x00) };
            BoardMap board = Esp32DevkitcBoard.Create();
            var config = new DeviceConfig { Did = "did-under-test", Passcode = "passcode00", Product = GoKitProduct.Create(), Board = board };
            var clock = new ManualClock();
            var sensor = Sht3xSensor.Open(board.Sensor.BusId, board.Sensor.Address, 21, 22);
            var core = new DeviceCore(config, clock, new M2MqttTransport("broker", 1883, new HostLoop(new CoreInbox(8, 0), clock), false), new NanoPinDriver(LedcTimerPlan.Create(board.Outputs, out _)), sensor, null);
            int fault = config.Product.Find(board.Sensor.FaultPoint).Id;

            core.Start();
            Advance(core, clock);
            Assert.False(core.State.GetBool(fault));

            FakeI2c.Chip.Present = false;
            Advance(core, clock);
            Assert.True(core.Sensor.Faulty);
            Assert.True(core.State.GetBool(fault));

            FakeI2c.Chip.Present = true;
            Advance(core, clock);
            Assert.False(core.State.GetBool(fault));
        }

        private static void Advance(DeviceCore core, ManualClock clock)
        {
            clock.NowMs += core.Sensor.NextPollMs - clock.NowMs + 1;
            core.Tick();
        }

        private sealed class ManualClock : IClock
        {
            public long NowMs { get; set; } = 1000;
        }
    }
}
