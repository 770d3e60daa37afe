using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.Frames;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>
    /// HIL (issue 12): an App with a fixed AppClientId restarts and counts its sn from 1 again, as Gizwits' App SDKs do. Its
    /// new commands must run, not be answered from the memory of the previous run's sn 1.
    /// </summary>
    [Collection(HilCollection.Name)]
    public class AppRestartScenarioTests
    {
        private const string FixedClientId = "usrFixedPhone1";
        private readonly ITestOutputHelper output;

        public AppRestartScenarioTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task An_app_restarting_with_a_fixed_app_client_id_and_sn_from_1_has_its_new_commands_run()
        {
            await using HilWorld world = HilWorld.Start(output);
            HilFirmware device = world.StartFirmware();
            var user = await world.UserAsync("restarter", device);
            int relay = HilCommands.OutputPin("Relay");

            AppClient before = await world.AppAsync(user, FixedClientId, device);
            DeviceStatusEvent on = await before.RequestAsync(device.Did, HilCommands.WriteP0(("Relay", 1)), 1u);
            Assert.Equal(true, on.Values["Relay"]);
            await device.Sim.WaitForLevelAsync(relay, true, "relay high after the first run's sn 1");
            int mark = world.Cloud.Process.Lines.Count;
            await before.DisposeAsync(); // the App closes: DISCONNECT, then it starts again with the same AppClientId

            // A phone App restarts in seconds; the broker has seen the old session go by then. Starting the new one before
            // that would test MQTT session takeover, not sn reuse.
            world.Cloud.Process.WaitForLine(l => l.Contains($"disconnected: {FixedClientId} (App)", System.StringComparison.Ordinal), 10, mark);

            AppClient after = await world.AppAsync(user, FixedClientId, device);
            DeviceStatusEvent off = await after.RequestAsync(device.Did, HilCommands.WriteP0(("Relay", 0)), 1u);
            Assert.Equal(GizwitsCommand.BusinessWithSnAck, off.Command);
            Assert.Equal(1u, off.Sn);
            Assert.Equal(false, off.Values["Relay"]); // main answered this from memory with Relay=true and left the relay on
            await device.Sim.WaitForLevelAsync(relay, false, "relay low after the restarted App's sn 1");

            // Its sn 2 runs too.
            DeviceStatusEvent red = await after.RequestAsync(device.Did, HilCommands.WriteP0(("LED_R", 77)), 2u);
            Assert.Equal(77.0, red.Values["LED_R"]);
        }
    }
}
