using System;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using Xunit;
using static DeviceFirmware.Tests.MockCloud.M2m.M2mTestCloud;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>The PINGREQ rate limit (docs/protocol.md §4) and retained app2dev (docs/protocol.md §8) with real clients.</summary>
public sealed class M2mPingAndRetainTests
{
    private static readonly Action<DeviceFirmware.MockCloud.M2m.M2mOptions> FivePingsPerTenMinutes = o =>
    {
        o.MaxPingsPerWindow = 5;
        o.PingWindow = TimeSpan.FromMinutes(10);
    };

    [Fact]
    public async Task More_PINGREQs_than_allowed_in_the_window_disconnect_the_client()
    {
        await using M2mTestCloud cloud = await StartAsync(FivePingsPerTenMinutes);
        await using TestClient app = await cloud.AppAsync(A);
        for (int i = 0; i < 20 && app.Mqtt.IsConnected; i++)
        {
            try
            {
                using var timeout = new CancellationTokenSource(Eventually.Timeout);
                await app.Mqtt.PingAsync(timeout.Token);
            }
            catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
            {
                break;
            }
        }

        await Eventually.True(() => app.WasDisconnected, "the flooding client to be disconnected");
        Assert.True(cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Warning, $"disconnecting {A}: more than 5 PINGREQ"), cloud.Log.AllText);
    }

    [Fact]
    public async Task PINGREQs_up_to_the_limit_keep_the_client_connected()
    {
        await using M2mTestCloud cloud = await StartAsync(FivePingsPerTenMinutes);
        await using TestClient app = await cloud.AppAsync(A);
        for (int i = 0; i < 5; i++) await app.Mqtt.PingAsync(CancellationToken.None);

        // A round trip after the pings proves the session is still served.
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await app.SubscribeAsync($"ser2cli_res/{A}"));
        Assert.True(app.Mqtt.IsConnected);
        Assert.False(app.WasDisconnected);
    }

    [Fact]
    public async Task Retained_app2dev_is_never_handed_to_a_later_subscriber()
    {
        await using M2mTestCloud cloud = await StartAsync();
        await using TestClient app = await cloud.AppAsync(A);
        byte[] retained = Frame();
        await app.PublishAsync($"app2dev/{D1}/{A}", retained, retain: true);

        await using TestClient device = await cloud.DeviceAsync(D1, Passcode1);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeAsync($"app2dev/{D1}/#"));
        byte[] marker = Frame();
        await app.PublishAsync($"app2dev/{D1}/{A}", marker);
        await device.WaitForAsync(marker, "the marker");
        Assert.False(device.HasReceived(retained), "a retained app2dev frame was replayed to a device subscribing later");
        Assert.True(cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Warning, "retained flag"), cloud.Log.AllText);
    }

    [Fact]
    public async Task Retained_dev2app_from_a_device_is_relayed_but_never_handed_to_a_later_subscriber()
    {
        await using M2mTestCloud cloud = await StartAsync();
        await using TestClient device = await cloud.DeviceAsync(D1, Passcode1);
        await using TestClient early = await cloud.AppAsync(A);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await early.SubscribeAsync($"dev2app/{D1}"));
        byte[] retained = Frame();
        await device.PublishAsync($"dev2app/{D1}", retained, retain: true);
        await early.WaitForAsync(retained, "the retained-flagged status, relayed now");

        await using TestClient late = await cloud.AppAsync(B);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await late.SubscribeAsync($"dev2app/{D1}"));
        byte[] marker = Frame();
        await device.PublishAsync($"dev2app/{D1}", marker);
        await late.WaitForAsync(marker, "the marker");
        Assert.False(late.HasReceived(retained), "a retained dev2app frame was replayed to an App subscribing later");
    }

    [Fact]
    public async Task Retained_app2dev_is_still_relayed_once_to_a_subscribed_device()
    {
        await using M2mTestCloud cloud = await StartAsync();
        await using TestClient app = await cloud.AppAsync(A);
        await using TestClient device = await cloud.DeviceAsync(D1, Passcode1);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeAsync($"app2dev/{D1}/#"));
        byte[] frame = Frame();
        await app.PublishAsync($"app2dev/{D1}/{A}", frame, retain: true);
        MqttApplicationMessage received = await device.WaitForAsync(frame, "the frame published with retain");
        Assert.False(received.Retain);
    }
}
