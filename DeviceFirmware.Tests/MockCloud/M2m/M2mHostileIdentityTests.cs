using System;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.M2m;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit;
using static DeviceFirmware.Tests.MockCloud.M2m.M2mTestCloud;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>
/// Issue 8: client ids and user names carrying MQTT wildcards, topic separators or control characters are refused,
/// even with an otherwise valid token or passcode (the other identity cases are in M2mAuthTests and M2mUnitTests).
/// </summary>
public sealed class M2mHostileIdentityTests
{
    private static InMemoryM2mDirectory Directory() => new InMemoryM2mDirectory()
        .AddApplication(AppId).AddToken(Uid1, Token1).AddDevice(D1, Passcode1).Bind(Uid1, D1);

    [Theory]
    [InlineData("usrA+b")]
    [InlineData("usrA#")]
    [InlineData("usr+")]
    [InlineData("usr#")]
    [InlineData("usrA/b")]
    [InlineData("usrA\0b")]
    [InlineData("usrA\u0001")]
    [InlineData("usrA\n")]
    [InlineData("usrA\u007f")]
    [InlineData("usrAé")]
    public void An_app_client_id_with_a_wildcard_separator_or_control_character_is_refused(string clientId)
    {
        M2mConnectDecision decision = new M2mAuthenticator(Directory()).Decide(clientId, $"2${AppId}${Uid1}", Token1);
        Assert.False(decision.Accepted);
        Assert.Equal(MqttConnectReasonCode.ClientIdentifierNotValid, decision.ReasonCode);
    }

    [Theory]
    [InlineData("2$app1$u1\0")]
    [InlineData("2$app1\0$u1")]
    [InlineData("2$app1$u1\n")]
    [InlineData("2$app1$u1\u007f")]
    [InlineData("2$app1$u1$")]
    [InlineData("2$app1$+")]
    [InlineData("2$app1$#")]
    [InlineData("2$+$u1")]
    public void An_app_user_name_with_control_characters_or_wildcards_is_refused(string userName)
    {
        M2mConnectDecision decision = new M2mAuthenticator(Directory()).Decide(A, userName, Token1);
        Assert.False(decision.Accepted);
        Assert.DoesNotContain(Token1, decision.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+")]
    [InlineData("#")]
    [InlineData("did+")]
    [InlineData("did/1")]
    [InlineData("did\0")]
    [InlineData("did\u0001")]
    public void A_device_id_with_a_wildcard_separator_or_control_character_is_refused(string suffix)
    {
        string clientId = suffix.StartsWith("did", StringComparison.Ordinal) ? suffix : D1 + suffix;
        M2mConnectDecision asClient = new M2mAuthenticator(Directory()).Decide(clientId, D1, Passcode1);
        Assert.False(asClient.Accepted);
        M2mConnectDecision asBoth = new M2mAuthenticator(Directory()).Decide(clientId, clientId, Passcode1);
        Assert.False(asBoth.Accepted);
        Assert.DoesNotContain(Passcode1, asBoth.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_a_socket_wildcard_and_control_character_identities_are_refused_and_the_broker_keeps_serving()
    {
        await using M2mTestCloud cloud = await StartAsync();
        foreach (string clientId in new[] { "usrA+b", "usrA#", "usrA\u0001" })
        {
            var (code, client) = await TestClient.TryConnectAsync(cloud.Endpoint, clientId, $"2${AppId}${Uid1}", Token1);
            if (client is not null) await client.DisposeAsync();
            Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, code);
        }

        var (deviceCode, device) = await TestClient.TryConnectAsync(cloud.Endpoint, D1 + "#", D1, Passcode1);
        if (device is not null) await device.DisposeAsync();
        Assert.NotEqual(MqttClientConnectResultCode.Success, deviceCode);

        await using TestClient app = await cloud.AppAsync(A);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await app.SubscribeAsync($"dev2app/{D1}"));
    }
}
