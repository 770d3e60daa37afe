using System;
using System.Threading;
using DeviceFirmware.Boards;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Hosting;
using DeviceFirmware.Nano.Config;
using DeviceFirmware.Nano.Hosting;
using DeviceFirmware.Nano.Network;
using DeviceFirmware.Nano.Pins;
using DeviceFirmware.Nano.Sensors;
using DeviceFirmware.Nano.Transport;
using DeviceFirmware.Protocol.Products;

namespace DeviceFirmware.Nano
{
    /// <summary>
    /// The ESP32 firmware's entry point: the compiled-in product (GoKit) and board (esp32-devkitc) tables, every output
    /// to its safe level, then Wi-Fi, then the core's loop on this thread for ever.
    /// </summary>
    public static class Program
    {
        /// <summary>Messages that may wait for the loop; more are dropped and counted (see <see cref="CoreInbox"/>).</summary>
        public const int InboxMessages = 8;

        /// <summary>Starts the device. Never returns.</summary>
        public static void Main()
        {
            NanoSettings settings = NanoSettings.CompiledIn();
            BoardMap board = Esp32DevkitcBoard.Create();
            string problem = settings.Validate();
            LedcTimerPlan pwmPlan = LedcTimerPlan.Create(board.Outputs, out string ledcProblem);
            if (problem == null && ledcProblem != null) problem = "board " + board.Name + ": " + ledcProblem;
            while (problem != null)
            {
                // Outputs are never touched with an unusable configuration: say what to fix, every 10 s, on the serial
                // output (Console.WriteLine is not [Conditional("DEBUG")], unlike Debug.WriteLine: a Release build prints it too).
                Console.WriteLine("gizwits firmware not started: " + problem);
                Thread.Sleep(10000);
            }

            DeviceConfig config = new DeviceConfig();
            config.Did = settings.Did;
            config.Passcode = settings.Passcode;
            config.Product = GoKitProduct.Create();
            config.Board = board;
            config.Reports = new SerialCoreReports();

            NanoClock clock = new NanoClock();
            HostLoop loop = new HostLoop(new CoreInbox(InboxMessages, 0), clock);
            M2MqttTransport transport = new M2MqttTransport(settings.BrokerHost, settings.BrokerPort, loop, settings.Mqtt311);
            Sht3xSensor sensor = null;
            if (board.Sensor != null && board.Sensor.Driver == "sht3x")
            {
                sensor = Sht3xSensor.Open(board.Sensor.BusId, board.Sensor.Address, settings.I2cDataPin, settings.I2cClockPin);
            }

            DeviceCore core = new DeviceCore(config, clock, transport, new NanoPinDriver(pwmPlan), sensor, null);

            // Safe levels before any networking: Start opens every output at its safe value. Its first connect is due at
            // the first Tick, which the loop runs only after Wi-Fi has joined.
            loop.Start(core);
            Console.WriteLine("outputs at safe levels; preallocated " + core.PreallocatedBytes + " bytes; joining Wi-Fi " + settings.WifiSsid);
            HeapReport.Print("after start");
            WifiConnector.Connect(settings.WifiSsid, settings.WifiPassword);
            Console.WriteLine("Wi-Fi joined; connecting to " + settings.BrokerHost + ":" + settings.BrokerPort + " as " + settings.Did
                + " (MQTT " + (settings.Mqtt311 ? "3.1.1" : "3.1") + ")");
            new NanoLoop(loop, core).Run();
        }
    }
}
