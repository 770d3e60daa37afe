using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Tests.MockCloud.App;
using DeviceFirmware.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>HIL: the cloud goes away and comes back; the firmware follows the reconnect schedule and its disconnect policies.</summary>
    [Collection(HilCollection.Name)]
    public class CloudRestartScenarioTests
    {
        private readonly ITestOutputHelper output;

        public CloudRestartScenarioTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task The_firmware_reconnects_on_schedule_outputs_follow_their_policy_and_the_App_sees_it_online_again()
        {
            await using HilWorld world = HilWorld.Start(output);
            int httpPort = world.Cloud.GService.Port;
            int mqttPort = world.Cloud.MqttPort;

            // The firmware reaches M2M through a relay only so that the test can order the two reconnections (below);
            // the relay passes everything through and closes when the cloud closes.
            await using var relay = new BlackholeProxy(mqttPort);

            // A 500 ms step instead of the protocol's 10 s, so the test runs in seconds; the real default (10 s, 20 s, 30 s …)
            // is SessionSupervisorTests.Defaults_are_the_protocols and Reconnect_schedule_is_at_once_then_10_20_30_seconds_capped_at_10_minutes.
            // The connection is only seconds old when the cloud stops; a 100 ms stable time (instead of 60 s) makes the loss the
            // protocol's "drop after a working connection" (reconnect at once), which SessionStormTests covers at 60 s.
            HilFirmware device = world.StartFirmware("firmware", "--m2m", $"127.0.0.1:{relay.Port}", "--reconnect-step-ms", "500", "--stable-connection-ms", "100");
            AppClient app = await world.AppAsync(await world.UserAsync("alice", device), null, device);
            await using var seen = new AppEventLog(app);
            int relayPin = HilCommands.OutputPin("Relay");
            int ledR = HilCommands.OutputPin("LED_R");
            await app.WriteAsync(device, ("Relay", 1), ("LED_R", 100));
            await device.Sim.WaitForLevelAsync(relayPin, true, "relay high");
            double duty = await device.Sim.DutyAsync(ledR);
            Assert.Equal(100 / 254.0, duty, 3);

            // While the firmware is held off, the App (which also lost the cloud) can be back first, so that it is there to
            // see the device come online: M2M does not replay 0x0092 to an App that subscribes later.
            relay.RefuseNew = true;
            int mark = device.Process.Lines.Count;
            world.StopCloud();
            device.Process.WaitForLine(l => l.Contains("Session lost after", StringComparison.Ordinal) && l.Contains("reconnecting at once", StringComparison.Ordinal), 20, mark);

            // Disconnect policy (hardware/boards/simulated.json): the relay is "safe" (goes low), LED_R "hold" (keeps its duty).
            await device.Sim.WaitForLevelAsync(relayPin, false, "relay low while the cloud is down");
            Assert.Equal(duty, await device.Sim.DutyAsync(ledR));

            // Three failed attempts (at once, +500 ms, +1000 ms) before the cloud comes back on the same ports and database.
            device.Process.WaitForLine(l => l.Contains("Connect attempt 3 failed", StringComparison.Ordinal), 20, mark);
            world.StartCloud(httpPort, mqttPort);
            SessionChangedEvent appBack = await seen.WaitForAsync<SessionChangedEvent>(e => e.Connected && e.Connections == 2, "the App reconnected to the restarted cloud");
            relay.RefuseNew = false;
            device.Process.WaitForLine(l => l.Contains("Connected to", StringComparison.Ordinal), 30, mark);

            // The App sees the device online (0x0092) and its status broadcast: relay still off, LED_R held.
            DeviceOnlineEvent online = await seen.WaitForAfterAsync<DeviceOnlineEvent>(appBack, e => e.Online, "0x0092 online after the App reconnected");
            Assert.Equal(device.Did, online.Did);
            DeviceStatusEvent status = await seen.WaitForAfterAsync<DeviceStatusEvent>(appBack, e => e.IsBroadcast, "the status broadcast after the reconnect");
            Assert.Equal(false, status.Values["Relay"]);
            Assert.Equal(100.0, status.Values["LED_R"]);
            Assert.Equal(duty, await device.Sim.DutyAsync(ledR));

            // The schedule, from the firmware's own lines (counted, not timed): attempt 1 at once after the loss, then
            // attempt k+1 k × 500 ms (plus this device's fixed spread) after failure k, one transport failure per attempt, then one success.
            long spread = DeviceFirmware.Core.Session.ReconnectSpread.ForDevice(device.Did, 500);
            string[] after = device.Process.Lines.Skip(mark).ToArray();
            int lost = Array.FindIndex(after, l => l.Contains("Session lost after", StringComparison.Ordinal) && l.Contains("reconnecting at once (attempt 1)", StringComparison.Ordinal));
            int connected = Array.FindIndex(after, l => l.Contains("Connected to", StringComparison.Ordinal));
            Assert.True(lost >= 0 && connected > lost, "the loss is logged before the reconnect:\n" + string.Join("\n", after));
            string[] between = after[lost..connected];
            Match[] plan = between.Select(l => Regex.Match(l, @"Connect attempt (\d+) failed; attempt (\d+) in (\d+) ms")).Where(m => m.Success).ToArray();
            Assert.True(plan.Length >= 3, "at least three failed attempts:\n" + string.Join("\n", between));
            for (int k = 1; k <= plan.Length; k++)
            {
                Assert.Equal(k.ToString(System.Globalization.CultureInfo.InvariantCulture), plan[k - 1].Groups[1].Value);
                Assert.Equal((k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), plan[k - 1].Groups[2].Value);
                Assert.Equal(((k * 500) + spread).ToString(System.Globalization.CultureInfo.InvariantCulture), plan[k - 1].Groups[3].Value);
            }

            Assert.Equal(plan.Length, between.Count(l => Regex.IsMatch(l, @"Connect to \S+ failed")));

            // And the App controls it again.
            await app.WriteAsync(device, ("Relay", 1));
            await device.Sim.WaitForLevelAsync(relayPin, true, "relay high when commanded after the reconnect");
        }
    }
}
