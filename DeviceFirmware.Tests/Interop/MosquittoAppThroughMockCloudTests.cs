using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using DeviceFirmware.Iot.Provisioning;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Interop
{
    /// <summary>
    /// Issue 5's "done when": an independent MQTT client (mosquitto_pub/_sub) with App credentials controls the firmware
    /// on the simulated board through the mock cloud — and one without a binding cannot.
    /// </summary>
    public class MosquittoAppThroughMockCloudTests : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("mock-interop-").FullName;
        private readonly ITestOutputHelper output;

        public MosquittoAppThroughMockCloudTests(ITestOutputHelper output) => this.output = output;

        public void Dispose() => Directory.Delete(folder, true);

        /// <summary>Apps of both MQTT versions (mosquitto's <c>-V mqttv31</c> sends MQIsdp/3) against the 3.1 firmware through the mock M2M.</summary>
        [Theory]
        [InlineData("mqttv31")]
        [InlineData("mqttv311")]
        public async Task Mosquitto_clients_with_app_credentials_control_the_simulated_device_through_the_mock_cloud(string mosquittoVersion)
        {
            if (!Mosquitto.IsInstalled)
            {
                output.WriteLine("SKIPPED: mosquitto-clients not installed (./test.sh installs them)");
                Console.WriteLine("SKIPPED MosquittoAppThroughMockCloudTests: mosquitto-clients not installed");
                return;
            }

            using MockCloudProcess cloud = MockCloudProcess.Start(Path.Combine(folder, "cloud.db"), "--appid", "interop-app");
            int simPort = FreePort.Next();
            string state = Path.Combine(folder, "device.json");
            using ChildProcess firmware = ChildProcess.Start("firmware", "dotnet", new[]
            {
                RepoPaths.FirmwareDll, "--board", "simulated", "--product", RepoPaths.Product("gokit"), "--gservice", cloud.GService.ToString(),
                "--state-file", state, "--sim-control", "127.0.0.1:" + simPort.ToString(CultureInfo.InvariantCulture),
            });
            firmware.WaitForLine(l => l.Contains("Connected to", StringComparison.Ordinal), 30);
            Assert.True(StateFile.TryLoad(state, out DeviceIdentity? device, out string error), error);

            using var gservice = new GServiceClient(cloud.GService, "interop-app");
            AppSession owner = await gservice.RegisterAsync("owner", "owner-password-1");
            Assert.Contains(device!.Did, (await gservice.BindAsync(device.Did, device.Passcode)).Success);
            using var strangerService = new GServiceClient(cloud.GService, "interop-app");
            AppSession strangerSession = await strangerService.RegisterAsync("stranger", "stranger-password-1");

            Product product = ProductJson.Load(RepoPaths.Product("gokit"));
            (int relayPin, _) = SimControl.Pins();
            using var sim = new SimControl(simPort);
            // mosquitto_pub and mosquitto_sub are two connections, so they need two client ids (one id would take the
            // other's session over): the listener watches the broadcast topic, the publisher writes.
            string broadcast = $"dev2app/{device.Did}";
            var listener = new MosquittoApp(cloud.MqttPort, "-i", "usrOwnerSub1", "-u", $"2$interop-app${owner.Uid}", "-P", owner.Token) { ProtocolVersion = mosquittoVersion };
            var publisher = new MosquittoApp(cloud.MqttPort, "-i", "usrOwnerPub1", "-u", $"2$interop-app${owner.Uid}", "-P", owner.Token) { ProtocolVersion = mosquittoVersion };
            string ownTopic = $"app2dev/{device.Did}/usrOwnerPub1";
            using ChildProcess statuses = listener.Subscribe(
                broadcast,
                () => publisher.Publish(ownTopic, AppFrames.Write(product, "LED_R", 1)),
                l => AppFrames.IsStatusWith(l, broadcast, product, "LED_R", 1));

            // The stranger (valid token, not bound) writes Relay=1: M2M drops it and logs the refusal.
            var stranger = new MosquittoApp(cloud.MqttPort, "-i", "usrStrangerMosq1", "-u", $"2$interop-app${strangerSession.Uid}", "-P", strangerSession.Token) { ProtocolVersion = mosquittoVersion };
            stranger.Publish($"app2dev/{device.Did}/usrStrangerMosq1", AppFrames.Write(product, "Relay", 1));
            cloud.Process.WaitForLine(l => l.Contains("publish dropped: usrStrangerMosq1", StringComparison.Ordinal), 10);

            // The owner's next write is broadcast with the relay still off: the stranger's never reached the device.
            int seen = statuses.Lines.Count;
            publisher.Publish(ownTopic, AppFrames.Write(product, "LED_R", 2));
            string second = statuses.WaitForLine(l => AppFrames.IsStatusWith(l, broadcast, product, "LED_R", 2), 15, seen);
            Assert.True(AppFrames.IsStatusWith(second, broadcast, product, "Relay", 0), "the status after the stranger's write says Relay=1");
            Assert.False(await sim.LevelAsync(relayPin), "a write from an unbound App moved the relay");

            // The owner turns the relay on: the status broadcast says so and the pin is high.
            seen = statuses.Lines.Count;
            publisher.Publish(ownTopic, AppFrames.Write(product, "Relay", 1));
            statuses.WaitForLine(l => AppFrames.IsStatusWith(l, broadcast, product, "Relay", 1), 15, seen);
            await sim.WaitForLevelAsync(relayPin, true, "relay pin high after the owner's write");

            // The mock M2M says which version each client spoke: the firmware 3.1 by default, the Apps as asked.
            Assert.Contains(cloud.Process.Lines, l => l.Contains($"client id {device.Did} as Device", StringComparison.Ordinal) && l.Contains("over MQTT 3.1 (MQIsdp/3)", StringComparison.Ordinal));
            string appVersion = mosquittoVersion == "mqttv31" ? "over MQTT 3.1 (MQIsdp/3)" : "over MQTT 3.1.1 (MQTT/4)";
            Assert.Contains(cloud.Process.Lines, l => l.Contains("client id usrOwnerPub1 as App", StringComparison.Ordinal) && l.Contains(appVersion, StringComparison.Ordinal));
        }
    }
}
