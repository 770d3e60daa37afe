using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Tests.MockCloud.App;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>HIL: a firmware killed without a word (power cut, SIGKILL) is announced offline, and comes back as itself.</summary>
    [Collection(HilCollection.Name)]
    public class KillScenarioTests
    {
        private readonly ITestOutputHelper output;

        public KillScenarioTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task SIGKILL_is_seen_as_0x0092_offline_and_the_restart_is_the_same_DID_online_again()
        {
            await using HilWorld world = HilWorld.Start(output);
            HilFirmware device = world.StartFirmware();
            string did = device.Did;
            AppClient app = await world.AppAsync(await world.UserAsync("alice", device), null, device);
            await using var seen = new AppEventLog(app);
            await app.WriteAsync(device, ("Relay", 1));

            device.Kill();
            DeviceOnlineEvent offline = await seen.WaitForAsync<DeviceOnlineEvent>(e => !e.Online, "0x0092 offline after SIGKILL");
            Assert.Equal(did, offline.Did);
            Assert.Equal($"dev2app/{did}", offline.Topic);

            // Same state file: the restart neither registers again nor changes its DID, so the App's binding still holds.
            device.Start();
            Assert.Equal(did, device.Did);
            Assert.Equal(2, device.Runs.Count);
            Assert.Contains(device.Process.Lines, l => l.Contains("Using the identity in", System.StringComparison.Ordinal));
            Assert.DoesNotContain(device.Process.Lines, l => l.Contains("Registered as DID", System.StringComparison.Ordinal));
            await seen.WaitForAfterAsync<DeviceOnlineEvent>(offline, e => e.Online && e.Did == did, "0x0092 online after the restart");

            // A new process starts from the board's safe levels, and the App controls it again.
            DeviceStatusEvent status = await app.SendReadAsync(did);
            Assert.Equal(false, status.Values["Relay"]);
            await app.WriteAsync(device, ("Relay", 1));
            await device.Sim.WaitForLevelAsync(HilCommands.OutputPin("Relay"), true, "relay high when commanded after the restart");
        }
    }
}
