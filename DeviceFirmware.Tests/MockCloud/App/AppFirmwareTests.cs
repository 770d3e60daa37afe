using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.MockCloud.M2m;
using DeviceFirmware.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.MockCloud.App;

/// <summary>The whole loop: the real firmware process on the simulated board, the in-process mock cloud, two Apps.</summary>
public sealed class AppFirmwareTests
{
    private readonly ITestOutputHelper output;

    public AppFirmwareTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public async Task Relay_write_from_one_app_is_answered_by_sn_broadcast_to_the_other_and_drives_the_pin()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("a0b1c2d3e4f5", "PASSCODEAB");
        (GServiceClient alice, AppSession aliceSession) = await cloud.UserAsync("alice", did);
        (GServiceClient bob, AppSession bobSession) = await cloud.UserAsync("bob", did);
        using GServiceClient a = alice, b = bob;
        Product product = AppTestCloud.GoKit;
        int relayPin = RelayPin();
        int simPort = FreePort.Next();

        await using AppClient watcher = await cloud.AppAsync(bobSession, did);
        await using var watched = new AppEventLog(watcher);
        using ChildProcess firmware = ChildProcess.Start("firmware", "dotnet", new[]
        {
            RepoPaths.FirmwareDll, "--board", "simulated", "--did", did, "--passcode", "PASSCODEAB",
            "--m2m", "127.0.0.1:" + cloud.M2mPort.ToString(CultureInfo.InvariantCulture), "--product", RepoPaths.Product("gokit"),
            "--sim-control", "127.0.0.1:" + simPort.ToString(CultureInfo.InvariantCulture),
        });
        try
        {
            await watched.WaitForAsync<DeviceOnlineEvent>(e => e.Did == did && e.Online, "0x0092 online when the firmware connects");
            Assert.True((await a.ListBindingsAsync()).Single().IsOnline);
            using var sim = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{simPort}/") };
            Assert.False(await PinLevel(sim, relayPin), "relay starts at its safe level");

            await using AppClient controller = await cloud.AppAsync(aliceSession, did);
            var values = new DataPointValues(product);
            var flagged = new bool[product.Points.Length];
            int relay = product.Find("Relay").Id;
            values.Set(relay, 1);
            flagged[relay] = true;
            DeviceStatusEvent reply = await controller.SendWriteWithReplyAsync(did, values, flagged);
            Assert.Equal(GizwitsCommand.BusinessWithSnAck, reply.Command);
            Assert.Equal(1u, reply.Sn);
            Assert.False(reply.IsBroadcast);
            Assert.Equal(true, reply.Values["Relay"]);

            DeviceStatusEvent broadcast = await watched.WaitForAsync<DeviceStatusEvent>(e => e.IsBroadcast && e.Values.TryGetValue("Relay", out object? on) && (bool)on, "the status broadcast at the second App");
            Assert.Equal(GizwitsCommand.BusinessReply, broadcast.Command);
            await WaitForPin(sim, relayPin, true);

            DeviceStatusEvent read = await controller.SendReadAsync(did);
            Assert.Equal(2u, read.Sn);
            Assert.Equal(P0Action.ReadReply, read.Action);
            Assert.Equal(true, read.Values["Relay"]);

            await controller.SendSettingsAsync(did, DeviceFirmware.Protocol.LogLevel.Info, true);
        }
        finally
        {
            output.WriteLine(firmware.Tail(60));
        }

        firmware.Dispose();
        await watched.WaitForAsync<DeviceOnlineEvent>(e => e.Did == did && !e.Online, "0x0092 offline when the firmware dies");
    }

    internal static int RelayPin()
    {
        using JsonDocument board = JsonDocument.Parse(File.ReadAllText(RepoPaths.Board("simulated")));
        return board.RootElement.GetProperty("outputs").EnumerateArray().First(o => o.GetProperty("point").GetString() == "Relay").GetProperty("pin").GetInt32();
    }

    internal static async Task<bool> PinLevel(HttpClient sim, int pin)
    {
        using JsonDocument json = JsonDocument.Parse(await sim.GetStringAsync($"pins/{pin}"));
        return json.RootElement.GetProperty("level").GetBoolean();
    }

    internal static async Task WaitForPin(HttpClient sim, int pin, bool level)
    {
        bool last = !level;
        await Eventually.True(() => (last = PinLevel(sim, pin).GetAwaiter().GetResult()) == level, $"pin {pin} to read {level}");
    }
}
