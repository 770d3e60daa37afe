using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Interop
{
    /// <summary>
    /// The real firmware process, on the simulated board, against Debian's mosquitto, with mosquitto_pub and
    /// mosquitto_sub as the App: no code of ours between the broker and the App side. test.sh installs mosquitto.
    /// </summary>
    public class MosquittoFirmwareTests
    {
        private const string Did = "interopDev1";
        private const string App = "usrInterop1";
        private readonly ITestOutputHelper output;

        public MosquittoFirmwareTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task Firmware_answers_an_app_through_mosquitto_exactly_as_the_protocol_says()
        {
            if (!Mosquitto.IsInstalled)
            {
                // Visible, not silent: CI installs mosquitto in test.sh, so this only happens on a developer machine without it.
                output.WriteLine("SKIPPED: mosquitto / mosquitto-clients not installed (./test.sh installs them)");
                Console.WriteLine("SKIPPED MosquittoFirmwareTests: mosquitto not installed");
                return;
            }

            using Mosquitto broker = Mosquitto.Start();
            int simPort = FreePort.Next();
            Product product = ProductJson.Load(RepoPaths.Product("gokit"));
            (int relayPin, int indicatorPin) = Pins();

            using ChildProcess firmware = ChildProcess.Start("firmware", "dotnet", new[]
            {
                RepoPaths.FirmwareDll, "--board", "simulated", "--did", Did, "--passcode", "PASSCODEAB",
                "--m2m", "127.0.0.1:" + broker.Port.ToString(CultureInfo.InvariantCulture), "--product", RepoPaths.Product("gokit"),
                "--sim-control", "127.0.0.1:" + simPort.ToString(CultureInfo.InvariantCulture),
            });
            try
            {
                firmware.WaitForLine(l => l.Contains("Connected to", StringComparison.Ordinal), 30);
                using var sim = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{simPort}/") };
                Assert.False(await PinLevel(sim, relayPin), "relay must start at its safe level (off)");
                // The transport logs "Connected" before the loop has taken the event and lit the LED.
                await WaitFor(() => PinLevel(sim, indicatorPin), "indicator LED on while connected");

                using ChildProcess subscriber = ChildProcess.Start("mosquitto_sub", "/usr/bin/mosquitto_sub", new[]
                {
                    "-h", "127.0.0.1", "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-t", $"dev2app/{Did}/#", "-F", "%t %x",
                });
                WaitUntilSubscribed(broker, subscriber);
                int seen = subscriber.Lines.Count;

                // 0x0093 write Relay=1, sn 7 → 0x0094 sn 7 to the App, 0x0091 status broadcast, pin high.
                var values = new DataPointValues(product);
                var flagged = new bool[product.Points.Length];
                int relay = product.Find("Relay").Id;
                values.Set(relay, 1);
                flagged[relay] = true;
                var p0 = new byte[product.MaxMessageSize];
                P0Writer.WriteWrite(values, flagged, p0, 0, out int p0Length);
                var frame = new byte[FrameWriter.FrameLength(4 + p0Length)];
                FrameWriter.WriteBusinessWithSn(frame, 0, GizwitsCommand.BusinessWithSn, 7, p0, 0, p0Length, out int length);
                Publish(broker, $"app2dev/{Did}/{App}", frame.AsSpan(0, length).ToArray());

                FrameReader answer = Frame(subscriber.WaitForLine(l => l.StartsWith($"dev2app/{Did}/{App} ", StringComparison.Ordinal), 15, seen));
                Assert.Equal(GizwitsCommand.BusinessWithSnAck, answer.Command);
                Assert.Equal(7u, answer.Sn);
                var message = new P0Message(product);
                Assert.Equal(P0Error.None, message.Decode(answer.Buffer, answer.BodyOffset, answer.BodyLength));
                Assert.Equal(1, message.Values.Get(relay));

                // The broadcast after connect (Relay 0) may also be in the stream: wait for the one the write caused.
                subscriber.WaitForLine(l => IsStatusWithRelay(l, product, relay, 1), 15, seen);
                Assert.True(await PinLevel(sim, relayPin), "relay pin high after the write");

                // 0x0010: log level Info, indicator LED off → 0x0011, LED dark.
                seen = subscriber.Lines.Count;
                FrameWriter.WriteSettings(frame, 0, DeviceSettings.Compose(LogLevel.Info, false), out length);
                Publish(broker, $"app2dev/{Did}/{App}", frame.AsSpan(0, length).ToArray());
                FrameReader ack = Frame(subscriber.WaitForLine(l => l.StartsWith($"dev2app/{Did}/{App} ", StringComparison.Ordinal), 15, seen));
                Assert.Equal(GizwitsCommand.SettingsAck, ack.Command);
                await WaitFor(async () => !await PinLevel(sim, indicatorPin), "indicator LED dark after 0x0010");

                // A malformed frame is refused (relay unchanged) and reported to the Apps as a 0x0012 Warning log.
                seen = subscriber.Lines.Count;
                Publish(broker, $"app2dev/{Did}/{App}", new byte[] { 0x00, 0x00, 0x00, 0x03, 0x05, 0x00, 0x00, 0x93, 0x00 });
                FrameReader log = Frame(subscriber.WaitForLine(l => l.StartsWith($"dev2app/{Did} ", StringComparison.Ordinal) && Frame(l).Command == GizwitsCommand.Log, 15, seen));
                Assert.Equal((byte)LogLevel.Warning, log.LogLevel);
                Assert.True(await PinLevel(sim, relayPin), "a refused frame moves no pin");
            }
            finally
            {
                output.WriteLine(firmware.Tail(60));
            }
        }

        private static bool IsStatusWithRelay(string line, Product product, int relay, long value)
        {
            if (!line.StartsWith($"dev2app/{Did} ", StringComparison.Ordinal)) return false;
            FrameReader status = Frame(line);
            if (status.Command != GizwitsCommand.BusinessReply) return false;
            var message = new P0Message(product);
            return message.Decode(status.Buffer, status.BodyOffset, status.BodyLength) == P0Error.None
                && message.Action == P0Action.Report && message.Values.Get(relay) == value;
        }

        private static (int Relay, int Indicator) Pins()
        {
            using JsonDocument board = JsonDocument.Parse(File.ReadAllText(RepoPaths.Board("simulated")));
            int relay = board.RootElement.GetProperty("outputs").EnumerateArray().First(o => o.GetProperty("point").GetString() == "Relay").GetProperty("pin").GetInt32();
            int indicator = board.RootElement.GetProperty("indicator").GetProperty("pin").GetInt32();
            return (relay, indicator);
        }

        private static async Task<bool> PinLevel(HttpClient sim, int pin)
        {
            using JsonDocument json = JsonDocument.Parse(await sim.GetStringAsync($"pins/{pin}"));
            return json.RootElement.GetProperty("level").GetBoolean();
        }

        private static async Task WaitFor(Func<Task<bool>> condition, string what)
        {
            DateTime give = DateTime.UtcNow.AddSeconds(10);
            while (!await condition())
            {
                if (DateTime.UtcNow > give) throw new Xunit.Sdk.XunitException(what + ": not within 10 s");
                await Task.Delay(50);
            }
        }

        private static FrameReader Frame(string line)
        {
            string hex = line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            byte[] bytes = Convert.FromHexString(hex);
            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(bytes, 0, bytes.Length));
            return reader;
        }

        private static void Publish(Mosquitto broker, string topic, byte[] payload)
        {
            string file = Path.GetTempFileName();
            try
            {
                File.WriteAllBytes(file, payload);
                using ChildProcess pub = ChildProcess.Start("mosquitto_pub", "/usr/bin/mosquitto_pub", new[]
                {
                    "-h", "127.0.0.1", "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-t", topic, "-f", file,
                });
                Assert.True(pub.WaitForExit(10), "mosquitto_pub did not finish");
                Assert.True(pub.ExitCode == 0, "mosquitto_pub failed: " + pub.Tail());
            }
            finally
            {
                File.Delete(file);
            }
        }

        // mosquitto_sub cannot say when its SUBSCRIBE was granted: publish probes until one comes back.
        private static void WaitUntilSubscribed(Mosquitto broker, ChildProcess subscriber)
        {
            string probe = $"dev2app/{Did}/probe";
            for (int attempt = 0; attempt < 50; attempt++)
            {
                Publish(broker, probe, new byte[] { 0xAB });
                try
                {
                    subscriber.WaitForLine(l => l.StartsWith(probe, StringComparison.Ordinal), 1);
                    return;
                }
                catch (Xunit.Sdk.XunitException) when (attempt < 49)
                {
                    // not yet subscribed
                }
            }
        }
    }
}
