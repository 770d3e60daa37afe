using DeviceFirmware.Boards;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Hosting;
using DeviceFirmware.Nano;
using DeviceFirmware.Nano.Config;
using DeviceFirmware.Nano.Hosting;
using DeviceFirmware.Nano.Pins;
using DeviceFirmware.Nano.Sensors;
using DeviceFirmware.Nano.Transport;
using DeviceFirmware.NanoHostTests.Fakes;
using DeviceFirmware.Protocol.Products;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.NanoHostTests.Hosting
{
    /// <summary>
    /// The managed heap the ESP32 build takes at start, by nanoCLR's rules (NanoHeapModel): the objects Program.Main
    /// creates for GoKit on esp32-devkitc — settings, product and board tables, LEDC plan, clock, inbox, transport,
    /// sensor, pin driver and the started core — walked as live objects, not re-stated from each class's arithmetic;
    /// asserted within 16 KB. At start no M2Mqtt client exists yet; after the first connect its objects and threads
    /// come on top, added here as estimates read from their sources and reported, not asserted. The loaded assemblies'
    /// runtime tables are in neither figure (docs/esp32.md; the device prints its free heap after start and after the
    /// first connect).
    /// </summary>
    public class StartupHeapTests
    {
        /// <summary>The budget (docs/esp32.md): the firmware's objects must leave the ESP32's 50–80 KB managed heap to the network stack.</summary>
        public const int BudgetBytes = 16 * 1024;

        /// <summary>
        /// Estimate of one connected M2Mqtt 5.1.218 client, from M2Mqtt/MqttClient.cs and Net/MqttNetworkChannel.cs at that tag:
        /// MqttClient's 49 instance fields (19 declared, 19 auto-property backing fields, 8 events, 3 receive-state) = 50 blocks;
        /// 3 Queues and an ArrayList (4 fields + default 16-slot array each ≈ 5 + 18 blocks); 5 AutoResetEvents (2 blocks);
        /// the network channel (9 fields + Socket + NetworkStream ≈ 10 + 2 × 6 blocks); MqttSettings (9 fields); the
        /// CONNECT message while connecting (≈ 20 blocks).
        /// </summary>
        public const int M2MqttClientEstimateBytes = 12 * (50 + (4 * (5 + 18)) + (5 * 2) + (10 + 12) + 10 + 20);

        /// <summary>
        /// Estimate of the managed threads' heap: nanoCLR allocates each CLR_RT_Thread and its stack frames from the
        /// managed heap (≈ 300 bytes a thread with a shallow stack). Connected: Main (the loop) + M2Mqtt's receive,
        /// keep-alive, dispatch and in-flight threads + at most one pinger or closer.
        /// </summary>
        public const int ThreadsEstimateBytes = 6 * 300;

        private readonly ITestOutputHelper output;

        public StartupHeapTests(ITestOutputHelper output)
        {
            this.output = output;
            FakeLedc.Reset();
            FakeI2c.Chip = new FakeI2c();
            FakeBroker.Current = new FakeBroker();
        }

        [Fact]
        public void GoKit_on_ESP32_devkitc_starts_within_16_KB_by_nano_CLRs_rules()
        {
            // What Program.Main builds, in its order (the compiled-in secrets replaced by plausible values of full length).
            NanoSettings settings = NanoSettings.CompiledIn();
            settings.WifiSsid = "gizwits-lab-2.4GHz";
            settings.WifiPassword = "correct-horse-battery";
            settings.Did = new string('d', 22);
            settings.Passcode = new string('p', 10);
            settings.BrokerHost = "192.168.100.200";
            BoardMap board = Esp32DevkitcBoard.Create();
            LedcTimerPlan plan = LedcTimerPlan.Create(board.Outputs, out string problem);
            Assert.Null(problem);
            var config = new DeviceConfig { Did = settings.Did, Passcode = settings.Passcode, Product = GoKitProduct.Create(), Board = board, Reports = new SerialCoreReports() };
            var clock = new NanoClock();
            var loop = new HostLoop(new CoreInbox(Program.InboxMessages, 0), clock);
            var transport = new M2MqttTransport(settings.BrokerHost, settings.BrokerPort, loop, settings.Mqtt311);
            Sht3xSensor sensor = Sht3xSensor.Open(board.Sensor.BusId, board.Sensor.Address, settings.I2cDataPin, settings.I2cClockPin);
            var pins = new NanoPinDriver(plan);
            var core = new DeviceCore(config, clock, transport, pins, sensor, null);
            loop.Start(core);

            var heap = new NanoHeapModel();
            heap.Walk(settings, board, plan, config, clock, loop, transport, sensor, pins, core);
            int connected = heap.Bytes + M2MqttClientEstimateBytes + ThreadsEstimateBytes;

            output.WriteLine(heap.Report());
            output.WriteLine($"at start: {heap.Bytes} B in {heap.Objects} objects (walked; budget {BudgetBytes} B)");
            output.WriteLine($"after the first connect, estimated: {connected} B (+ M2Mqtt client ≈ {M2MqttClientEstimateBytes} B, threads ≈ {ThreadsEstimateBytes} B)");
            output.WriteLine("package objects not walked: " + string.Join(", ", heap.PackageTypes));
            Assert.True(heap.Objects > 100, "the walk found only " + heap.Objects + " objects");
            Assert.Contains("System.Device.Gpio.GpioController", heap.PackageTypes);
            Assert.True(heap.Bytes <= BudgetBytes, $"{heap.Bytes} B > {BudgetBytes} B:\n{heap.Report()}");
        }

        [Fact]
        public void The_model_costs_by_nano_CLRs_rules()
        {
            var heap = new NanoHeapModel();
            heap.Walk(new byte[8], new object[3], "abc", new Sample { Items = new int[2] });

            // byte[8]: ceil(28/12)=3; object[3]: ceil(56/12)=5; "abc": ceil(16/12)=2; Sample: 3 fields + 1 = 4; int[2]: ceil(28/12)=3.
            Assert.Equal(12 * (3 + 5 + 2 + 4 + 3), heap.Bytes);
        }

        private sealed class Sample
        {
            public int[] Items;
            public double Value;
            public long Count;
        }
    }
}
