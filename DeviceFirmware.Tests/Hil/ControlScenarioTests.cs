using System.Linq;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Interop;
using DeviceFirmware.Tests.MockCloud.App;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>HIL: an App controls the device; a second App of another user sees the broadcast but not the replies.</summary>
    [Collection(HilCollection.Name)]
    public class ControlScenarioTests
    {
        private readonly ITestOutputHelper output;

        public ControlScenarioTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task Write_moves_the_pin_answers_with_the_sn_broadcasts_to_others_and_a_read_is_answered_only_to_the_asker()
        {
            await using HilWorld world = HilWorld.Start(output);
            HilFirmware device = world.StartFirmware();
            (int relayPin, _) = SimControl.Pins();
            AppSession alice = await world.UserAsync("alice", device);
            AppSession bob = await world.UserAsync("bob", device);
            AppClient controller = await world.AppAsync(alice, null, device);
            AppClient watcher = await world.AppAsync(bob, null, device);
            await using var seenByController = new AppEventLog(controller);
            await using var seenByWatcher = new AppEventLog(watcher);

            Product product = HilWorld.GoKit;
            var values = new DataPointValues(product);
            var flagged = new bool[product.Points.Length];
            values.Set(product.Find("Relay").Id, 1);
            flagged[product.Find("Relay").Id] = true;
            DeviceStatusEvent reply = await controller.SendWriteWithReplyAsync(device.Did, values, flagged);
            Assert.Equal(GizwitsCommand.BusinessWithSnAck, reply.Command);
            Assert.Equal(1u, reply.Sn);
            Assert.Equal(true, reply.Values["Relay"]);
            await device.Sim.WaitForLevelAsync(relayPin, true, "relay pin high after the write");
            await seenByWatcher.WaitForAsync<DeviceStatusEvent>(e => e.IsBroadcast && Equals(e.Values["Relay"], true), "the status broadcast at the other user's App");

            DeviceStatusEvent read = await controller.SendReadAsync(device.Did);
            Assert.Equal(P0Action.ReadReply, read.Action);
            Assert.Equal(2u, read.Sn);

            // The watcher saw no 0x0094 at all: replies go to dev2app/<DID>/<asker> only.
            await seenByController.WaitForAsync<DeviceStatusEvent>(e => e.Sn == 2, "the read reply at the asker");
            Assert.DoesNotContain(seenByWatcher.All.OfType<DeviceStatusEvent>(), e => e.Sn.HasValue);
        }
    }
}
