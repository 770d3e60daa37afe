using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Iot.Transport;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Tests.MockCloud.M2m;
using DeviceFirmware.Tests.Support;
using MQTTnet;
using MQTTnet.Server;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Firmware.Iot.Transport
{
    /// <summary>
    /// Issue 17, finding 3, the firmware's side: on main a 100 MB publish relayed by the broker took the firmware from 90 MB
    /// to 392 MB, because MQTTnet's client reads any packet whole. Here a plain MQTTnet broker (standing for a hostile or
    /// compromised one, with no limit of its own) delivers a 64 MB app2dev message to the real firmware process: its peak
    /// resident memory may grow by at most <see cref="BoundBytes"/> (the guard closes the connection at the PUBLISH's
    /// fixed header), it reconnects, and it answers a 0x0093 read afterwards.
    /// </summary>
    public sealed class OversizedPublishTests
    {
        private const long BoundBytes = 32L * 1024 * 1024;
        private const int AttackBytes = 64 * 1024 * 1024;
        private const string Did = "didOversizedAAAAAAAAAA";
        private const string Passcode = "PASSCODEAB";
        private const string App = "usrApp1";

        private readonly ITestOutputHelper output;

        public OversizedPublishTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task A_64_MB_publish_leaves_the_firmwares_memory_bounded_and_it_answers_afterwards()
        {
            if (!ProcessMemory.Available) return;
            Assert.True(AttackBytes > MqttPacketLimits.MaxPacketBytes);
            await using TestBroker broker = await TestBroker.StartAsync(Did, Passcode);
            var subscribed = new ConcurrentQueue<string>();
            broker.Server.ClientSubscribedTopicAsync += e =>
            {
                if (e.ClientId == Did) subscribed.Enqueue(e.TopicFilter.Topic);
                return Task.CompletedTask;
            };

            using ChildProcess firmware = ChildProcess.Start("firmware", "dotnet", new[]
            {
                RepoPaths.FirmwareDll, "--board", "simulated", "--did", Did, "--passcode", Passcode,
                "--m2m", "127.0.0.1:" + broker.Port.ToString(CultureInfo.InvariantCulture), "--product", RepoPaths.Product("gokit"),
            });
            try
            {
                await Eventually.True(() => !subscribed.IsEmpty, "the firmware connects and subscribes", TimeSpan.FromSeconds(30));
                long before = ProcessMemory.ResidentBytes(firmware.Pid);

                MqttApplicationMessage attack = new MqttApplicationMessageBuilder().WithTopic(Topics.App2Dev(Did, "usrEvil")).WithPayload(new byte[AttackBytes]).Build();
                await broker.Server.InjectApplicationMessage(new InjectedMqttApplicationMessage(attack) { SenderClientId = "usrEvil" }, CancellationToken.None);

                // The guard drops the connection; the firmware reconnects at once (docs/protocol.md §4) and subscribes again.
                await Eventually.True(() => subscribed.Count >= 2, "the firmware reconnects after the oversized publish", TimeSpan.FromSeconds(30));
                long growth = ProcessMemory.PeakResidentBytes(firmware.Pid) - before;
                output.WriteLine($"firmware peak resident growth under a {AttackBytes / (1024 * 1024)} MB publish: {growth / (1024.0 * 1024):F1} MB");
                Assert.True(growth < BoundBytes, $"the firmware's peak resident memory grew by {growth / (1024 * 1024)} MB (bound {BoundBytes / (1024 * 1024)} MB)");

                await using TestClient app = await TestClient.ConnectAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, broker.Port), App, "2$app$uid", "token");
                await app.SubscribeAsync(Topics.Dev2App(Did, App));
                byte[] read = new byte[32];
                Assert.Equal(FrameError.None, FrameWriter.WriteBusinessWithSn(read, 0, GizwitsCommand.BusinessWithSn, 7, [0x02], 0, 1, out int length));
                await app.PublishAsync(Topics.App2Dev(Did, App), read.AsSpan(0, length).ToArray());
                await app.WaitForAsync(m => m.Payload.Length > 10 && m.Payload.ToArray() is [0, 0, 0, 3, _, 0, 0x00, 0x94, ..], "the firmware answers 0x0093 with 0x0094 after the attack");
                Assert.Contains(firmware.Lines, l => l.Contains("Broker sent a packet of", StringComparison.Ordinal) && l.Contains("connection closed", StringComparison.Ordinal));
            }
            finally
            {
                firmware.Terminate();
                firmware.WaitForExit(10);
            }
        }
    }
}
