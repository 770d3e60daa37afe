using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.GService
{
    public class BadInputTests
    {
        private static readonly string[] Fragments =
        {
            "{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e999", "-0", "\"username\"", "\"password\"", "\"devices\"",
            "\"did\"", "\"passcode\"", "\"phone_id\"", "\\u0000", "\\ud800", "\u00ff", "'", ";", "--", "%", "&", "=", "+", " ",
        };

        [Theory]
        [InlineData("/app/users", "POST", "application/json")]
        [InlineData("/app/login", "POST", "application/json")]
        [InlineData("/app/bindings", "POST", "application/json")]
        [InlineData("/app/bindings", "DELETE", "application/json")]
        [InlineData("/dev/devices", "POST", "application/x-www-form-urlencoded")]
        public async Task Random_bodies_get_a_documented_error_or_an_answer_never_a_500(string path, string method, string contentType)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            cloud.Options.LoginFailureLimit = int.MaxValue;
            (_, string token) = await cloud.RegisterAsync("fuzz");
            var random = new Random(5); // seeded: a failure reproduces
            for (int round = 0; round < 150; round++)
            {
                byte[] body = Body(random, round);
                var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                request.Headers.Add("X-Gizwits-Application-Id", TestCloud.AppId);
                request.Headers.Add("X-Gizwits-User-token", token);
                Reply reply = await cloud.SendAsync(request);
                int status = (int)reply.Status;
                string shown = Convert.ToHexString(body);
                Assert.True(status < 500, $"HTTP {status} for body {shown}: {reply.Text}");
                if (status >= 400)
                {
                    int code = reply.Json().GetProperty("error_code").GetInt32();
                    Assert.True(code is 9015 or 9016 or 9005 or 9020, $"code {code} for body {shown}");
                }
            }
        }

        private static byte[] Body(Random random, int round)
        {
            if (round % 3 == 0)
            {
                byte[] raw = new byte[random.Next(0, 64)];
                random.NextBytes(raw);
                return raw;
            }

            var text = new StringBuilder();
            int parts = random.Next(0, 24);
            for (int i = 0; i < parts; i++) text.Append(Fragments[random.Next(Fragments.Length)]);
            return Encoding.UTF8.GetBytes(text.ToString());
        }
    }
}
