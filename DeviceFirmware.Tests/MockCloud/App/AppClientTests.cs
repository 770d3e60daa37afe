using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.MockCloud.M2m;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.App;

/// <summary>
/// <see cref="AppClient"/> against the in-process mock cloud (GService + M2M over one store) and a bare MQTTnet device.
/// </summary>
public sealed class AppClientTests
{
    private static readonly Product GoKit = AppTestCloud.GoKit;

    [Fact]
    public async Task Connects_with_a_random_usr_id_and_subscribes_its_three_topics()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000c1");
        (GServiceClient gservice, AppSession session) = await cloud.UserAsync("u1", did);
        using GServiceClient _ = gservice;
        await using AppClient app = await cloud.AppAsync(session, did);
        await using AppClient second = await cloud.AppAsync(session, did);

        Assert.True(AppClientId.IsValid(app.ClientId));
        Assert.Equal(AppClientId.MaxLength, app.ClientId.Length);
        Assert.NotEqual(app.ClientId, second.ClientId);
        Assert.True(app.IsConnected);
        Assert.Equal(1, app.Connections);
        foreach (string topic in new[] { Topics.Ser2CliRes(app.ClientId), Topics.Dev2App(did), Topics.Dev2App(did, app.ClientId) })
        {
            Assert.True(cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Information, topic), $"the broker logged no subscription to {topic}:\n{cloud.Log.AllText}");
        }

        Assert.DoesNotContain(session.Token, cloud.Log.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_goes_out_as_0x0090_on_the_apps_own_app2dev_topic()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000c2");
        (GServiceClient gservice, AppSession session) = await cloud.UserAsync("u1", did);
        using GServiceClient _ = gservice;
        await using FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);
        await using AppClient app = await cloud.AppAsync(session, did);

        var values = new DataPointValues(GoKit);
        var flagged = new bool[GoKit.Points.Length];
        int relay = GoKit.Find("Relay").Id;
        values.Set(relay, 1);
        flagged[relay] = true;
        await app.SendWriteAsync(did, values, flagged);

        await Eventually.True(() => device.Received.Length > 0, "the device to receive the write");
        (string topic, byte[] payload) = device.Received[0];
        Assert.Equal(Topics.App2Dev(did, app.ClientId), topic);
        var frame = new FrameReader();
        Assert.Equal(FrameError.None, frame.Decode(payload, 0, payload.Length));
        Assert.Equal(GizwitsCommand.Business, frame.Command);
        var message = new P0Message(GoKit);
        Assert.Equal(P0Error.None, message.Decode(payload, frame.BodyOffset, frame.BodyLength));
        Assert.Equal(P0Action.Write, message.Action);
        Assert.True(message.Flagged[relay]);
        Assert.Equal(1, message.FlaggedCount);
        Assert.Equal(1, message.Values.Get(relay));
    }

    [Fact]
    public async Task Read_awaits_the_0x0094_with_its_own_sn_and_decodes_it_with_the_product()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000c3");
        (GServiceClient gservice, AppSession session) = await cloud.UserAsync("u1", did);
        using GServiceClient _ = gservice;
        await using FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);
        device.Status.Set(GoKit.Find("Relay").Id, 1);
        device.Status.Set(GoKit.Find("LED_Color").Id, 2);
        device.Status.Set(GoKit.Find("Temperature").Id, GoKitRaw("Temperature", 21.5));
        await using AppClient app = await cloud.AppAsync(session, did);

        DeviceStatusEvent first = await app.SendReadAsync(did);
        DeviceStatusEvent second = await app.SendReadAsync(did);
        Assert.Equal(GizwitsCommand.BusinessWithSnAck, first.Command);
        Assert.NotNull(first.Sn);
        Assert.Equal(first.Sn + 1, second.Sn);
        Assert.Equal(P0Action.ReadReply, first.Action);
        Assert.Null(first.P0Error);
        Assert.Equal(true, first.Values["Relay"]);
        Assert.Equal(2, first.Values["LED_Color"]);
        Assert.Equal(21.5, first.Values["Temperature"]);
        Assert.Equal(GoKit.Find("LED_Color").EnumValues[2], first.Readings.Single(r => r.Point.Name == "LED_Color").Text);

        // The frames the device got carried exactly those sns.
        uint[] sent = device.Received.Select(r => Decode(r.Payload).Sn).ToArray();
        Assert.Equal([first.Sn!.Value, second.Sn!.Value], sent);
    }

    [Fact]
    public async Task Write_with_reply_returns_the_status_after_the_write()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000c4");
        (GServiceClient gservice, AppSession session) = await cloud.UserAsync("u1", did);
        using GServiceClient _ = gservice;
        await using FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);
        await using AppClient app = await cloud.AppAsync(session, did);

        var values = new DataPointValues(GoKit);
        var flagged = new bool[GoKit.Points.Length];
        int red = GoKit.Find("LED_R").Id;
        values.Set(red, 100);
        flagged[red] = true;
        DeviceStatusEvent reply = await app.SendWriteWithReplyAsync(did, values, flagged);
        Assert.Equal(100.0, reply.Values["LED_R"]);
        Assert.Equal(GizwitsCommand.BusinessWithSn, Decode(device.Received.Single().Payload).Command);
    }

    [Fact]
    public async Task A_device_that_does_not_answer_gives_a_ReplyTimeout_naming_the_sn()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000c5");
        (GServiceClient gservice, AppSession session) = await cloud.UserAsync("u1", did);
        using GServiceClient _ = gservice;
        await using FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);
        device.Answers = false;
        await using AppClient app = await cloud.AppAsync(session, did, TimeSpan.FromMilliseconds(300));

        ReplyTimeoutException e = await Assert.ThrowsAsync<ReplyTimeoutException>(() => app.SendReadAsync(did));
        Assert.Contains("0x0094 with sn 1", e.Message, StringComparison.Ordinal);
        Assert.Equal(did, e.Did);
        Assert.IsAssignableFrom<TimeoutException>(e);
        await Eventually.True(() => device.Received.Length == 1, "the read to reach the device");

        // A late answer with another sn does not complete a later request either.
        await Assert.ThrowsAsync<ReplyTimeoutException>(() => app.SendSettingsAsync(did, LogLevel.Info, true));
        device.Answers = true;
        await app.SendSettingsAsync(did, LogLevel.Info, false);
    }

    [Fact]
    public async Task Settings_send_0x0010_with_the_projects_bits_and_await_0x0011()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000c6");
        (GServiceClient gservice, AppSession session) = await cloud.UserAsync("u1", did);
        using GServiceClient _ = gservice;
        await using FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);
        await using AppClient app = await cloud.AppAsync(session, did);
        await using var events = new AppEventLog(app);

        await app.SendSettingsAsync(did, LogLevel.Warning, false);
        FrameReader sent = Decode(device.Received.Single().Payload);
        Assert.Equal(GizwitsCommand.Settings, sent.Command);
        Assert.Equal(DeviceSettings.Compose(LogLevel.Warning, false), sent.Settings);
        await events.WaitForAsync<SettingsAckEvent>(e => e.Did == did, "the 0x0011 as an event too");
    }

    [Fact]
    public async Task Status_logs_online_and_offline_arrive_decoded_and_bad_frames_do_not_stop_the_client()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000c7");
        (GServiceClient gservice, AppSession session) = await cloud.UserAsync("u1", did);
        using GServiceClient _ = gservice;
        await using AppClient app = await cloud.AppAsync(session, did);
        await using var events = new AppEventLog(app);

        FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);
        try
        {
            await events.WaitForAsync<DeviceOnlineEvent>(e => e.Did == did && e.Online, "0x0092 online");
            device.Status.Set(GoKit.Find("Motor_Speed").Id, GoKitRaw("Motor_Speed", -3));
            await device.BroadcastStatusAsync();
            DeviceStatusEvent status = await events.WaitForAsync<DeviceStatusEvent>(e => e.IsBroadcast, "the status broadcast");
            Assert.Equal(GizwitsCommand.BusinessReply, status.Command);
            Assert.Null(status.Sn);
            Assert.Equal(P0Action.Report, status.Action);
            Assert.Equal(-3.0, status.Values["Motor_Speed"]);
            Assert.Equal(GoKit.Points.Length, status.Readings.Count);

            await device.PublishAsync(Topics.Dev2App(did), new byte[] { 0, 0, 0, 3, 9, 0, 0, 0x12 });
            await events.WaitForAsync<UnusableMessageEvent>(e => e.Reason.Contains("malformed", StringComparison.Ordinal), "the malformed frame reported");
            byte[] log = FakeDevice.Frame(b => (FrameWriter.WriteLog(b, 0, (int)LogLevel.Warning, "dispatch", "core", "héllo", out int n), n));
            await device.PublishAsync(Topics.Dev2App(did), log);
            DeviceLogEvent line = await events.WaitForAsync<DeviceLogEvent>(e => e.Did == did, "the 0x0012 log");
            Assert.Equal((LogLevel.Warning, "dispatch", "core", "héllo"), (line.Level, line.Tag, line.Source, line.Content));
        }
        finally
        {
            await device.DisposeAsync();
        }

        await events.WaitForAsync<DeviceOnlineEvent>(e => e.Did == did && !e.Online, "0x0092 offline");
    }

    [Fact]
    public async Task A_bad_token_is_refused_as_bad_credentials()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000c8");
        (GServiceClient gservice, AppSession session) = await cloud.UserAsync("u1", did);
        using GServiceClient _ = gservice;
        AppClientOptions options = cloud.AppOptions(session with { Token = "forged" });
        AppConnectRefusedException e = await Assert.ThrowsAsync<AppConnectRefusedException>(() => AppClient.ConnectAsync(options));
        Assert.True(e.IsBadCredentials);
        Assert.DoesNotContain("forged", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_the_user_is_not_bound_to_is_DeviceNotBound()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string mine = cloud.RegisterDevice("0000000000c9");
        string theirs = cloud.RegisterDevice("0000000000ca");
        (GServiceClient gservice, AppSession session) = await cloud.UserAsync("u1", mine);
        using GServiceClient _ = gservice;
        DeviceNotBoundException e = await Assert.ThrowsAsync<DeviceNotBoundException>(() => cloud.AppAsync(session, theirs));
        Assert.Equal(theirs, e.Did);

        await using AppClient app = await cloud.AppAsync(session, mine);
        await Assert.ThrowsAsync<DeviceNotBoundException>(() => app.AddDeviceAsync(theirs, GoKit));
        Assert.True(app.IsConnected);
    }

    [Fact]
    public async Task No_broker_is_CloudUnreachable_naming_the_address()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000cb");
        (GServiceClient gservice, AppSession session) = await cloud.UserAsync("u1", did);
        using GServiceClient _ = gservice;
        await cloud.StopBrokerAsync();
        CloudUnreachableException e = await Assert.ThrowsAsync<CloudUnreachableException>(() => cloud.AppAsync(session, did));
        Assert.Contains($"cloud not reachable at 127.0.0.1:{cloud.M2mPort}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_broker_restarts_on_the_same_port_the_client_reconnects_and_resubscribes()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000cc");
        (GServiceClient gservice, AppSession session) = await cloud.UserAsync("u1", did);
        using GServiceClient _ = gservice;
        await using AppClient app = await cloud.AppAsync(session, did);
        await using var events = new AppEventLog(app);
        string clientId = app.ClientId;

        await cloud.StopBrokerAsync();
        await events.WaitForAsync<SessionChangedEvent>(e => !e.Connected, "the client to notice the broker went away");
        Assert.False(app.IsConnected);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SendReadAsync(did));

        await cloud.RestartBrokerAsync();
        await events.WaitForAsync<SessionChangedEvent>(e => e.Connected && e.Connections == 2, "the client to reconnect");
        Assert.Equal(clientId, app.ClientId);

        // Resubscribed: the device's broadcast and its answers reach the App again.
        await using FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);
        device.Status.Set(GoKit.Find("Relay").Id, 1);
        await device.BroadcastStatusAsync();
        await events.WaitForAsync<DeviceStatusEvent>(e => e.IsBroadcast && (bool)e.Values["Relay"], "the broadcast after the restart");
        DeviceStatusEvent reply = await app.SendReadAsync(did);
        Assert.Equal(true, reply.Values["Relay"]);
    }

    [Fact]
    public async Task Over_TLS_with_the_mock_clouds_certificate_pinned()
    {
        string pem = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"app-m2m-{Guid.NewGuid():N}.pem");
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000cd");
        (GServiceClient gservice, AppSession session) = await cloud.UserAsync("u1", did);
        using GServiceClient _ = gservice;
        await using var tls = new DeviceFirmware.MockCloud.M2m.M2mBroker(
            cloud.Store,
            new DeviceFirmware.MockCloud.M2m.M2mOptions
            {
                MqttEndpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0),
                MqttsEndpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0),
                CertificatePemPath = pem,
            },
            new ListLogger());
        await tls.StartAsync();
        try
        {
            AppClientOptions options = cloud.AppOptions(session);
            options.Port = tls.MqttsEndpoint!.Port;
            options.Tls = true;
            options.TrustedCertificateFile = pem;
            await using (AppClient app = await AppClient.ConnectAsync(options, [new KeyValuePair<string, Product?>(did, GoKit)]))
            {
                Assert.True(app.IsConnected);
            }

            // Without trusting it, the handshake fails: the cloud is not usable.
            options.TrustedCertificateFile = null;
            await Assert.ThrowsAsync<CloudUnreachableException>(() => AppClient.ConnectAsync(options));
        }
        finally
        {
            System.IO.File.Delete(pem);
        }
    }

    private static long GoKitRaw(string name, double shown)
    {
        Assert.True(GoKit.Find(name).TryToRaw(shown, out long raw));
        return raw;
    }

    private static FrameReader Decode(byte[] payload)
    {
        var frame = new FrameReader();
        Assert.Equal(FrameError.None, frame.Decode(payload, 0, payload.Length));
        return frame;
    }
}
