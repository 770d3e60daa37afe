using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.GService
{
    public class BindingEndpointTests
    {
        [Fact]
        public async Task Bind_answers_success_for_the_right_passcode_and_failed_for_a_wrong_one_or_an_unknown_did()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (string uid, string token) = await cloud.RegisterAsync("alice");
            string good = await cloud.RegisterDeviceAsync("mac-1", "GOODPASSCD");
            string other = await cloud.RegisterDeviceAsync("mac-2", "OTHERPASSC");

            Reply reply = await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(
                new { did = good, passcode = "GOODPASSCD", remark = "kitchen", dev_alias = "lamp" },
                new { did = other, passcode = "GOODPASSCD" },
                new { did = "NoSuchDevice", passcode = "GOODPASSCD" }), token: token);

            Assert.Equal(HttpStatusCode.OK, reply.Status);
            JsonElement json = reply.Json();
            Assert.Equal(new[] { good }, json.GetProperty("success").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(new[] { other, "NoSuchDevice" }, json.GetProperty("failed").EnumerateArray().Select(e => e.GetString()));
            Assert.True(cloud.Store.IsBound(uid, good));
            Assert.False(cloud.Store.IsBound(uid, other));
        }

        [Fact]
        public async Task The_bindings_list_reports_each_device_with_live_presence_and_the_m2m_address()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (_, string token) = await cloud.RegisterAsync("bob");
            string did = await cloud.RegisterDeviceAsync("a0b1c2d3e4f5", "PASSCODEAB");
            await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did, passcode = "PASSCODEAB", remark = "r", dev_alias = "a" }), token: token);

            JsonElement device = Assert.Single((await cloud.GetAsync("/app/bindings", token: token)).Json().GetProperty("devices").EnumerateArray());
            Assert.Equal(TestCloud.ProductKey, device.GetProperty("product_key").GetString());
            Assert.Equal(did, device.GetProperty("did").GetString());
            Assert.Equal("a0b1c2d3e4f5", device.GetProperty("mac").GetString());
            Assert.False(device.GetProperty("is_online").GetBoolean());
            Assert.Equal("PASSCODEAB", device.GetProperty("passcode").GetString());
            Assert.Equal("m2m.test", device.GetProperty("host").GetString());
            Assert.Equal(11883, device.GetProperty("port").GetInt32());
            Assert.Equal(18883, device.GetProperty("port_s").GetInt32());
            Assert.Equal("r", device.GetProperty("remark").GetString());
            Assert.False(device.GetProperty("is_disabled").GetBoolean());
            Assert.Equal("normal", device.GetProperty("type").GetString());
            Assert.Equal("a", device.GetProperty("dev_alias").GetString());

            cloud.Presence.Online[did] = true;
            device = Assert.Single((await cloud.GetAsync("/app/bindings", token: token)).Json().GetProperty("devices").EnumerateArray());
            Assert.True(device.GetProperty("is_online").GetBoolean());
        }

        [Fact]
        public async Task The_bindings_list_pages_with_limit_and_skip_and_shows_disabled_devices_only_when_asked()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (_, string token) = await cloud.RegisterAsync("carol");
            var dids = new System.Collections.Generic.List<string>();
            for (int i = 0; i < 4; i++)
            {
                string did = await cloud.RegisterDeviceAsync("mac" + i, "PASSCODEZZ");
                dids.Add(did);
                await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did, passcode = "PASSCODEZZ" }), token: token);
                cloud.Clock.Advance(TimeSpan.FromSeconds(1));
            }

            Assert.Equal(dids, await ListAsync(cloud, token, ""));
            Assert.Equal(dids.Skip(1).Take(2), await ListAsync(cloud, token, "?limit=2&skip=1"));
            Assert.Empty(await ListAsync(cloud, token, "?skip=4"));

            cloud.Store.SetDeviceDisabled(dids[0], true);
            Assert.Equal(dids.Skip(1), await ListAsync(cloud, token, "?show_disabled=0"));
            Assert.Equal(dids, await ListAsync(cloud, token, "?limit=20&skip=0&show_disabled=1"));
        }

        [Theory]
        [InlineData("?limit=0")]
        [InlineData("?limit=1001")]
        [InlineData("?limit=-1")]
        [InlineData("?limit=ten")]
        [InlineData("?skip=-1")]
        [InlineData("?show_disabled=2")]
        [InlineData("?show_disabled=true")]
        [InlineData("?limit=1&limit=2")]
        [InlineData("?skip=99999999999")]
        public async Task A_bad_list_query_is_9015(string query)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (_, string token) = await cloud.RegisterAsync("dave");
            (await cloud.GetAsync("/app/bindings" + query, token: token)).AssertError(400, 9015);
        }

        [Fact]
        public async Task Unbind_answers_success_for_a_bound_device_and_failed_otherwise()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (string uid, string token) = await cloud.RegisterAsync("erin");
            string did = await cloud.RegisterDeviceAsync("m", "PASSCODEZZ");
            string unbound = await cloud.RegisterDeviceAsync("m2", "PASSCODEZZ");
            await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did, passcode = "PASSCODEZZ" }), token: token);

            Reply reply = await cloud.SendJsonAsync(HttpMethod.Delete, "/app/bindings", TestCloud.Devices(new { did }, new { did = unbound }, new { did = "Unknown" }), token: token);
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            JsonElement json = reply.Json();
            Assert.Equal(new[] { did }, json.GetProperty("success").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(new[] { unbound, "Unknown" }, json.GetProperty("failed").EnumerateArray().Select(e => e.GetString()));
            Assert.False(cloud.Store.IsBound(uid, did));
            Assert.Empty(await ListAsync(cloud, token, ""));
        }

        [Fact]
        public async Task A_user_cannot_unbind_another_users_device()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (string owner, string ownerToken) = await cloud.RegisterAsync("owner");
            (_, string otherToken) = await cloud.RegisterAsync("other");
            string did = await cloud.RegisterDeviceAsync("m", "PASSCODEZZ");
            await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did, passcode = "PASSCODEZZ" }), token: ownerToken);
            Reply reply = await cloud.SendJsonAsync(HttpMethod.Delete, "/app/bindings", TestCloud.Devices(new { did }), token: otherToken);
            Assert.Equal(did, Assert.Single(reply.Json().GetProperty("failed").EnumerateArray()).GetString());
            Assert.True(cloud.Store.IsBound(owner, did));
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("DELETE")]
        [InlineData("GET")]
        public async Task Bindings_need_a_known_application_id_9003(string method)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (_, string token) = await cloud.RegisterAsync("frank");
            string? body = method == "GET" ? null : TestCloud.Devices(new { did = "d", passcode = "p" });
            (await cloud.SendJsonAsync(new HttpMethod(method), "/app/bindings", body, appId: null, token: token)).AssertError(400, 9003);
            (await cloud.SendJsonAsync(new HttpMethod(method), "/app/bindings", body, appId: "nope", token: token)).AssertError(400, 9003);
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("DELETE")]
        [InlineData("GET")]
        public async Task A_missing_or_unknown_token_is_9004_and_an_expired_one_9006(string method)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (string uid, string token) = await cloud.RegisterAsync("gina");
            string did = await cloud.RegisterDeviceAsync("m", "PASSCODEZZ");
            string? body = method == "GET" ? null : TestCloud.Devices(new { did, passcode = "PASSCODEZZ" });
            (await cloud.SendJsonAsync(new HttpMethod(method), "/app/bindings", body)).AssertError(400, 9004);
            (await cloud.SendJsonAsync(new HttpMethod(method), "/app/bindings", body, token: "0123456789abcdef0123456789abcdef")).AssertError(400, 9004);

            cloud.Clock.Advance(TimeSpan.FromDays(7));
            (await cloud.SendJsonAsync(new HttpMethod(method), "/app/bindings", body, token: token)).AssertError(400, 9006);
            Assert.False(cloud.Store.IsBound(uid, did));
        }

        [Fact]
        public async Task A_token_is_accepted_until_just_before_its_expiry()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (_, string token) = await cloud.RegisterAsync("hank");
            cloud.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMilliseconds(1));
            Assert.Equal(HttpStatusCode.OK, (await cloud.GetAsync("/app/bindings", token: token)).Status);
        }

        [Theory]
        [InlineData("{\"devices\":[{\"passcode\":\"PASSCODEZZ\"}]}")]
        [InlineData("{\"devices\":[{\"did\":\"\",\"passcode\":\"PASSCODEZZ\"}]}")]
        [InlineData("{\"devices\":[{\"did\":7,\"passcode\":\"PASSCODEZZ\"}]}")]
        [InlineData("{\"devices\":[{\"did\":\"a/b\",\"passcode\":\"PASSCODEZZ\"}]}")]
        [InlineData("{\"devices\":[{\"did\":\"a+b\",\"passcode\":\"PASSCODEZZ\"}]}")]
        [InlineData("{\"devices\":[{\"did\":\"a b\",\"passcode\":\"PASSCODEZZ\"}]}")]
        [InlineData("{\"devices\":[{\"did\":\"DID\"}]}")]
        [InlineData("{\"devices\":[{\"did\":\"DID\",\"passcode\":\"\"}]}")]
        [InlineData("{\"devices\":[{\"did\":\"DID\",\"passcode\":\"PA SS\"}]}")]
        [InlineData("{\"devices\":[{\"did\":\"DID\",\"passcode\":[\"PASSCODEZZ\"]}]}")]
        public async Task A_malformed_did_or_passcode_in_a_bind_is_9016_and_binds_nothing(string bodyTemplate)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (string uid, string token) = await cloud.RegisterAsync("ivy");
            string did = await cloud.RegisterDeviceAsync("m", "PASSCODEZZ");

            // A good entry first: it must not be bound either, because the request is refused as a whole.
            string body = bodyTemplate.Replace("\"devices\":[", "\"devices\":[{\"did\":\"" + did + "\",\"passcode\":\"PASSCODEZZ\"},", StringComparison.Ordinal);
            (await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", body, token: token)).AssertError(400, 9016);
            Assert.False(cloud.Store.IsBound(uid, did));
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("{\"devices\":[]}")]
        [InlineData("{\"devices\":{}}")]
        [InlineData("{\"devices\":[\"DID\"]}")]
        [InlineData("{\"devices\":[{\"did\":\"DID\",\"passcode\":\"PASSCODEZZ\",\"remark\":5}]}")]
        [InlineData("{\"devices\":[{\"did\":\"DID\",\"passcode\":\"PASSCODEZZ\",\"dev_alias\":false}]}")]
        [InlineData("{\"devices\":[{\"did\":\"DID\",\"passcode\":\"PASSCODEZZ\"}]")]
        [InlineData("[]")]
        public async Task A_malformed_bind_body_is_9015(string body)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (_, string token) = await cloud.RegisterAsync("jack");
            (await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", body, token: token)).AssertError(400, 9015);
        }

        [Fact]
        public async Task More_than_100_devices_in_one_request_is_9015()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (_, string token) = await cloud.RegisterAsync("kate");
            object[] many = Enumerable.Range(0, 101).Select(i => (object)new { did = "d" + i, passcode = "PASSCODEZZ" }).ToArray();
            (await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(many), token: token)).AssertError(400, 9015);
        }

        [Theory]
        [InlineData("{\"devices\":[{}]}", 9016)]
        [InlineData("{\"devices\":[{\"did\":\"#\"}]}", 9016)]
        [InlineData("{\"devices\":[]}", 9015)]
        [InlineData("nope", 9015)]
        public async Task A_malformed_unbind_body_is_refused(string body, int code)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (_, string token) = await cloud.RegisterAsync("liam");
            (await cloud.SendJsonAsync(HttpMethod.Delete, "/app/bindings", body, token: token)).AssertError(400, code);
        }

        private static async Task<string[]> ListAsync(TestCloud cloud, string token, string query)
        {
            Reply reply = await cloud.GetAsync("/app/bindings" + query, token: token);
            Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
            return reply.Json().GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("did").GetString()!).ToArray();
        }
    }
}
