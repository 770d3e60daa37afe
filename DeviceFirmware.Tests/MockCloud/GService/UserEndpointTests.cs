using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.GService
{
    public class UserEndpointTests
    {
        [Fact]
        public async Task Register_by_username_answers_201_with_uid_token_and_expiry()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            Reply reply = await cloud.PostJsonAsync("/app/users", new { username = "alice", password = "pw" });
            Assert.Equal(HttpStatusCode.Created, reply.Status);
            Assert.Equal("application/json", reply.ContentType);
            JsonElement json = reply.Json();
            Assert.Matches("^[0-9a-f]{32}$", json.GetProperty("uid").GetString());
            Assert.Matches("^[0-9a-f]{32}$", json.GetProperty("token").GetString());
            Assert.Equal((cloud.Clock.GetUtcNow() + TimeSpan.FromDays(7)).ToUnixTimeSeconds(), json.GetProperty("expire_at").GetInt64());
        }

        [Fact]
        public async Task Register_by_email_then_login_with_the_email()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            Reply reply = await cloud.PostJsonAsync("/app/users", new { email = "bob@example.com", password = "pw" });
            Assert.Equal(HttpStatusCode.Created, reply.Status);
            Reply login = await cloud.PostJsonAsync("/app/login", new { username = "bob@example.com", password = "pw" });
            Assert.Equal(HttpStatusCode.OK, login.Status);
            Assert.Equal(reply.Json().GetProperty("uid").GetString(), login.Json().GetProperty("uid").GetString());
        }

        [Fact]
        public async Task Register_anonymously_by_phone_id_gives_the_same_uid_each_time()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            Reply first = await cloud.PostJsonAsync("/app/users", new { phone_id = "phone-123-4567890ab" });
            Reply second = await cloud.PostJsonAsync("/app/users", new { phone_id = "phone-123-4567890ab" });
            Assert.Equal(HttpStatusCode.Created, first.Status);
            Assert.Equal(HttpStatusCode.Created, second.Status);
            Assert.Equal(first.Json().GetProperty("uid").GetString(), second.Json().GetProperty("uid").GetString());
            Assert.NotEqual(first.Json().GetProperty("token").GetString(), second.Json().GetProperty("token").GetString());
        }

        [Fact]
        public async Task Login_issues_a_new_token_and_the_old_one_keeps_working()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (string uid, string oldToken) = await cloud.RegisterAsync("carol", "secret");
            Reply login = await cloud.PostJsonAsync("/app/login", new { username = "carol", password = "secret" });
            Assert.Equal(HttpStatusCode.OK, login.Status);
            JsonElement json = login.Json();
            Assert.Equal(uid, json.GetProperty("uid").GetString());
            string newToken = json.GetProperty("token").GetString()!;
            Assert.NotEqual(oldToken, newToken);
            Assert.Equal(HttpStatusCode.OK, (await cloud.GetAsync("/app/bindings", token: oldToken)).Status);
            Assert.Equal(HttpStatusCode.OK, (await cloud.GetAsync("/app/bindings", token: newToken)).Status);
        }

        [Theory]
        [InlineData("/app/users")]
        [InlineData("/app/login")]
        public async Task A_missing_or_unknown_application_id_is_9003(string path)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (await cloud.PostJsonAsync(path, new { username = "u", password = "p" }, appId: null)).AssertError(400, 9003);
            (await cloud.PostJsonAsync(path, new { username = "u", password = "p" }, appId: "not-an-app")).AssertError(400, 9003);
            Assert.Equal(DeviceFirmware.MockCloud.Store.LoginOutcome.UnknownUser, LoginOutcomeFor(cloud, "u"));
        }

        [Fact]
        public async Task A_taken_username_is_9019_and_the_first_password_still_works()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            await cloud.RegisterAsync("dave@example.com", "first");
            (await cloud.PostJsonAsync("/app/users", new { username = "dave@example.com", password = "second" })).AssertError(400, 9019);

            // Login accepts a username or an email, so they share one namespace, without regard to case.
            (await cloud.PostJsonAsync("/app/users", new { email = "DAVE@example.com", password = "second" })).AssertError(400, 9019);
            Assert.Equal(HttpStatusCode.OK, (await cloud.PostJsonAsync("/app/login", new { username = "dave@example.com", password = "first" })).Status);
            (await cloud.PostJsonAsync("/app/login", new { username = "dave@example.com", password = "second" })).AssertError(400, 9020);
        }

        [Theory]
        [InlineData("{\"username\":\"u\"}")]
        [InlineData("{\"password\":\"p\"}")]
        [InlineData("{\"username\":\"\",\"password\":\"p\"}")]
        [InlineData("{\"username\":\"u\",\"password\":\"\"}")]
        [InlineData("{\"username\":5,\"password\":\"p\"}")]
        [InlineData("{\"username\":\"u\",\"password\":null}")]
        [InlineData("{\"username\":\"u\",\"email\":\"u@x\",\"password\":\"p\"}")]
        [InlineData("{\"phone_id\":\"p\",\"password\":\"p\"}")]
        [InlineData("{\"email\":\"no-at-sign\",\"password\":\"p\"}")]
        [InlineData("{\"username\":\"a\\u0000b\",\"password\":\"p\"}")]
        [InlineData("{\"username\":\"u\",\"password\":\"p\",\"username\":\"v\"}")]
        [InlineData("[]")]
        [InlineData("\"text\"")]
        [InlineData("{\"username\":\"u\",")]
        [InlineData("not json at all")]
        [InlineData("")]
        public async Task A_malformed_register_body_is_9015_and_registers_nobody(string body)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (await cloud.SendJsonAsync(HttpMethod.Post, "/app/users", body)).AssertError(400, 9015);
            Assert.Equal(DeviceFirmware.MockCloud.Store.LoginOutcome.UnknownUser, LoginOutcomeFor(cloud, "u"));
        }

        [Fact]
        public async Task A_username_longer_than_256_characters_is_9015()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (await cloud.PostJsonAsync("/app/users", new { username = new string('x', 257), password = "p" })).AssertError(400, 9015);
            Assert.Equal(HttpStatusCode.Created, (await cloud.PostJsonAsync("/app/users", new { username = new string('x', 256), password = "p" })).Status);
        }

        [Theory]
        [InlineData("text/plain")]
        [InlineData("application/x-www-form-urlencoded")]
        public async Task A_body_that_is_not_declared_json_is_9015(string contentType)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (await cloud.SendJsonAsync(HttpMethod.Post, "/app/users", "{\"username\":\"u\",\"password\":\"p\"}", contentType: contentType)).AssertError(400, 9015);
            (await cloud.SendJsonAsync(HttpMethod.Post, "/app/login", "{\"username\":\"u\",\"password\":\"p\"}", contentType: contentType)).AssertError(400, 9015);
        }

        [Fact]
        public async Task A_body_over_the_cap_is_9015_whether_or_not_its_length_is_declared()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            string big = "{\"username\":\"u\",\"password\":\"p\",\"pad\":\"" + new string('x', 70 * 1024) + "\"}";
            (await cloud.SendJsonAsync(HttpMethod.Post, "/app/users", big)).AssertError(400, 9015);

            var chunked = new HttpRequestMessage(HttpMethod.Post, "/app/users")
            {
                Content = new StreamContent(new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(big))),
            };
            chunked.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            chunked.Headers.TransferEncodingChunked = true;
            chunked.Headers.Add("X-Gizwits-Application-Id", TestCloud.AppId);
            (await cloud.SendAsync(chunked)).AssertError(400, 9015);
            Assert.Equal(DeviceFirmware.MockCloud.Store.LoginOutcome.UnknownUser, LoginOutcomeFor(cloud, "u"));
        }

        [Fact]
        public async Task Login_of_an_unknown_user_is_9005_and_a_wrong_password_is_9020()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            await cloud.RegisterAsync("erin", "right");
            (await cloud.PostJsonAsync("/app/login", new { username = "nobody", password = "right" })).AssertError(400, 9005);
            (await cloud.PostJsonAsync("/app/login", new { username = "erin", password = "wrong" })).AssertError(400, 9020);
        }

        [Theory]
        [InlineData("{\"username\":\"erin\"}")]
        [InlineData("{\"password\":\"right\"}")]
        [InlineData("{\"username\":[\"erin\"],\"password\":\"right\"}")]
        [InlineData("{bad")]
        public async Task A_malformed_login_body_is_9015(string body)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (await cloud.SendJsonAsync(HttpMethod.Post, "/app/login", body)).AssertError(400, 9015);
        }

        [Fact]
        public async Task Five_failed_logins_for_a_user_throttle_the_next_with_429_9041_until_the_window_passes()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            await cloud.RegisterAsync("frank", "right");
            for (int i = 0; i < 5; i++) (await cloud.PostJsonAsync("/app/login", new { username = "frank", password = "wrong" + i })).AssertError(400, 9020);

            // Even the right password is refused while throttled: that is what stops guessing.
            (await cloud.PostJsonAsync("/app/login", new { username = "frank", password = "right" })).AssertError(429, 9041);
            (await cloud.PostJsonAsync("/app/login", new { username = "FRANK", password = "right" })).AssertError(429, 9041);

            cloud.Clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(HttpStatusCode.OK, (await cloud.PostJsonAsync("/app/login", new { username = "frank", password = "right" })).Status);
        }

        [Fact]
        public async Task Failed_logins_from_one_address_across_names_are_throttled_too()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            await cloud.RegisterAsync("gina", "right");
            for (int i = 0; i < 5; i++) (await cloud.PostJsonAsync("/app/login", new { username = "ghost" + i, password = "x" })).AssertError(400, 9005);
            (await cloud.PostJsonAsync("/app/login", new { username = "gina", password = "right" })).AssertError(429, 9041);
            cloud.Clock.Advance(TimeSpan.FromMinutes(4));
            (await cloud.PostJsonAsync("/app/login", new { username = "gina", password = "right" })).AssertError(429, 9041);
            cloud.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(HttpStatusCode.OK, (await cloud.PostJsonAsync("/app/login", new { username = "gina", password = "right" })).Status);
        }

        [Fact]
        public async Task The_failure_limit_is_configurable()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            cloud.Options.LoginFailureLimit = 2;
            await cloud.RegisterAsync("hank", "right");
            for (int i = 0; i < 2; i++) (await cloud.PostJsonAsync("/app/login", new { username = "hank", password = "wrong" })).AssertError(400, 9020);
            (await cloud.PostJsonAsync("/app/login", new { username = "hank", password = "right" })).AssertError(429, 9041);
        }

        [Fact]
        public async Task A_successful_login_does_not_count_towards_the_throttle()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            await cloud.RegisterAsync("ivy", "right");
            for (int i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await cloud.PostJsonAsync("/app/login", new { username = "ivy", password = "right" })).Status);
        }

        private static DeviceFirmware.MockCloud.Store.LoginOutcome LoginOutcomeFor(TestCloud cloud, string name) => cloud.Store.Login(name, "p", out _);
    }
}
