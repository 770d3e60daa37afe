using System;
using System.Threading.Tasks;
using DeviceFirmware.Tests.MockCloud.App;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.Cli;

/// <summary><c>gizctl app … --mqtt-version 3.1|3.1.1</c>: the App speaks 3.1 (MQIsdp/3) by default, 3.1.1 on request; the mock M2M logs which.</summary>
public sealed class AppMqttVersionCliTests
{
    [Theory]
    [InlineData(null, "over MQTT 3.1 (MQIsdp/3)")]
    [InlineData("3.1", "over MQTT 3.1 (MQIsdp/3)")]
    [InlineData("3.1.1", "over MQTT 3.1.1 (MQTT/4)")]
    public async Task Send_connects_with_the_chosen_version(string? version, string logged)
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000f1");
        using var session = await AppDeviceCliTests.LoggedInAsync(cloud, did);
        await using FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);

        string[] args = version is null
            ? ["app", "send", "--did", did, "--write", "Relay=true"]
            : ["app", "send", "--did", did, "--write", "Relay=true", "--mqtt-version", version];
        CliResult result = await session.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains(cloud.Log.AllText.Split('\n'), l => l.Contains("as App from", StringComparison.Ordinal) && l.Contains(logged, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_version_is_a_usage_error_naming_the_option()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000f2");
        using var session = await AppDeviceCliTests.LoggedInAsync(cloud, did);
        CliResult result = await session.RunAsync("app", "send", "--did", did, "--read", "--mqtt-version", "5");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--mqtt-version", result.Stderr, StringComparison.Ordinal);
    }
}
