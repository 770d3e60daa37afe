using System;
using System.Linq;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>HIL: a connection that silently stops carrying anything (no FIN, no RST) is found dead by the heartbeat.</summary>
    [Collection(HilCollection.Name)]
    public class HalfOpenScenarioTests
    {
        private readonly ITestOutputHelper output;

        public HalfOpenScenarioTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task A_half_open_connection_is_dropped_after_two_missed_PINGRESPs_and_the_firmware_reconnects()
        {
            await using HilWorld world = HilWorld.Start(output);
            await using var proxy = new BlackholeProxy(world.Cloud.MqttPort);

            // --m2m wins over the address GService provisions, so the firmware's MQTT goes through the proxy. Pings every
            // 3.1 s (the fastest that stays within 60 PINGREQ in any 180 s): two missed PINGRESPs take about 9 s, not 3 minutes.
            HilFirmware device = world.StartFirmware("firmware", "--m2m", $"127.0.0.1:{proxy.Port}", "--ping-interval-ms", "3100");
            AppClient app = await world.AppAsync(await world.UserAsync("alice", device), null, device);
            int relay = HilCommands.OutputPin("Relay");
            await app.WriteAsync(device, ("Relay", 1));
            await device.Sim.WaitForLevelAsync(relay, true, "relay high through the proxy");
            Assert.Equal(1, proxy.Accepted);

            int mark = device.Process.Lines.Count;
            proxy.Blackhole();

            string drop = device.Process.WaitForLine(l => l.Contains("PINGRESPs missed in a row", StringComparison.Ordinal), 30, mark);
            Assert.Contains("2 PINGRESPs missed", drop, StringComparison.Ordinal);

            // Nothing closed the TCP connection: the firmware found it dead by itself, not by a "lost" notice.
            string[] beforeDrop = device.Process.Lines.Skip(mark).TakeWhile(l => l != drop).ToArray();
            Assert.DoesNotContain(beforeDrop, l => l.Contains("lost", StringComparison.Ordinal));

            // It reconnects over a new connection (which the proxy relays normally), and the relay followed its "safe" policy.
            int dropAt = device.Process.Lines.ToList().IndexOf(drop);
            device.Process.WaitForLine(l => l.Contains("Connected to", StringComparison.Ordinal), 30, dropAt);
            Assert.True(proxy.Accepted >= 2, "the firmware opened a new connection");
            Assert.False(await device.Sim.LevelAsync(relay), "the relay (policy safe) went low when the connection was dropped");

            // An App command is answered afterwards.
            DeviceStatusEvent status = await app.WriteAsync(device, ("Relay", 1));
            Assert.Equal(true, status.Values["Relay"]);
            await device.Sim.WaitForLevelAsync(relay, true, "relay high when commanded after the reconnect");
        }
    }
}
