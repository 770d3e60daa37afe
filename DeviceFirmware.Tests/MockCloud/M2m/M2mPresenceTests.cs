using System;
using System.Buffers;
using System.Text;
using System.Threading.Tasks;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using MQTTnet;
using Xunit;
using static DeviceFirmware.Tests.MockCloud.M2m.M2mTestCloud;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>0x0092 on dev2app/&lt;DID&gt; when a device connects and when it goes, however it goes (docs/protocol.md §3, §8).</summary>
public sealed class M2mPresenceTests
{
    private static bool IsPresence(MqttApplicationMessage message, bool online)
    {
        if (message.Topic != Topics.Dev2App(D1)) return false;
        byte[] payload = message.Payload.ToArray();
        var reader = new FrameReader();
        return reader.Decode(payload, 0, payload.Length) == FrameError.None
            && reader.Command == GizwitsCommand.DeviceOnline && reader.Online == online
            && Encoding.UTF8.GetString(payload, reader.PasscodeOffset, reader.PasscodeLength) == Passcode1
            && reader.ProtocolVersion == FrameLimits.ProtocolVersion;
    }

    private static async Task<TestClient> WatcherAsync(M2mTestCloud cloud, int keepAliveSeconds = 120)
    {
        var (_, client) = await TestClient.TryConnectAsync(
            cloud.Endpoint, A, AppUserName.Build(AppId, Uid1), Token1, b => b.WithKeepAlivePeriod(TimeSpan.FromSeconds(keepAliveSeconds)));
        TestClient app = client ?? throw new InvalidOperationException("the watching App was refused");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await app.SubscribeAsync(Topics.Dev2App(D1)));
        return app;
    }

    [Fact]
    public async Task Device_connecting_sends_0x0092_online_and_a_clean_disconnect_sends_offline()
    {
        await using M2mTestCloud cloud = await StartAsync(o => o.DeviceMac = did => did == D1 ? "a0b1c2d3e4f5" : null);
        await using TestClient app = await WatcherAsync(cloud);
        Assert.False(cloud.Broker.IsOnline(D1));

        TestClient device = await cloud.DeviceAsync(D1, Passcode1);
        MqttApplicationMessage online = await app.WaitForAsync(m => IsPresence(m, true), "0x0092 online");
        Assert.True(cloud.Broker.IsOnline(D1));
        byte[] payload = online.Payload.ToArray();
        var reader = new FrameReader();
        reader.Decode(payload, 0, payload.Length);
        Assert.Equal("a0b1c2d3e4f5", Encoding.UTF8.GetString(payload, reader.MacOffset, reader.MacLength));

        await device.DisposeAsync();
        await app.WaitForAsync(m => IsPresence(m, false), "0x0092 offline after DISCONNECT");
        Assert.False(cloud.Broker.IsOnline(D1));
    }

    [Fact]
    public async Task Device_whose_socket_is_reset_without_DISCONNECT_is_announced_offline()
    {
        await using M2mTestCloud cloud = await StartAsync();
        await using TestClient app = await WatcherAsync(cloud);
        using RawMqttDevice device = await RawMqttDevice.ConnectAsync(cloud.Endpoint, D1, D1, Passcode1, 120);
        await app.WaitForAsync(m => IsPresence(m, true), "0x0092 online");

        device.Abort();
        await app.WaitForAsync(m => IsPresence(m, false), "0x0092 offline after a reset");
        Assert.False(cloud.Broker.IsOnline(D1));
    }

    [Fact]
    public async Task Silent_device_with_an_over_long_keep_alive_is_dropped_after_the_clamped_keep_alive()
    {
        // The clamp is 3 s here instead of 600 s: a device asking 1000 s that then says nothing must be
        // dropped as dead (after 1.5 × 3 s), which it would not be for 25 minutes without the clamp.
        // The watching App pings every second (3.5 s of slack before it would be dropped too).
        await using M2mTestCloud cloud = await StartAsync(o => o.MaxKeepAlive = TimeSpan.FromSeconds(3));
        await using TestClient app = await WatcherAsync(cloud, keepAliveSeconds: 1);
        using RawMqttDevice device = await RawMqttDevice.ConnectAsync(cloud.Endpoint, D1, D1, Passcode1, 1000);
        await app.WaitForAsync(m => IsPresence(m, true), "0x0092 online");

        await app.WaitForAsync(m => IsPresence(m, false), "0x0092 offline for a dead connection", TimeSpan.FromSeconds(30));
        Assert.False(app.WasDisconnected, "the pinging watcher was dropped too: " + cloud.Log.AllText);
        Assert.True(await device.WasClosedByServerAsync(), "the broker closed the silent connection");
        Assert.True(cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Information, "asked 1000 s, treated as 3 s"), cloud.Log.AllText);
    }

    [Fact]
    public async Task Keep_alive_above_600_s_is_treated_as_600_s_and_at_most_600_is_kept()
    {
        await using M2mTestCloud cloud = await StartAsync();
        using RawMqttDevice over = await RawMqttDevice.ConnectAsync(cloud.Endpoint, D1, D1, Passcode1, 601);
        using RawMqttDevice within = await RawMqttDevice.ConnectAsync(cloud.Endpoint, D2, D2, Passcode2, 600);
        Assert.True(cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Information, $"keep-alive of {D1} asked 601 s, treated as 600 s"), cloud.Log.AllText);
        Assert.False(cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Information, $"keep-alive of {D2}"), cloud.Log.AllText);
    }

    [Fact]
    public async Task Stopping_the_broker_with_clients_connected_logs_no_error_and_leaves_no_device_online()
    {
        M2mTestCloud cloud = await StartAsync();
        await using TestClient app = await WatcherAsync(cloud);
        await using TestClient device = await cloud.DeviceAsync(D1, Passcode1);
        await app.WaitForAsync(m => IsPresence(m, true), "0x0092 online");
        await cloud.DisposeAsync();
        Assert.False(cloud.Broker.IsOnline(D1));
        Assert.Null(cloud.Broker.MqttEndpoint);
        await Eventually.True(() => !device.Mqtt.IsConnected && !app.Mqtt.IsConnected, "the clients to see the broker gone");
        Assert.DoesNotContain(cloud.Log.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task Device_reconnecting_over_its_old_session_stays_online()
    {
        await using M2mTestCloud cloud = await StartAsync();
        await using TestClient app = await WatcherAsync(cloud);
        await using TestClient first = await cloud.DeviceAsync(D1, Passcode1);
        await app.WaitForAsync(m => IsPresence(m, true), "0x0092 online");
        await using TestClient second = await cloud.DeviceAsync(D1, Passcode1);
        await Eventually.True(() => Array.FindAll(app.Received, m => IsPresence(m, true)).Length == 2, "a second 0x0092 online for the new session");
        await Eventually.True(() => !first.Mqtt.IsConnected, "the old session to be closed");
        Assert.True(cloud.Broker.IsOnline(D1));
        Assert.DoesNotContain(app.Received, m => IsPresence(m, false));
    }
}
