using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Cloud;
using DeviceFirmware.MockCloud.Store;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.MockCloud.GService;
using DeviceFirmware.Tests.MockCloud.M2m;
using DeviceFirmware.Tests.Support;
using Microsoft.Extensions.Logging;
using MQTTnet;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.Cloud;

/// <summary>
/// Issue 8: the whole mock cloud (GService, M2M with its TLS listener, the store) through a register, a login, a
/// refused login, a device registration, a bind, accepted and refused MQTT connects; then EVERY line any component
/// logged, at every level and category (ASP.NET Core and MQTTnet included), is scanned for each password, token and
/// passcode that went over the wire.
/// </summary>
public sealed class MockCloudSecretsInLogsTests
{
    private const string AppId = "appSecretsTest";

    [Fact]
    public async Task No_password_token_or_passcode_appears_in_any_log_line_of_the_whole_mock_cloud()
    {
        var provider = new CapturingLoggerProvider();
        using ILoggerFactory loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
        var options = new MockCloudOptions
        {
            Http = new IPEndPoint(IPAddress.Loopback, 0),
            Mqtt = new IPEndPoint(IPAddress.Loopback, 0),
            Mqtts = new IPEndPoint(IPAddress.Loopback, 0),
            Database = CloudStore.InMemory,
        };
        options.AppIds.Add(AppId);
        options.ProductFiles.Add(RepoPaths.Product("gokit"));
        string productKey = ProductJson.Load(RepoPaths.Product("gokit")).ProductKey;

        const string password = "Pa55word-SECRET-1";
        const string wrongPassword = "Pa55word-SECRET-WRONG";
        const string passcode = "QWERTYUIOP";
        const string wrongPasscode = "XWVUTSRQPO";
        const string wrongToken = "tok-SECRET-forged-0123456789";
        var secrets = new List<string> { password, wrongPassword, passcode, wrongPasscode, wrongToken };
        string uid;
        string did;

        await using (MockCloudHost cloud = await MockCloudHost.StartAsync(options, loggers))
        {
            using var http = new HttpClient { BaseAddress = cloud.GServiceAddress, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add("X-Gizwits-Application-Id", AppId);

            JsonElement registered = await Json(await http.PostAsJsonAsync("/app/users", new { username = "mallory", password }), HttpStatusCode.Created);
            uid = registered.GetProperty("uid").GetString()!;
            secrets.Add(registered.GetProperty("token").GetString()!);
            JsonElement login = await Json(await http.PostAsJsonAsync("/app/login", new { username = "mallory", password }), HttpStatusCode.OK);
            string token = login.GetProperty("token").GetString()!;
            secrets.Add(token);
            using (HttpResponseMessage refused = await http.PostAsJsonAsync("/app/login", new { username = "mallory", password = wrongPassword }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            }

            using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["product_key"] = productKey, ["passcode"] = passcode, ["mac"] = "a0b1c2d3e4f5", ["type"] = "normal" }))
            using (HttpResponseMessage device = await http.PostAsync("/dev/devices", form))
            {
                Assert.Equal(HttpStatusCode.Created, device.StatusCode);
                did = (await device.Content.ReadAsStringAsync()).Substring("did=".Length);
            }

            using (var bind = new HttpRequestMessage(HttpMethod.Post, "/app/bindings") { Content = JsonContent.Create(new { devices = new[] { new { did, passcode } } }) })
            {
                bind.Headers.Add("X-Gizwits-User-token", token);
                JsonElement bound = await Json(await http.SendAsync(bind), HttpStatusCode.OK);
                Assert.Equal(did, bound.GetProperty("success")[0].GetString());
            }

            string userName = AppUserName.Build(AppId, uid);
            await using (TestClient app = await TestClient.ConnectAsync(cloud.MqttEndpoint, "usrMallory1", userName, token))
            await using (TestClient device = await TestClient.ConnectAsync(cloud.MqttEndpoint, did, did, passcode))
            {
                Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await app.SubscribeAsync($"dev2app/{did}"));
            }

            var (badApp, appClient) = await TestClient.TryConnectAsync(cloud.MqttEndpoint, "usrMallory2", userName, wrongToken);
            if (appClient is not null) await appClient.DisposeAsync();
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, badApp);
            var (badDevice, deviceClient) = await TestClient.TryConnectAsync(cloud.MqttEndpoint, did, did, wrongPasscode);
            if (deviceClient is not null) await deviceClient.DisposeAsync();
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, badDevice);
        }

        var lines = provider.Lines.ToArray();
        Assert.Contains(lines, l => l.Text.Contains($"User {uid} logged in", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text.Contains($"connect accepted: client id {did} as Device", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text.Contains("connect refused: client id usrMallory2", StringComparison.Ordinal));
        Assert.True(lines.Select(l => l.Category).Distinct().Count() > 2, "expected lines from more than our own two categories (ASP.NET Core, MQTTnet)");
        foreach (var line in lines)
        {
            foreach (string secret in secrets)
            {
                Assert.False(line.Text.Contains(secret, StringComparison.Ordinal), $"a secret in a {line.Level} line of {line.Category}: {line.Text}");
            }
        }
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
