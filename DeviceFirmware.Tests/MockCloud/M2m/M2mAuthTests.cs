using System.Threading.Tasks;
using DeviceFirmware.Protocol.Identity;
using MQTTnet;
using Xunit;
using static DeviceFirmware.Tests.MockCloud.M2m.M2mTestCloud;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>docs/protocol.md §1/§8 CONNECT rules, with real MQTTnet clients over 127.0.0.1.</summary>
public sealed class M2mAuthTests
{
    [Fact]
    public async Task Broker_reports_the_port_it_bound_when_asked_for_port_0()
    {
        await using M2mTestCloud cloud = await StartAsync();
        Assert.NotEqual(0, cloud.Endpoint.Port);
        Assert.Equal("127.0.0.1", cloud.Endpoint.Address.ToString());
    }

    [Fact]
    public async Task App_with_valid_client_id_appid_and_token_is_accepted()
    {
        await using M2mTestCloud cloud = await StartAsync();
        var (code, client) = await TestClient.TryConnectAsync(cloud.Endpoint, A, AppUserName.Build(AppId, Uid1), Token1);
        await using TestClient? _ = client;
        Assert.Equal(MqttClientConnectResultCode.Success, code);
        Assert.True(cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Information, $"connect accepted: client id {A} as App"));
    }

    [Theory]
    [InlineData(A, "2$app1$u1", "wrong-token", MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData(A, "2$app1$u1", Token2, MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData(A, "2$app1$nobody", Token1, MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData(A, "2$otherapp$u1", Token1, MqttClientConnectResultCode.NotAuthorized)]
    [InlineData("abcAppA", "2$app1$u1", Token1, MqttClientConnectResultCode.ClientIdentifierNotValid)]
    [InlineData("usr-AppA", "2$app1$u1", Token1, MqttClientConnectResultCode.ClientIdentifierNotValid)]
    [InlineData("usr012345678901234567890", "2$app1$u1", Token1, MqttClientConnectResultCode.ClientIdentifierNotValid)]
    [InlineData(A, "3$app1$u1", Token1, MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData(A, "2$app1$u1", "", MqttClientConnectResultCode.BadUserNameOrPassword)]
    public async Task App_connect_is_refused_with_the_right_reason(string clientId, string userName, string password, MqttClientConnectResultCode expected)
    {
        await using M2mTestCloud cloud = await StartAsync();
        var (code, client) = await TestClient.TryConnectAsync(cloud.Endpoint, clientId, userName, password);
        await using TestClient? _ = client;
        Assert.Equal(expected, code);
        Assert.True(cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Warning, "connect refused"), cloud.Log.AllText);
    }

    [Fact]
    public async Task Device_with_its_DID_and_passcode_is_accepted()
    {
        await using M2mTestCloud cloud = await StartAsync();
        var (code, client) = await TestClient.TryConnectAsync(cloud.Endpoint, D1, D1, Passcode1);
        await using TestClient? _ = client;
        Assert.Equal(MqttClientConnectResultCode.Success, code);
        Assert.True(cloud.Broker.IsOnline(D1));
    }

    [Theory]
    [InlineData(D1, D1, Passcode2, MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData(D1, D1, "", MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData("did9UNKNOWN", "did9UNKNOWN", Passcode1, MqttClientConnectResultCode.BadUserNameOrPassword)]
    [InlineData(D2, D1, Passcode1, MqttClientConnectResultCode.ClientIdentifierNotValid)]
    [InlineData(A, D1, Passcode1, MqttClientConnectResultCode.ClientIdentifierNotValid)]
    public async Task Device_connect_is_refused_with_the_right_reason(string clientId, string userName, string password, MqttClientConnectResultCode expected)
    {
        await using M2mTestCloud cloud = await StartAsync();
        var (code, client) = await TestClient.TryConnectAsync(cloud.Endpoint, clientId, userName, password);
        await using TestClient? _ = client;
        Assert.Equal(expected, code);
        Assert.False(cloud.Broker.IsOnline(D1));
    }

    [Fact]
    public async Task App_may_not_take_the_client_id_of_an_online_device()
    {
        await using M2mTestCloud cloud = await StartAsync();
        cloud.Directory.AddDevice("usrDevice1", "PASSCODECC");
        await using TestClient device = await cloud.DeviceAsync("usrDevice1", "PASSCODECC");
        var (code, client) = await TestClient.TryConnectAsync(cloud.Endpoint, "usrDevice1", AppUserName.Build(AppId, Uid1), Token1);
        await using TestClient? _ = client;
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, code);
        Assert.True(cloud.Broker.IsOnline("usrDevice1"));
    }

    [Fact]
    public async Task Another_user_may_not_take_an_Apps_client_id_but_its_own_user_may_reconnect_with_it()
    {
        await using M2mTestCloud cloud = await StartAsync();
        await using TestClient owner = await cloud.AppAsync(A);

        var (stolen, impostor) = await TestClient.TryConnectAsync(cloud.Endpoint, A, AppUserName.Build(AppId, Uid2), Token2);
        await using TestClient? _ = impostor;
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, stolen);
        Assert.False(owner.WasDisconnected);

        // The same user reconnecting with its own id (after a half-open connection, say) is a normal takeover.
        var (again, second) = await TestClient.TryConnectAsync(cloud.Endpoint, A, AppUserName.Build(AppId, Uid1), Token1);
        await using TestClient? __ = second;
        Assert.Equal(MqttClientConnectResultCode.Success, again);
    }
}
