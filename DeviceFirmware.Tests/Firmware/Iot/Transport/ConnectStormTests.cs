using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Session;
using DeviceFirmware.Core.Hosting;
using DeviceFirmware.Iot.Transport;
using DeviceFirmware.Tests.Firmware.Core;
using DeviceFirmware.Tests.Firmware.Core.Peripherals;
using DeviceFirmware.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Transport
{
    /// <summary>
    /// Issue 12's connect storm (69 connects in 35 s on main) against a real socket: a server that accepts CONNECT and
    /// SUBSCRIBE and closes the connection half a second after SUBACK. The core runs on the fake clock, so the test counts
    /// connects over 35 simulated seconds; the socket, MQTTnet and the transport are real. Nothing is timed.
    /// </summary>
    public class ConnectStormTests
    {
        private const long DropAfterMs = 500;

        [Fact]
        public async Task A_server_that_drops_every_connection_after_SUBACK_sees_at_most_3_connects_in_35_simulated_seconds()
        {
            await using var broker = new RawMqttBroker(dropAfterSubscribeMs: (int)DropAfterMs);
            using var events = new QueuedTransportEvents();
            await using var transport = new MqttNetTransport(new MqttConnection("127.0.0.1", broker.Port, false, null, 5000), events, NullLogger<MqttNetTransport>.Instance);
            var clock = new FakeClock();
            var pins = new FakePinDriver(new Journal());
            pins.SetInput(GoKit.ButtonPin, true);
            var config = new DeviceConfig { Did = "devStorm01", Passcode = "PASSCODEAB", Product = GoKit.Product, Board = GoKit.Board() };
            var core = new DeviceCore(config, clock, transport, pins, null!, null!);
            core.Start();

            int connects = 0, connected = 0;
            while (core.NextDeadlineMs <= 35000)
            {
                clock.NowMs = Math.Max(clock.NowMs, core.NextDeadlineMs);
                if (core.Tick() != SessionAction.Connect) continue;
                connects++;
                long startedAt = clock.NowMs;
                TransportEvent outcome = MqttNetTransportTests.Next(events, CoreEventKind.Connected, CoreEventKind.ConnectFailed);
                if (outcome.Kind == CoreEventKind.ConnectFailed)
                {
                    core.OnConnectFailed();
                    continue;
                }

                connected++;
                clock.NowMs = startedAt + 20;
                core.OnConnected();
                MqttNetTransportTests.Next(events, CoreEventKind.ConnectionLost); // the server closes the socket
                clock.NowMs = startedAt + 20 + DropAfterMs;
                core.OnConnectionLost();
                Assert.True(core.Session.FailedAttempts > 0, "a connection lost half a second after it was made must count as a failed attempt");
            }

            core.Stop();
            Assert.InRange(connects, 2, 3);
            Assert.Equal(connects, connected); // every attempt did reach SUBACK: the schedule, not refusals, kept the count down
            Assert.Equal(connects, broker.Connects.Length); // and nothing connected behind the core's back
        }

        [Fact]
        public async Task The_firmware_process_against_that_server_logs_each_early_loss_as_a_failed_attempt_with_a_growing_wait()
        {
            // A bounded number of reconnect steps, shortened to 300 ms: the test counts connects and reads the firmware's
            // own schedule lines; it never measures time.
            const int Step = 300;
            const string Did = "devStormProc1";
            await using var broker = new RawMqttBroker(dropAfterSubscribeMs: (int)DropAfterMs);
            string folder = Directory.CreateTempSubdirectory("fw-storm-").FullName;
            try
            {
                using ChildProcess firmware = ChildProcess.Start("firmware", "dotnet", new[]
                {
                    RepoPaths.FirmwareDll, "--board", "simulated", "--product", RepoPaths.Product("gokit"), "--did", Did, "--passcode", "PASSCODEAB",
                    "--m2m", $"127.0.0.1:{broker.Port}", "--state-file", Path.Combine(folder, "state.json"), "--reconnect-step-ms", Step.ToString(CultureInfo.InvariantCulture),
                });
                // Every connect but the newest must have been logged as an early loss, with the next wait growing by a step.
                int connects = broker.WaitForConnects(4, 60).Length;
                firmware.WaitForLine(l => l.Contains($"counted as failed attempt {connects - 1};", StringComparison.Ordinal), 30);
                string[] lines = firmware.Lines.ToArray();
                Match[] losses = lines.Select(l => Regex.Match(l, @"Session lost \d+ ms after it was made: counted as failed attempt (\d+); attempt (\d+) in (\d+) ms")).Where(m => m.Success).ToArray();
                Assert.True(losses.Length >= connects - 1, string.Join("\n", lines));
                long spread = ReconnectSpread.ForDevice(Did, Step);
                for (int k = 1; k < connects; k++)
                {
                    Assert.Equal(k.ToString(CultureInfo.InvariantCulture), losses[k - 1].Groups[1].Value);
                    Assert.Equal((k + 1).ToString(CultureInfo.InvariantCulture), losses[k - 1].Groups[2].Value);
                    Assert.Equal(((k * Step) + spread).ToString(CultureInfo.InvariantCulture), losses[k - 1].Groups[3].Value);
                }

                Assert.DoesNotContain(lines, l => l.Contains("reconnecting at once", StringComparison.Ordinal));
                Assert.All(broker.Connects, c => Assert.Equal(Did, c.ClientId));
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }
    }
}
