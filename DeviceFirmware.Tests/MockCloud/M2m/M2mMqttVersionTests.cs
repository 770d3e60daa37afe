using System.Threading.Tasks;
using DeviceFirmware.Protocol.Identity;
using MQTTnet;
using MQTTnet.Formatter;
using Xunit;
using static DeviceFirmware.Tests.MockCloud.M2m.M2mTestCloud;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>
/// The real M2M's devices speak MQTT 3.1 (GAgent connects with MQIsdp/3), Apps 3.1 or 3.1.1: the mock accepts both from
/// both, relays between them, and logs which version each client spoke.
/// </summary>
public sealed class M2mMqttVersionTests
{
    [Theory]
    [InlineData(MqttProtocolVersion.V310, MqttProtocolVersion.V310, "3.1 (MQIsdp/3)", "3.1 (MQIsdp/3)")]
    [InlineData(MqttProtocolVersion.V310, MqttProtocolVersion.V311, "3.1 (MQIsdp/3)", "3.1.1 (MQTT/4)")]
    [InlineData(MqttProtocolVersion.V311, MqttProtocolVersion.V310, "3.1.1 (MQTT/4)", "3.1 (MQIsdp/3)")]
    public async Task Devices_and_apps_of_either_version_are_accepted_logged_and_relayed_to_each_other(
        MqttProtocolVersion device, MqttProtocolVersion app, string deviceLog, string appLog)
    {
        await using M2mTestCloud cloud = await StartAsync();
        var (deviceCode, deviceClient) = await TestClient.TryConnectAsync(cloud.Endpoint, D1, D1, Passcode1, b => b.WithProtocolVersion(device));
        await using TestClient? d = deviceClient;
        var (appCode, appClient) = await TestClient.TryConnectAsync(cloud.Endpoint, A, AppUserName.Build(AppId, Uid1), Token1, b => b.WithProtocolVersion(app));
        await using TestClient? a = appClient;
        Assert.Equal(MqttClientConnectResultCode.Success, deviceCode);
        Assert.Equal(MqttClientConnectResultCode.Success, appCode);
        Assert.True(cloud.Log.Has(Microsoft.Extensions.Logging.LogLevel.Information, $"connect accepted: client id {D1} as Device from"), cloud.Log.AllText);
        Assert.Contains($"over MQTT {deviceLog}", LineOf(cloud, D1), System.StringComparison.Ordinal);
        Assert.Contains($"over MQTT {appLog}", LineOf(cloud, A), System.StringComparison.Ordinal);

        Assert.NotEqual(MqttClientSubscribeResultCode.UnspecifiedError, await d!.SubscribeAsync($"app2dev/{D1}/#"));
        await a!.SubscribeAsync($"dev2app/{D1}/{A}");
        byte[] command = { 0, 0, 0, 3, 4, 0, 0, 0x90, 2 };
        await a.PublishAsync($"app2dev/{D1}/{A}", command);
        await d.WaitForAsync(command, "the App's command at the device");
        byte[] answer = { 0, 0, 0, 3, 4, 0, 0, 0x91, 3 };
        await d.PublishAsync($"dev2app/{D1}/{A}", answer);
        await a.WaitForAsync(answer, "the device's answer at the App");
    }

    private static string LineOf(M2mTestCloud cloud, string clientId)
    {
        foreach (string line in cloud.Log.AllText.Split('\n'))
        {
            if (line.Contains($"connect accepted: client id {clientId} ", System.StringComparison.Ordinal)) return line;
        }

        return string.Empty;
    }
}
