using System.Threading.Tasks;
using MQTTnet;
using Xunit;
using static DeviceFirmware.Tests.MockCloud.M2m.M2mTestCloud;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>
/// The ACL matrix of docs/protocol.md §8 with real clients: App bound/unbound × own/other client id × each topic kind ×
/// subscribe/publish, and device own/other DID. A (u1) is bound to D1, not D2; B is another App of u1; C is u2's (bound to D2).
/// Forbidden publishes are published at QoS 1 (its PUBACK follows the broker's dispatch), then a marker is sent to the
/// observer along an allowed path: the forbidden frame must not have arrived before the marker.
/// </summary>
public sealed class M2mAclTests
{
    [Theory]
    // App, own client id, bound DID: the three allowed topics.
    [InlineData("A", "ser2cli_res/{A}", true, null, null)]
    [InlineData("A", "dev2app/{D1}", true, "D1", "dev2app/{D1}")]
    [InlineData("A", "dev2app/{D1}/{A}", true, "D1", "dev2app/{D1}/{A}")]
    // App: another App's client id, an unbound DID, or both.
    [InlineData("A", "ser2cli_res/{B}", false, null, null)]
    [InlineData("A", "dev2app/{D1}/{B}", false, "D1", "dev2app/{D1}/{B}")]
    [InlineData("A", "dev2app/{D2}", false, "D2", "dev2app/{D2}")]
    [InlineData("A", "dev2app/{D2}/{A}", false, "D2", "dev2app/{D2}/{A}")]
    [InlineData("A", "dev2app/{D2}/{C}", false, "D2", "dev2app/{D2}/{C}")]
    // App: the device's topic, and wildcards (even over a bound DID).
    [InlineData("A", "app2dev/{D1}/{A}", false, "A", "app2dev/{D1}/{A}")]
    [InlineData("A", "app2dev/{D1}/#", false, "A", "app2dev/{D1}/{A}")]
    [InlineData("A", "dev2app/{D1}/#", false, "D1", "dev2app/{D1}/{B}")]
    [InlineData("A", "dev2app/{D1}/+", false, "D1", "dev2app/{D1}/{B}")]
    [InlineData("A", "dev2app/+", false, "D1", "dev2app/{D1}")]
    [InlineData("A", "#", false, "D2", "dev2app/{D2}")]
    // The unbound side seen from C (u2): D1 is not C's.
    [InlineData("C", "dev2app/{D1}", false, "D1", "dev2app/{D1}")]
    [InlineData("C", "dev2app/{D1}/{C}", false, "D1", "dev2app/{D1}/{C}")]
    // Device: only app2dev/<own DID>/#.
    [InlineData("D1", "app2dev/{D1}/#", true, "A", "app2dev/{D1}/{A}")]
    [InlineData("D1", "app2dev/{D2}/#", false, "C", "app2dev/{D2}/{C}")]
    [InlineData("D1", "app2dev/{D1}/{A}", false, null, null)]
    [InlineData("D1", "dev2app/{D1}", false, "D1", "dev2app/{D1}")]
    [InlineData("D1", "dev2app/{D2}", false, "D2", "dev2app/{D2}")]
    [InlineData("D1", "ser2cli_res/{A}", false, null, null)]
    [InlineData("D1", "#", false, "D2", "dev2app/{D2}")]
    public async Task Subscribe_acl(string subscriber, string filter, bool allowed, string? publisher, string? topic)
    {
        await using AclWorld world = await AclWorld.StartAsync(subscribeAll: false);
        MqttClientSubscribeResultCode code = await world[subscriber].SubscribeAsync(AclWorld.Expand(filter));
        byte[] frame = Frame();
        if (allowed)
        {
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, code);
            if (publisher == null) return;
            await world[publisher].PublishAsync(AclWorld.Expand(topic!), frame);
            await world[subscriber].WaitForAsync(frame, $"{topic} through the subscription {filter}");
            return;
        }

        Assert.True(code >= MqttClientSubscribeResultCode.UnspecifiedError, $"{subscriber} got {code} for {filter}");
        Assert.True(world.Cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Warning, "subscribe refused"), world.Cloud.Log.AllText);
        if (publisher == null) return;
        await world[publisher].PublishAsync(AclWorld.Expand(topic!), frame);
        await world.SendMarkerToAsync(subscriber);
        Assert.False(world[subscriber].HasReceived(frame), $"{subscriber} received {topic} through a refused subscription {filter}");
    }

    [Theory]
    // App A (bound to D1): only app2dev/<bound DID>/<own client id>.
    [InlineData("A", "app2dev/{D1}/{A}", true, "D1")]
    [InlineData("A", "app2dev/{D1}/{B}", false, "D1")]
    [InlineData("A", "app2dev/{D2}/{A}", false, "D2")]
    [InlineData("A", "app2dev/{D2}/{C}", false, "D2")]
    [InlineData("A", "app2dev/{D1}", false, "D1")]
    [InlineData("A", "app2dev/{D1}/{A}/more", false, "D1")]
    [InlineData("A", "dev2app/{D1}", false, "B")]
    [InlineData("A", "dev2app/{D1}/{B}", false, "B")]
    [InlineData("A", "ser2cli_res/{A}", false, "A")]
    // App C is not bound to D1.
    [InlineData("C", "app2dev/{D1}/{C}", false, "D1")]
    // Device D1: dev2app/<own DID>[/<AppClientId>] only.
    [InlineData("D1", "dev2app/{D1}", true, "A")]
    [InlineData("D1", "dev2app/{D1}", true, "B")]
    [InlineData("D1", "dev2app/{D1}/{A}", true, "A")]
    [InlineData("D1", "dev2app/{D2}", false, "C")]
    [InlineData("D1", "dev2app/{D2}/{C}", false, "C")]
    [InlineData("D1", "app2dev/{D1}/{A}", false, "D1")]
    [InlineData("D1", "app2dev/{D2}/{C}", false, "D2")]
    [InlineData("D1", "ser2cli_res/{A}", false, "A")]
    public async Task Publish_acl(string publisher, string topic, bool allowed, string observer)
    {
        await using AclWorld world = await AclWorld.StartAsync(subscribeAll: true);
        byte[] frame = Frame();
        await world[publisher].PublishAsync(AclWorld.Expand(topic), frame);
        if (allowed)
        {
            await world[observer].WaitForAsync(frame, $"{topic} from {publisher}");
            Assert.True(world.Cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Information, "relay"), world.Cloud.Log.AllText);
            return;
        }

        await world.SendMarkerToAsync(observer);
        Assert.False(world[observer].HasReceived(frame), $"{observer} received a forbidden publish of {publisher} on {topic}");
        Assert.True(world.Cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Warning, "publish dropped"), world.Cloud.Log.AllText);
        Assert.True(world[publisher].Mqtt.IsConnected, "a refused publish drops the message, not the client");
    }

    [Fact]
    public async Task Unbinding_takes_effect_on_the_next_publish()
    {
        await using AclWorld world = await AclWorld.StartAsync(subscribeAll: true);
        world.Cloud.Directory.Unbind(Uid1, D1);
        byte[] frame = Frame();
        await world["A"].PublishAsync(AclWorld.Expand("app2dev/{D1}/{A}"), frame);
        world.Cloud.Directory.Bind(Uid1, D1);
        await world.SendMarkerToAsync("D1");
        Assert.False(world["D1"].HasReceived(frame), "D1 received a publish sent while A was unbound");
    }
}
