using System;
using System.Net;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.Protocol.Frames;
using MQTTnet.Protocol;
using Xunit;
using static DeviceFirmware.Tests.MockCloud.M2m.M2mTestCloud;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>The broker's rules without sockets: authenticator, ACL, PINGREQ window, endpoint parsing, log lines.</summary>
public sealed class M2mUnitTests
{
    private static InMemoryM2mDirectory Directory() => new InMemoryM2mDirectory()
        .AddApplication(AppId).AddToken(Uid1, Token1).AddDevice(D1, Passcode1).Bind(Uid1, D1);

    [Theory]
    [InlineData(A, "2$app1$u1", Token1, MqttConnectReasonCode.Success)]
    [InlineData(A, "2$app1$u1", "nope", MqttConnectReasonCode.BadUserNameOrPassword)]
    [InlineData(A, "2$app2$u1", Token1, MqttConnectReasonCode.NotAuthorized)]
    [InlineData("usr", "2$app1$u1", Token1, MqttConnectReasonCode.Success)]
    [InlineData("us", "2$app1$u1", Token1, MqttConnectReasonCode.ClientIdentifierNotValid)]
    [InlineData("usrAbcdefghijklmnopqrst", "2$app1$u1", Token1, MqttConnectReasonCode.Success)]
    [InlineData("usrAbcdefghijklmnopqrstu", "2$app1$u1", Token1, MqttConnectReasonCode.ClientIdentifierNotValid)]
    [InlineData(null, "2$app1$u1", Token1, MqttConnectReasonCode.ClientIdentifierNotValid)]
    [InlineData(A, null, Token1, MqttConnectReasonCode.BadUserNameOrPassword)]
    [InlineData(A, "2$app1$u1", null, MqttConnectReasonCode.BadUserNameOrPassword)]
    [InlineData(A, "2$$u1", Token1, MqttConnectReasonCode.BadUserNameOrPassword)]
    [InlineData(D1, D1, Passcode1, MqttConnectReasonCode.Success)]
    [InlineData(D1, D1, "x", MqttConnectReasonCode.BadUserNameOrPassword)]
    [InlineData("other", D1, Passcode1, MqttConnectReasonCode.ClientIdentifierNotValid)]
    [InlineData("a/b", "a/b", Passcode1, MqttConnectReasonCode.BadUserNameOrPassword)]
    public void Authenticator_decides_each_connect(string? clientId, string? userName, string? password, MqttConnectReasonCode expected)
    {
        M2mConnectDecision decision = new M2mAuthenticator(Directory()).Decide(clientId, userName, password);
        Assert.Equal(expected, decision.ReasonCode);
        Assert.Equal(expected == MqttConnectReasonCode.Success, decision.Accepted);
        if (password is { Length: > 1 }) Assert.DoesNotContain(password, decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Acl_refuses_an_empty_or_malformed_topic()
    {
        var acl = new M2mAcl(Directory());
        M2mClient app = M2mClient.App(A, AppId, Uid1);
        M2mClient device = M2mClient.Device(D1);
        Assert.NotNull(acl.WhyNotPublish(app, ""));
        Assert.NotNull(acl.WhyNotPublish(app, $"app2dev/{D1}/"));
        Assert.NotNull(acl.WhyNotPublish(device, $"dev2app/{D1}/notAnApp"));
        Assert.NotNull(acl.WhyNotPublish(device, $"dev2app/{D1}/{A}/x"));
        Assert.NotNull(acl.WhyNotSubscribe(app, null));
        Assert.NotNull(acl.WhyNotSubscribe(device, $"app2dev/{D1}/+"));
        Assert.Null(acl.WhyNotPublish(app, $"app2dev/{D1}/{A}"));
        Assert.Null(acl.WhyNotPublish(device, $"dev2app/{D1}/{A}"));
    }

    [Fact]
    public void Ping_limit_allows_max_in_the_window_and_forgets_pings_older_than_it()
    {
        var clock = new ManualTimeProvider();
        var limit = new PingRateLimit(3, TimeSpan.FromSeconds(180), clock);
        for (int i = 0; i < 3; i++)
        {
            Assert.False(limit.IsExceededBy("c"));
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.True(limit.IsExceededBy("c"));
        Assert.False(limit.IsExceededBy("other"));

        // 180 s after the first ping it has left the window; the fourth (exceeding) ping is still in it.
        clock.Advance(TimeSpan.FromSeconds(150));
        Assert.True(limit.IsExceededBy("c"));
        clock.Advance(TimeSpan.FromSeconds(180));
        Assert.False(limit.IsExceededBy("c"));
        limit.Forget("c");
        Assert.False(limit.IsExceededBy("c"));
    }

    [Fact]
    public void Ping_limit_at_the_protocol_figures_drops_the_61st_ping_in_180_s()
    {
        var clock = new ManualTimeProvider();
        var limit = new PingRateLimit(60, TimeSpan.FromSeconds(180), clock);
        for (int i = 0; i < 60; i++)
        {
            Assert.False(limit.IsExceededBy("c"));
            clock.Advance(TimeSpan.FromSeconds(2.9));
        }

        Assert.True(limit.IsExceededBy("c"));
    }

    [Theory]
    [InlineData("127.0.0.1:1883", "127.0.0.1", 1883)]
    [InlineData("localhost:0", "127.0.0.1", 0)]
    [InlineData("0.0.0.0:8883", "0.0.0.0", 8883)]
    [InlineData("[::1]:1883", "::1", 1883)]
    public void ParseEndpoint_reads_host_and_port(string text, string address, int port)
    {
        IPEndPoint endpoint = M2mOptions.ParseEndpoint(text);
        Assert.Equal(IPAddress.Parse(address), endpoint.Address);
        Assert.Equal(port, endpoint.Port);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("example.com:1883")]
    [InlineData("::1")]
    [InlineData(":1883")]
    public void ParseEndpoint_refuses_anything_else(string text) =>
        Assert.Throws<FormatException>(() => M2mOptions.ParseEndpoint(text));

    [Fact]
    public void Frame_log_line_names_command_sn_action_and_length_but_never_the_passcode()
    {
        byte[] buffer = new byte[128];
        FrameWriter.WriteBusinessWithSn(buffer, 0, GizwitsCommand.BusinessWithSn, 42, [0x01, 0x07, 0x00], 0, 3, out int length);
        Assert.Equal("0x0093 business-sn sn=42 action=0x01 P0 3 bytes", FrameLogLine.Describe(buffer.AsSpan(0, length).ToArray()));

        FrameWriter.WriteDeviceOnline(buffer, 0, "mac", Passcode1, true, FrameLimits.ProtocolVersion, "", out length);
        string online = FrameLogLine.Describe(buffer.AsSpan(0, length).ToArray());
        Assert.Equal("0x0092 device-online online", online);

        Assert.StartsWith("undecodable frame (BadFixedHeader", FrameLogLine.Describe([1, 2, 3, 4, 5]), StringComparison.Ordinal);
        Assert.StartsWith("undecodable frame (TruncatedHeader", FrameLogLine.Describe([]), StringComparison.Ordinal);
    }
}
