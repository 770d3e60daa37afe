using System.Linq;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Tests.MockCloud.App;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>HIL: an App repeating a 0x0093 with the same sn (its answer was lost, say) is answered again, not obeyed again.</summary>
    [Collection(HilCollection.Name)]
    public class RepeatScenarioTests
    {
        private readonly ITestOutputHelper output;

        public RepeatScenarioTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task A_repeated_0x0093_is_executed_once_and_answered_twice_with_its_sn()
        {
            await using HilWorld world = HilWorld.Start(output);
            HilFirmware device = world.StartFirmware();
            AppClient app = await world.AppAsync(await world.UserAsync("alice", device), null, device);
            await using var seen = new AppEventLog(app);
            int relay = HilCommands.OutputPin("Relay");
            byte[] relayOn = HilCommands.WriteP0(("Relay", 1));

            DeviceStatusEvent first = await app.RequestAsync(device.Did, relayOn, 1000u);
            await device.Sim.WaitForLevelAsync(relay, true, "relay high after the first 0x0093 sn 1000");

            // Between the two, the relay is switched off by another command: if the repeat ran again, it would rise again.
            DeviceStatusEvent off = await app.RequestAsync(device.Did, HilCommands.WriteP0(("Relay", 0)), 1001u);
            Assert.Equal(false, off.Values["Relay"]);
            await device.Sim.WaitForLevelAsync(relay, false, "relay low after sn 1001");

            DeviceStatusEvent repeat = await app.RequestAsync(device.Did, relayOn, 1000u);

            // Answered twice, both with the sn; the second is the stored answer (the status right after the first run).
            Assert.Equal(GizwitsCommand.BusinessWithSnAck, first.Command);
            Assert.Equal(GizwitsCommand.BusinessWithSnAck, repeat.Command);
            Assert.Equal(1000u, first.Sn);
            Assert.Equal(1000u, repeat.Sn);
            Assert.Equal(first.P0, repeat.P0);

            // Executed once: a read (queued after the repeat on the same connection) finds the relay still off, and the
            // pin rose exactly once for the two sn-1000 commands.
            DeviceStatusEvent read = await app.SendReadAsync(device.Did);
            Assert.Equal(false, read.Values["Relay"]);

            // Exactly two answers with sn 1000 reached the App before the read's answer (the event log lags the reply
            // awaiter, so wait for the read's answer there first).
            DeviceStatusEvent readSeen = await seen.WaitForAsync<DeviceStatusEvent>(e => e.Sn == read.Sn, "the read's answer in the App's events");
            Assert.Equal(2, seen.Before(readSeen).OfType<DeviceStatusEvent>().Count(e => e.Sn == 1000u));
            Assert.False(await device.Sim.LevelAsync(relay));
            bool[] history = await device.Sim.HistoryAsync(relay);
            Assert.Equal(1, history.Count(level => level));
            Assert.Equal(new[] { true, false }, history.SkipWhile(level => !level).ToArray());
        }
    }
}
