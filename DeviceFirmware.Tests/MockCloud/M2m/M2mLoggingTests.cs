using System;
using System.Threading.Tasks;
using DeviceFirmware.Protocol.Identity;
using MQTTnet;
using Xunit;
using static DeviceFirmware.Tests.MockCloud.M2m.M2mTestCloud;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>Issue 5 item 5: every connect, refusal and relayed frame logged in one line, and no secret ever.</summary>
public sealed class M2mLoggingTests
{
    [Fact]
    public async Task A_whole_session_logs_connects_refusals_and_decoded_frames_without_tokens_or_passcodes()
    {
        await using M2mTestCloud cloud = await StartAsync();
        await using (TestClient app = await cloud.AppAsync(A))
        {
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await app.SubscribeAsync($"dev2app/{D1}"));
            await using TestClient device = await cloud.DeviceAsync(D1, Passcode1);
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeAsync($"app2dev/{D1}/#"));
            byte[] frame = Frame();
            await app.PublishAsync($"app2dev/{D1}/{A}", frame);
            await device.WaitForAsync(frame, "the 0x0093");
            await device.PublishAsync($"dev2app/{D2}", Frame());
            var (refused, _) = await TestClient.TryConnectAsync(cloud.Endpoint, B, AppUserName.Build(AppId, Uid1), "wrong-SECRET");
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, refused);
        }

        await Eventually.True(() => cloud.Log.AllText.Contains("offline", StringComparison.Ordinal), "the device's offline line");
        string log = cloud.Log.AllText;
        Assert.Contains($"connect accepted: client id {A} as App", log, StringComparison.Ordinal);
        Assert.Contains($"connect accepted: client id {D1} as Device", log, StringComparison.Ordinal);
        Assert.Contains($"connect refused: client id {B}", log, StringComparison.Ordinal);
        Assert.Contains($"relay app2dev/{D1}/{A} from {A}: 0x0093 business-sn sn=", log, StringComparison.Ordinal);
        Assert.Contains($"publish dropped: {D1} on dev2app/{D2}", log, StringComparison.Ordinal);
        Assert.Contains($"device {D1} online", log, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Passcode1, log, StringComparison.Ordinal);
        Assert.DoesNotContain(cloud.Log.Entries, e => e.Text.Contains('\n', StringComparison.Ordinal));
    }
}
