using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Tests.MockCloud.App;
using DeviceFirmware.Tests.MockCloud.M2m;
using MQTTnet;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>HIL: Apps that must not reach a device do not (docs/protocol.md §8), and the pins prove it.</summary>
    [Collection(HilCollection.Name)]
    public class AccessScenarioTests
    {
        private readonly ITestOutputHelper output;

        public AccessScenarioTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task An_unbound_App_can_neither_watch_nor_command_the_device()
        {
            await using HilWorld world = HilWorld.Start(output);
            HilFirmware device = world.StartFirmware();
            AppClient owner = await world.AppAsync(await world.UserAsync("alice", device), null, device);
            AppSession mallory = await world.UserAsync("mallory");
            int relay = HilCommands.OutputPin("Relay");

            // A valid user, not bound: M2M refuses the device's topics...
            await Assert.ThrowsAsync<DeviceNotBoundException>(() => world.AppAsync(mallory, null, device));

            // ...and drops its commands (QoS 0: the publish itself "succeeds"; the broker logs the refusal).
            AppClient intruder = await world.AppAsync(mallory);
            await intruder.SendBusinessAsync(device.Did, HilCommands.WriteP0(("Relay", 1)));
            world.Cloud.Process.WaitForLine(l => l.Contains($"M2M publish dropped: {intruder.ClientId} on app2dev/{device.Did}/{intruder.ClientId}", StringComparison.Ordinal) && l.Contains("is not bound", StringComparison.Ordinal));

            // The owner's read, sent after the refusal, finds the relay off, and the pin never rose.
            DeviceStatusEvent status = await owner.SendReadAsync(device.Did);
            Assert.Equal(false, status.Values["Relay"]);
            Assert.DoesNotContain(true, await device.Sim.HistoryAsync(relay));
            Assert.DoesNotContain(device.Process.Lines, l => l.Contains(intruder.ClientId, StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task An_App_using_another_users_AppClientId_is_refused_and_the_owner_keeps_its_session(bool cleanSession)
        {
            await using HilWorld world = HilWorld.Start(output);
            HilFirmware device = world.StartFirmware();
            AppClient owner = await world.AppAsync(await world.UserAsync("alice", device), null, device);
            await using var seen = new AppEventLog(owner);
            AppSession mallory = await world.UserAsync("mallory");
            int relay = HilCommands.OutputPin("Relay");

            // Mallory has a valid token and knows Alice's AppClientId. Were she let in, MQTTnet would hand her Alice's
            // session: with clean session 0 Alice's subscriptions (the device's broadcasts and Alice's replies) come with it,
            // and either way Alice is thrown off. M2M refuses the id to any other user while Alice holds it.
            var broker = new IPEndPoint(IPAddress.Loopback, world.Cloud.MqttPort);
            (MQTTnet.MqttClientConnectResultCode code, TestClient? spoof) = await TestClient.TryConnectAsync(
                broker, owner.ClientId, $"2${HilWorld.AppId}${mallory.Uid}", mallory.Token, b => b.WithCleanSession(cleanSession));
            if (spoof != null) await spoof.DisposeAsync();
            Assert.Equal(MQTTnet.MqttClientConnectResultCode.ClientIdentifierNotValid, code);
            world.Cloud.Process.WaitForLine(l => l.Contains($"M2M connect refused: client id {owner.ClientId}", StringComparison.Ordinal) && l.Contains("held by another user's App", StringComparison.Ordinal));

            // Alice was never disconnected: her next command is answered on her first connection, and the button's
            // broadcast still reaches her.
            DeviceStatusEvent status = await owner.WriteAsync(device, ("Relay", 1));
            Assert.Equal(true, status.Values["Relay"]);
            await device.Sim.PressAsync(HilCommands.InputPin("Button"));
            DeviceStatusEvent pressed = await seen.WaitForAsync<DeviceStatusEvent>(e => e.IsBroadcast && Equals(e.Values["Button"], true), "the button's broadcast at the owner");
            Assert.Equal(1, owner.Connections);
            Assert.DoesNotContain(seen.Before(pressed).OfType<SessionChangedEvent>(), e => !e.Connected);

            // The pins moved only for the owner's command: one rise.
            Assert.Equal(1, (await device.Sim.HistoryAsync(relay)).Count(level => level));
        }
    }
}
