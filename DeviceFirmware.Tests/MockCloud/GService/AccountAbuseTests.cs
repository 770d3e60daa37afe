using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Store;
using DeviceFirmware.Tests.MockCloud.Store;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.GService
{
    /// <summary>
    /// Issue 17, findings 4 and 5: anonymous accounts by any phone_id without limit, unthrottled bind guessing, invalid
    /// UTF-8 answered with a 500, a world-readable database. Each test is the attack that worked on main.
    /// </summary>
    public class AccountAbuseTests
    {
        [Theory]
        [InlineData("a")]
        [InlineData("0123456789abcde")]
        [InlineData("0123456789abcdef/")]
        [InlineData("0123456789abcdef é")]
        public async Task A_short_or_unusual_phone_id_is_refused(string phoneId)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (await cloud.PostJsonAsync("/app/users", new { phone_id = phoneId })).AssertError(400, 9015);
        }

        [Fact]
        public async Task Anonymous_registrations_are_throttled_per_address()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            cloud.Options.AnonymousRegistrationLimit = 3;
            for (int i = 0; i < 3; i++)
            {
                Reply created = await cloud.PostJsonAsync("/app/users", new { phone_id = "android-00000000000" + i });
                Assert.True(created.Status == HttpStatusCode.Created, created.Text);
            }

            (await cloud.PostJsonAsync("/app/users", new { phone_id = "android-000000000009" })).AssertError(429, 9041);
            cloud.Clock.Advance(cloud.Options.LoginFailureWindow);
            Assert.Equal(HttpStatusCode.Created, (await cloud.PostJsonAsync("/app/users", new { phone_id = "android-000000000009" })).Status);
        }

        [Fact]
        public async Task Wrong_bind_passcodes_are_throttled_and_then_even_the_right_one_is_refused_for_a_while()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            string did = await cloud.RegisterDeviceAsync("mac-t", "RIGHTPASSQ");
            (string uid, string token) = await cloud.RegisterAsync("guesser");

            // One request with many guesses counts each of them.
            Reply batch = await cloud.SendJsonAsync(
                HttpMethod.Post,
                "/app/bindings",
                TestCloud.Devices(Guess(did, 1), Guess(did, 2), Guess(did, 3), Guess(did, 4), Guess(did, 5), Guess(did, 6)),
                token: token);
            Assert.Equal(6, batch.Json().GetProperty("failed").GetArrayLength());

            (await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did, passcode = "RIGHTPASSQ" }), token: token)).AssertError(429, 9041);
            Assert.False(cloud.Store.IsBound(uid, did));

            cloud.Clock.Advance(cloud.Options.LoginFailureWindow);
            Reply bound = await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did, passcode = "RIGHTPASSQ" }), token: token);
            Assert.Equal(did, Assert.Single(bound.Json().GetProperty("success").EnumerateArray()).GetString());
        }

        [Theory]
        [InlineData("/app/login")]
        [InlineData("/app/users")]
        public async Task Invalid_utf8_in_a_json_body_is_400_with_the_error_body(string path)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            // 0xC3 0x28: a UTF-8 lead byte followed by one that cannot continue it.
            byte[] body = [.. Encoding.ASCII.GetBytes("{\"username\":\"ab"), 0xC3, 0x28, .. Encoding.ASCII.GetBytes("\",\"password\":\"pw\"}")];
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-Gizwits-Application-Id", TestCloud.AppId);
            (await cloud.SendAsync(request)).AssertError(400, 9015);
        }

        [Fact]
        public void The_database_file_is_created_readable_by_its_owner_only_and_an_existing_one_is_narrowed()
        {
            if (OperatingSystem.IsWindows()) return;
            using var fresh = new TempDatabase();
            using (StoreFactory.Open(new ManualTimeProvider(), fresh.Path))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fresh.Path));
            }

            using var existing = new TempDatabase();
            File.WriteAllBytes(existing.Path, []);
            File.SetUnixFileMode(existing.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            using (StoreFactory.Open(new ManualTimeProvider(), existing.Path))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(existing.Path));
            }
        }

        private static object Guess(string did, int n) => new { did, passcode = "GUESSPASS" + n };
    }
}
