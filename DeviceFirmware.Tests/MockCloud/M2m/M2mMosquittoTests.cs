using System;
using System.Buffers;
using System.IO;
using System.Threading.Tasks;
using DeviceFirmware.Protocol.Identity;
using MQTTnet;
using Xunit;
using Xunit.Abstractions;
using static DeviceFirmware.Tests.MockCloud.M2m.M2mTestCloud;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>
/// Issue 5 item 10: mosquitto_pub / mosquitto_sub as independent clients against the broker. Without the
/// mosquitto-clients package each test writes "SKIPPED" to its output and returns (xunit 2 has no dynamic skip).
/// </summary>
public sealed class M2mMosquittoTests(ITestOutputHelper output) : IDisposable
{
    private readonly string payloadPath = Path.Combine(Path.GetTempPath(), $"m2m-{Guid.NewGuid():N}.bin");

    private bool SkippedWithoutMosquittoClients()
    {
        if (MosquittoClient.IsInstalled("mosquitto_sub") && MosquittoClient.IsInstalled("mosquitto_pub")) return false;
        output.WriteLine("SKIPPED: mosquitto_sub/mosquitto_pub not installed (apt-get install mosquitto-clients)");
        return true;
    }

    private static string[] Connection(M2mTestCloud cloud, string clientId, string userName, string password) =>
        ["-h", "127.0.0.1", "-p", cloud.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-V", "mqttv311",
         "-i", clientId, "-u", userName, "-P", password];

    [Fact]
    public async Task Mosquitto_sub_as_a_bound_App_receives_the_device_broadcast_or_skips_without_mosquitto_clients()
    {
        if (SkippedWithoutMosquittoClients()) return;
        await using M2mTestCloud cloud = await StartAsync();
        await using TestClient device = await cloud.DeviceAsync(D1, Passcode1);
        using MosquittoClient sub = MosquittoClient.Start("mosquitto_sub",
            [.. Connection(cloud, A, AppUserName.Build(AppId, Uid1), Token1), "-t", $"dev2app/{D1}", "-q", "1", "-C", "1", "-W", "20", "-F", "%x", "-d"]);
        // mosquitto_sub's output is block-buffered into a pipe, so its SUBACK line cannot be waited for: the device
        // repeats the same frame until mosquitto_sub has received one (-C 1) and exited.
        byte[] frame = Frame();
        await Eventually.True(() =>
        {
            device.PublishAsync($"dev2app/{D1}", frame).GetAwaiter().GetResult();
            return sub.HasExited;
        }, "mosquitto_sub to receive one message and exit");
        await sub.WaitForExitAsync();
        Assert.Contains(Convert.ToHexString(frame).ToLowerInvariant(), sub.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mosquitto_sub_to_an_unbound_DID_gets_a_failure_SUBACK_or_skips_without_mosquitto_clients()
    {
        if (SkippedWithoutMosquittoClients()) return;
        await using M2mTestCloud cloud = await StartAsync();
        using MosquittoClient sub = MosquittoClient.Start("mosquitto_sub",
            [.. Connection(cloud, A, AppUserName.Build(AppId, Uid1), Token1), "-t", $"dev2app/{D2}", "-q", "1", "-E", "-W", "20", "-d"]);
        await sub.WaitForExitAsync();
        output.WriteLine(sub.Output);
        Assert.Contains("Subscribed (mid: 1): 128", sub.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mosquitto_pub_with_a_bad_token_is_refused_or_skips_without_mosquitto_clients()
    {
        if (SkippedWithoutMosquittoClients()) return;
        await using M2mTestCloud cloud = await StartAsync();
        using MosquittoClient pub = MosquittoClient.Start("mosquitto_pub",
            [.. Connection(cloud, A, AppUserName.Build(AppId, Uid1), "wrong"), "-t", $"app2dev/{D1}/{A}", "-m", "x"]);
        await pub.WaitForExitAsync();
        output.WriteLine(pub.Output);
        Assert.NotEqual(0, pub.ExitCode);
        Assert.Contains("bad user name or password", pub.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Mosquitto_pub_as_an_App_reaches_its_bound_device_only_or_skips_without_mosquitto_clients()
    {
        if (SkippedWithoutMosquittoClients()) return;
        await using AclWorld world = await AclWorld.StartAsync(subscribeAll: true);
        string[] app = Connection(world.Cloud, "usrMosquitto", AppUserName.Build(AppId, Uid1), Token1);

        byte[] forbidden = Frame();
        await File.WriteAllBytesAsync(payloadPath, forbidden);
        using (MosquittoClient pub = MosquittoClient.Start("mosquitto_pub", [.. app, "-t", $"app2dev/{D2}/usrMosquitto", "-q", "1", "-f", payloadPath]))
        {
            // QoS 1: mosquitto_pub exits after the PUBACK, which the broker sends after dispatching.
            await pub.WaitForExitAsync();
            Assert.Equal(0, pub.ExitCode);
        }

        await world.SendMarkerToAsync("D2");
        Assert.False(world["D2"].HasReceived(forbidden), "an unbound App's mosquitto_pub reached D2");

        byte[] allowed = Frame();
        await File.WriteAllBytesAsync(payloadPath, allowed);
        using (MosquittoClient pub = MosquittoClient.Start("mosquitto_pub", [.. app, "-t", $"app2dev/{D1}/usrMosquitto", "-q", "1", "-f", payloadPath]))
        {
            await pub.WaitForExitAsync();
        }

        MqttApplicationMessage received = await world["D1"].WaitForAsync(allowed, "the frame from mosquitto_pub");
        Assert.Equal($"app2dev/{D1}/usrMosquitto", received.Topic);
    }

    [Fact]
    public async Task Mosquitto_pub_as_a_device_broadcasts_to_bound_Apps_or_skips_without_mosquitto_clients()
    {
        if (SkippedWithoutMosquittoClients()) return;
        await using M2mTestCloud cloud = await StartAsync();
        await using TestClient app = await cloud.AppAsync(A);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await app.SubscribeAsync($"dev2app/{D1}"));
        byte[] frame = Frame();
        await File.WriteAllBytesAsync(payloadPath, frame);
        using (MosquittoClient pub = MosquittoClient.Start("mosquitto_pub", [.. Connection(cloud, D1, D1, Passcode1), "-t", $"dev2app/{D1}", "-q", "1", "-f", payloadPath]))
        {
            await pub.WaitForExitAsync();
            Assert.Equal(0, pub.ExitCode);
        }

        await app.WaitForAsync(frame, "the device frame from mosquitto_pub");
    }

    [Fact]
    public async Task Killed_mosquitto_sub_device_is_announced_offline_or_skips_without_mosquitto_clients()
    {
        if (SkippedWithoutMosquittoClients()) return;
        await using M2mTestCloud cloud = await StartAsync();
        await using TestClient app = await cloud.AppAsync(A);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await app.SubscribeAsync($"dev2app/{D1}"));
        using MosquittoClient device = MosquittoClient.Start("mosquitto_sub", [.. Connection(cloud, D1, D1, Passcode1), "-t", $"app2dev/{D1}/#"]);
        await Eventually.True(() => cloud.Broker.IsOnline(D1), "the mosquitto_sub device to be online");

        device.Kill();
        await app.WaitForAsync(m => m.Topic == $"dev2app/{D1}" && IsOffline(m.Payload.ToArray()), "0x0092 offline for the killed device");
        Assert.False(cloud.Broker.IsOnline(D1));
    }

    private static bool IsOffline(byte[] payload)
    {
        var reader = new DeviceFirmware.Protocol.Frames.FrameReader();
        return reader.Decode(payload, 0, payload.Length) == DeviceFirmware.Protocol.Frames.FrameError.None
            && reader.Command == DeviceFirmware.Protocol.Frames.GizwitsCommand.DeviceOnline && !reader.Online;
    }

    public void Dispose() => File.Delete(payloadPath);
}
