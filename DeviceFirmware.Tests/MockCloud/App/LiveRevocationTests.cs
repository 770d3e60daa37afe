using System;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Tests.MockCloud.M2m;
using MQTTnet;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.App;

/// <summary>
/// Issue 17: an unbinding and an expired token take effect at once on connections that are already open. On main an App
/// subscribed to <c>dev2app/&lt;DID&gt;</c> kept receiving the device's traffic after <c>DELETE /app/bindings</c>, and an
/// App whose token had expired kept its connection and subscriptions. Each test uses live MQTT subscribers; a second
/// device bound to the same user is the marker: MQTTnet delivers one client's messages in order, so once the marker has
/// arrived, a message published before it would have too.
/// </summary>
public sealed class LiveRevocationTests
{
    [Fact]
    public async Task Unbinding_ends_the_apps_live_subscription_to_that_device_at_once()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("aa0000000001");
        string marker = cloud.RegisterDevice("aa0000000002");
        (GServiceClient owner, AppSession ownerSession) = await cloud.UserAsync("owner", did, marker);
        (_, AppSession otherSession) = await cloud.UserAsync("other", did);
        await using TestClient device = await TestClient.ConnectAsync(cloud.M2mEndpoint, did, did, "PASSCODEAB");
        await using TestClient markerDevice = await TestClient.ConnectAsync(cloud.M2mEndpoint, marker, marker, "PASSCODEAB");
        await using TestClient ownerApp = await AppAsync(cloud, "usrOwner1", ownerSession, did, marker);
        await using TestClient otherApp = await AppAsync(cloud, "usrOther1", otherSession, did);

        byte[] before = M2mTestCloud.Frame();
        await device.PublishAsync(Topics.Dev2App(did), before);
        await ownerApp.WaitForAsync(before, "the owner receives while bound");

        BindResult unbound = await owner.UnbindAsync(did);
        Assert.Equal([did], unbound.Success);

        byte[] after = M2mTestCloud.Frame();
        await device.PublishAsync(Topics.Dev2App(did), after);
        await otherApp.WaitForAsync(after, "a user still bound receives");
        byte[] mark = M2mTestCloud.Frame();
        await markerDevice.PublishAsync(Topics.Dev2App(marker), mark);
        await ownerApp.WaitForAsync(mark, "the owner's other device still reaches it");

        Assert.False(ownerApp.HasReceived(after), "the unbound App received the device's traffic");
        Assert.False(ownerApp.WasDisconnected);
    }

    [Fact]
    public async Task An_app_whose_token_expires_is_disconnected_and_receives_nothing_more()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("aa0000000003");
        (_, AppSession ownerSession) = await cloud.UserAsync("owner", did);
        await using TestClient device = await TestClient.ConnectAsync(cloud.M2mEndpoint, did, did, "PASSCODEAB");
        await using TestClient ownerApp = await AppAsync(cloud, "usrOwner2", ownerSession, did);

        cloud.Clock.Advance(ownerSession.ExpireAt - cloud.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));

        // A user who logged in after that has a valid token and still receives.
        (_, AppSession laterSession) = await cloud.UserAsync("later", did);
        await using TestClient laterApp = await AppAsync(cloud, "usrLater2", laterSession, did);
        byte[] frame = M2mTestCloud.Frame();
        await device.PublishAsync(Topics.Dev2App(did), frame);
        await laterApp.WaitForAsync(frame, "an App with a valid token receives");

        await Eventually.True(() => ownerApp.WasDisconnected, "the App with the expired token is disconnected");
        Assert.False(ownerApp.HasReceived(frame), "the App with the expired token received the device's traffic");
    }

    private static async Task<TestClient> AppAsync(AppTestCloud cloud, string clientId, AppSession session, params string[] dids)
    {
        TestClient app = await TestClient.ConnectAsync(cloud.M2mEndpoint, clientId, AppUserName.Build(AppTestCloud.AppId, session.Uid), session.Token);
        foreach (string did in dids) Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await app.SubscribeAsync(Topics.Dev2App(did)));
        return app;
    }
}
