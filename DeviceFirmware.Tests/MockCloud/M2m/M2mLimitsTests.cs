using System;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using DeviceFirmware.Iot.Transport;
using DeviceFirmware.Protocol.Identity;
using MQTTnet;
using Xunit;
using static DeviceFirmware.Tests.MockCloud.M2m.M2mTestCloud;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>
/// Issue 17: resource limits of the broker. Each test is an attack that worked on main (9a73d88): a CONNECT declaring
/// 256 MB read before authentication, a 100 KB publish relayed to the device, unlimited connections per address and per
/// user, half-sent CONNECTs held 100 s, an AppClientId claimed for ever, control characters in the log.
/// </summary>
public sealed class M2mLimitsTests
{
    [Theory]
    [InlineData(268_435_455)]
    [InlineData(MqttPacketLimits.MaxConnectBytes + 1)]
    public async Task A_connect_declaring_more_than_the_connect_limit_is_closed_before_its_body_is_read(int declared)
    {
        await using M2mTestCloud cloud = await StartAsync();
        using TcpClient attacker = await RawMqtt.OpenAsync(cloud.Endpoint);
        await attacker.GetStream().WriteAsync(RawMqtt.ConnectHeader(declared));

        Assert.True(await RawMqtt.ServerClosesAsync(attacker), "the broker kept reading an oversized CONNECT");
        Assert.True(cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Warning, $"a packet of {declared} bytes declared"), cloud.Log.AllText);

        // The broker is unharmed.
        await using TestClient app = await cloud.AppAsync(A);
    }

    [Fact]
    public async Task An_app_publish_over_the_packet_limit_closes_its_connection_and_is_not_relayed_while_the_largest_frame_is()
    {
        await using M2mTestCloud cloud = await StartAsync();
        await using TestClient device = await cloud.DeviceAsync(D1, Passcode1);
        await device.SubscribeAsync(Topics.DeviceSubscription(D1));
        await using TestClient attacker = await cloud.AppAsync(A);
        await using TestClient honest = await cloud.AppAsync(B);

        // The protocol's largest frame (a 0x0012 at every limit) fits.
        byte[] largest = new byte[MqttPacketLimits.MaxFrameBytes];
        largest[^1] = 1;
        await honest.PublishAsync(Topics.App2Dev(D1, B), largest);
        await device.WaitForAsync(largest, "the largest legal frame");

        byte[] oversized = new byte[MqttPacketLimits.MaxPacketBytes + 1];
        oversized[^1] = 2;
        try
        {
            await attacker.PublishAsync(Topics.App2Dev(D1, A), oversized);
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            // The broker may close the connection while the client is still writing.
        }

        await Eventually.True(() => attacker.WasDisconnected, "the oversized publisher is disconnected");
        byte[] after = Frame();
        await honest.PublishAsync(Topics.App2Dev(D1, B), after);
        await device.WaitForAsync(after, "a normal frame after the attack");
        Assert.False(device.HasReceived(oversized));
    }

    [Fact]
    public async Task Connections_over_the_per_address_limit_are_closed_at_once_and_a_closed_one_frees_its_place()
    {
        await using M2mTestCloud cloud = await StartAsync(o => o.MaxConnectionsPerAddress = 3);
        TcpClient[] held = [await RawMqtt.OpenAsync(cloud.Endpoint), await RawMqtt.OpenAsync(cloud.Endpoint), await RawMqtt.OpenAsync(cloud.Endpoint)];
        try
        {
            Assert.True(await RawMqtt.OpenIsClosedAsync(cloud.Endpoint), "a fourth connection from the same address was kept");
            Assert.True(cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Warning, "more than 3 open"), cloud.Log.AllText);

            held[0].Dispose();
            await Eventually.True(
                () => Connects(cloud, A, Uid1, Token1),
                "an App connects once a place is free");
        }
        finally
        {
            foreach (TcpClient tcp in held) tcp.Dispose();
        }
    }

    [Fact]
    public async Task A_half_sent_connect_is_closed_after_the_connect_timeout()
    {
        await using M2mTestCloud cloud = await StartAsync(o => o.ConnectTimeout = TimeSpan.FromSeconds(1));
        using TcpClient slow = await RawMqtt.OpenAsync(cloud.Endpoint);
        byte[] header = RawMqtt.ConnectHeader(40);
        await slow.GetStream().WriteAsync(header.Concat(new byte[] { 0, 4, (byte)'M' }).ToArray());

        // Main held it for MQTTnet's default of 100 s; the limit here is 1 s, the wait 15 s.
        Assert.True(await RawMqtt.ServerClosesAsync(slow, seconds: 15), "a half-sent CONNECT was held");
    }

    [Fact]
    public async Task A_user_may_hold_only_so_many_app_connections_but_may_replace_its_own()
    {
        await using M2mTestCloud cloud = await StartAsync(o => o.MaxConnectionsPerUser = 2);
        await using TestClient a = await cloud.AppAsync(A);
        await using TestClient b = await cloud.AppAsync(B);

        (MqttClientConnectResultCode third, TestClient? none) = await TestClient.TryConnectAsync(cloud.Endpoint, "usrAppD00000000000000", AppUserName.Build(AppId, Uid1), Token1);
        Assert.Equal(MqttClientConnectResultCode.ServerUnavailable, third);
        Assert.Null(none);

        // Another user is not counted against u1, and u1 may reconnect with a client id it holds.
        await using TestClient c = await cloud.AppAsync(C, Uid2, Token2);
        await using TestClient again = await cloud.AppAsync(A);
    }

    [Fact]
    public async Task An_app_client_id_held_without_clean_session_is_released_when_its_connection_ends()
    {
        await using M2mTestCloud cloud = await StartAsync();
        (MqttClientConnectResultCode first, TestClient? owner) = await TestClient.TryConnectAsync(
            cloud.Endpoint, A, AppUserName.Build(AppId, Uid1), Token1, b => b.WithCleanSession(false));
        Assert.Equal(MqttClientConnectResultCode.Success, first);
        await owner!.Mqtt.DisconnectAsync();
        await owner.DisposeAsync();

        // The broker keeps no session (EnablePersistentSessions is off), so nothing is left to protect.
        await Eventually.True(
            () => Connects(cloud, A, Uid2, Token2),
            "another user may use the client id once nobody holds it");
    }

    [Fact]
    public async Task Control_characters_and_long_fields_from_a_client_are_escaped_and_cut_in_the_log()
    {
        await using M2mTestCloud cloud = await StartAsync();
        string clientId = "usr\r\nM2M connect accepted: forged\u001b[31m\u0007";
        string userName = new string('x', 900) + "\r";
        (MqttClientConnectResultCode code, _) = await TestClient.TryConnectAsync(cloud.Endpoint, clientId, userName, "pw");
        Assert.NotEqual(MqttClientConnectResultCode.Success, code);

        await Eventually.True(() => cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Warning, "connect refused"), "the refusal is logged");
        foreach ((_, string text) in cloud.Log.Entries)
        {
            Assert.DoesNotContain(text, c => c is '\r' or '\n' or '\u001b' or '\u0007');
            Assert.True(text.Length < 800, $"a log line of {text.Length} characters");
        }

        Assert.True(cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Warning, "usr\\x0d\\x0aM2M connect accepted: forged\\x1b[31m\\x07"), cloud.Log.AllText);
        Assert.True(cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Warning, "(901 chars)"), cloud.Log.AllText);
    }

    // True when the App connects (it is disconnected again at once); false when refused or reset.
    private static bool Connects(M2mTestCloud cloud, string clientId, string uid, string token)
    {
        try
        {
            TestClient? client = TestClient.TryConnectAsync(cloud.Endpoint, clientId, AppUserName.Build(AppId, uid), token).GetAwaiter().GetResult().Client;
            client?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return client != null;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or SocketException or System.IO.IOException)
        {
            return false;
        }
    }
}
