using System;
using System.Globalization;
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

        /// <summary>Both MQTT versions end to end: the firmware and the App clients speak the same one (Debian's mosquitto accepts MQIsdp/3).</summary>
        [Theory]
        [InlineData("3.1", "mqttv31")]
        [InlineData("3.1.1", "mqttv311")]
        public async System.Threading.Tasks.Task Firmware_answers_an_app_through_mosquitto_exactly_as_the_protocol_says(string version, string mosquittoVersion)
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
            (int relayPin, int indicatorPin) = SimControl.Pins();
            using ChildProcess firmware = ChildProcess.Start("firmware", "dotnet", new[]
            {
                RepoPaths.FirmwareDll, "--board", "simulated", "--did", Did, "--passcode", "PASSCODEAB",
                "--m2m", "127.0.0.1:" + broker.Port.ToString(CultureInfo.InvariantCulture), "--product", RepoPaths.Product("gokit"),
                "--sim-control", "127.0.0.1:" + simPort.ToString(CultureInfo.InvariantCulture), "--mqtt-version", version,
            });
            try
            {
                firmware.WaitForLine(l => l.Contains("Connected to", StringComparison.Ordinal) && l.Contains($"over MQTT {version},", StringComparison.Ordinal), 30);
                using var sim = new SimControl(simPort);
                Assert.False(await sim.LevelAsync(relayPin), "relay must start at its safe level (off)");
                // The transport logs "Connected" before the loop has taken the event and lit the LED.
                await sim.WaitForLevelAsync(indicatorPin, true, "indicator LED on while connected");

                var app = new MosquittoApp(broker.Port) { ProtocolVersion = mosquittoVersion };
                using ChildProcess subscriber = app.Subscribe($"dev2app/{Did}/#", $"dev2app/{Did}/probe");
                int seen = subscriber.Lines.Count;

                // 0x0093 write Relay=1, sn 7 → 0x0094 sn 7 to the App, 0x0091 status broadcast, pin high.
                app.Publish($"app2dev/{Did}/{App}", AppFrames.WriteWithSn(product, "Relay", 1, 7));
                P0Message answer = AppFrames.Reply(subscriber.WaitForLine(l => l.StartsWith($"dev2app/{Did}/{App} ", StringComparison.Ordinal), 15, seen), product, 7);
                Assert.Equal(1, answer.Values.Get(product.Find("Relay").Id));
                // The broadcast after connect (Relay 0) may also be in the stream: wait for the one the write caused.
                subscriber.WaitForLine(l => AppFrames.IsStatusWith(l, $"dev2app/{Did}", product, "Relay", 1), 15, seen);
                Assert.True(await sim.LevelAsync(relayPin), "relay pin high after the write");

                // 0x0010: log level Info, indicator LED off → 0x0011, LED dark.
                seen = subscriber.Lines.Count;
                app.Publish($"app2dev/{Did}/{App}", AppFrames.Settings(LogLevel.Info, false));
                FrameReader ack = MosquittoApp.Frame(subscriber.WaitForLine(l => l.StartsWith($"dev2app/{Did}/{App} ", StringComparison.Ordinal), 15, seen));
                Assert.Equal(GizwitsCommand.SettingsAck, ack.Command);
                await sim.WaitForLevelAsync(indicatorPin, false, "indicator LED dark after 0x0010");

                // A malformed frame is refused (relay unchanged) and reported to the Apps as a 0x0012 Warning log.
                seen = subscriber.Lines.Count;
                app.Publish($"app2dev/{Did}/{App}", new byte[] { 0x00, 0x00, 0x00, 0x03, 0x05, 0x00, 0x00, 0x93, 0x00 });
                FrameReader log = MosquittoApp.Frame(subscriber.WaitForLine(l => l.StartsWith($"dev2app/{Did} ", StringComparison.Ordinal) && MosquittoApp.Frame(l).Command == GizwitsCommand.Log, 15, seen));
                Assert.Equal((byte)LogLevel.Warning, log.LogLevel);
                Assert.Equal($"FrameError VarLenMismatch at offset 4: message from {App} ignored", System.Text.Encoding.UTF8.GetString(log.Buffer, log.ContentOffset, log.ContentLength));
                Assert.True(await sim.LevelAsync(relayPin), "a refused frame moves no pin");
                firmware.WaitForLine(l => l.Contains($"FrameError VarLenMismatch at offset 4: message from {App} ignored", StringComparison.Ordinal), 10); // the same line in the host's own log

                // An App that restarted counts its sn from the same place again: the same sn with another body is a new
                // command and runs (issue 12: main answered it from memory with the old Relay=true).
                seen = subscriber.Lines.Count;
                app.Publish($"app2dev/{Did}/{App}", AppFrames.WriteWithSn(product, "Relay", 0, 7));
                P0Message second = AppFrames.Reply(subscriber.WaitForLine(l => l.StartsWith($"dev2app/{Did}/{App} ", StringComparison.Ordinal), 15, seen), product, 7);
                Assert.Equal(0, second.Values.Get(product.Find("Relay").Id));
                await sim.WaitForLevelAsync(relayPin, false, "relay off after the second command with sn 7");
            }
            finally
            {
                output.WriteLine(firmware.Tail(60));
            }
        }
    }
}
