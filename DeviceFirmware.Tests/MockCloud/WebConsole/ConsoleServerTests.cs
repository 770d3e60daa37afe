using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Cloud;
using DeviceFirmware.MockCloud.Store;
using DeviceFirmware.MockCloud.WebConsole;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.WebConsole
{
    /// <summary>The console's HTTP side without a browser: the session cookie, the CSRF checks, the board proxy's requests.</summary>
    public class ConsoleServerTests
    {
        [Fact]
        public async Task Sign_in_sets_an_HttpOnly_SameSite_Strict_cookie_and_never_hands_out_the_token()
        {
            await using MockCloudHost cloud = await StartCloudAsync();
            using var http = NewClient(cloud, out _);
            using HttpResponseMessage registered = await PostAsync(http, "api/register", "{\"username\":\"carol\",\"password\":\"carol-password-1\"}", "sign-in");
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            string cookie = Assert.Single(registered.Headers.GetValues("Set-Cookie"));
            Assert.StartsWith(ConsoleEndpointsCookie + "=", cookie, StringComparison.Ordinal);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/console", cookie, StringComparison.OrdinalIgnoreCase);

            using JsonDocument me = JsonDocument.Parse(await registered.Content.ReadAsStringAsync());
            Assert.Equal("carol", me.RootElement.GetProperty("user").GetString());
            Assert.False(me.RootElement.TryGetProperty("token", out _));

            // The user token GService issued is in neither the cookie nor any answer the page gets.
            string uid = me.RootElement.GetProperty("uid").GetString()!;
            Assert.NotEqual(TokenStatus.Valid, cloud.Store.CheckToken(CookieValue(cookie), out _));
            Assert.DoesNotContain(uid, CookieValue(cookie), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("no token", "application/json", null, false, HttpStatusCode.Forbidden)]
        [InlineData("wrong token", "application/json", null, true, HttpStatusCode.Forbidden)]
        [InlineData("foreign origin", "application/json", "http://evil.example", true, HttpStatusCode.Forbidden)]
        [InlineData("form post", "application/x-www-form-urlencoded", null, true, HttpStatusCode.UnsupportedMediaType)]
        public async Task A_state_changing_request_without_the_CSRF_proofs_is_refused_and_changes_nothing(string why, string contentType, string? origin, bool sendHeader, HttpStatusCode expected)
        {
            await using MockCloudHost cloud = await StartCloudAsync();
            using var http = NewClient(cloud, out _);
            string csrf = await SignInAsync(http);
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/logout") { Content = new StringContent("{}", Encoding.UTF8, contentType) };
            if (sendHeader) request.Headers.Add(ConsoleEndpointsCsrfHeader, why == "wrong token" ? csrf[..^1] + "x" : csrf);
            if (origin != null) request.Headers.Add("Origin", origin);
            using HttpResponseMessage refused = await http.SendAsync(request);
            Assert.Equal(expected, refused.StatusCode);

            // Still signed in: the refused sign-out changed nothing.
            using JsonDocument me = JsonDocument.Parse(await http.GetStringAsync("api/me"));
            Assert.Equal("dave", me.RootElement.GetProperty("user").GetString());
            using HttpResponseMessage done = await PostAsync(http, "api/logout", "{}", csrf);
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            using JsonDocument after = JsonDocument.Parse(await http.GetStringAsync("api/me"));
            Assert.Equal(JsonValueKind.Null, after.RootElement.GetProperty("user").ValueKind);
        }

        [Fact]
        public async Task The_board_panel_reaches_the_board_server_side_with_JSON_bodies_and_no_Origin()
        {
            await using MockCloudHost cloud = await StartCloudAsync();
            using var board = new FakeBoard();
            cloud.Console.Options.Boards.Set(null, board.Address);
            Product gokit = ProductJson.Load(RepoPaths.Product("gokit"));
            Assert.True(cloud.Store.TryRegisterDevice(gokit.ProductKey, "aabbccddeeff", "PASSCODE01", "normal", out DeviceRecord? device));
            using var http = NewClient(cloud, out _);
            string csrf = await SignInAsync(http);
            using (HttpResponseMessage bound = await PostAsync(http, "api/bindings", $"{{\"did\":\"{device!.Did}\",\"passcode\":\"PASSCODE01\"}}", csrf))
            {
                Assert.Equal(HttpStatusCode.OK, bound.StatusCode);
            }

            using var press = new HttpRequestMessage(HttpMethod.Post, $"api/devices/{device.Did}/board/pins/27/press") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            press.Headers.Add(ConsoleEndpointsCsrfHeader, csrf);
            press.Headers.Add("Origin", http.BaseAddress!.GetLeftPart(UriPartial.Authority));
            using (HttpResponseMessage pressed = await http.SendAsync(press)) Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
            using (var sensor = new HttpRequestMessage(HttpMethod.Put, $"api/devices/{device.Did}/board/sensor") { Content = new StringContent("{\"temperature\":45,\"colour\":\"red\"}", Encoding.UTF8, "application/json") })
            {
                sensor.Headers.Add(ConsoleEndpointsCsrfHeader, csrf);
                using HttpResponseMessage set = await http.SendAsync(sensor);
                Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            }

            FakeBoard.Seen[] seen = board.Requests;
            Assert.Equal(new[] { "POST /pins/27/press", "PUT /sensor" }, seen.Select(r => r.Method + " " + r.Path));
            Assert.All(seen, r => Assert.Null(r.Origin));
            Assert.All(seen, r => Assert.Equal("application/json", r.ContentType));
            Assert.Equal("{}", seen[0].Body);
            Assert.Equal("{\"temperature\":45}", seen[1].Body);
        }

        [Theory]
        [InlineData("127.0.0.1:8081", true)]
        [InlineData("abcDEF123=127.0.0.1:8081", true)]
        [InlineData("localhost:8081", true)]
        [InlineData("10.1.2.3:8081", false)]
        [InlineData("127.0.0.1:0", false)]
        [InlineData("bad/did=127.0.0.1:8081", false)]
        [InlineData("127.0.0.1", false)]
        public void The_sim_control_option_takes_a_loopback_board_for_one_DID_or_every_device(string option, bool accepted)
        {
            var boards = new ConsoleBoards();
            if (!accepted)
            {
                Assert.Throws<FormatException>(() => boards.Add(option));
                Assert.Null(boards.Find("abcDEF123"));
                return;
            }

            boards.Add(option);
            Assert.Equal(8081, boards.Find("abcDEF123")!.Port);
            Assert.Equal(option.Contains('=', StringComparison.Ordinal), boards.Find("other") == null);
        }

        private const string ConsoleEndpointsCookie = "giz_console";
        private const string ConsoleEndpointsCsrfHeader = "X-Console-Csrf";

        private static async Task<MockCloudHost> StartCloudAsync()
        {
            var options = new MockCloudOptions
            {
                Http = new IPEndPoint(IPAddress.Loopback, 0),
                Mqtt = new IPEndPoint(IPAddress.Loopback, 0),
                Mqtts = null,
                Database = CloudStore.InMemory,
            };
            options.ProductFiles.Add(RepoPaths.Product("gokit"));
            return await MockCloudHost.StartAsync(options, NullLoggerFactory.Instance);
        }

        private static HttpClient NewClient(MockCloudHost cloud, out CookieContainer cookies)
        {
            cookies = new CookieContainer();
            return new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(cloud.ConsoleAddress + "/") };
        }

        private static async Task<string> SignInAsync(HttpClient http)
        {
            using HttpResponseMessage registered = await PostAsync(http, "api/register", "{\"username\":\"dave\",\"password\":\"dave-password-1\"}", "sign-in");
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            using JsonDocument me = JsonDocument.Parse(await registered.Content.ReadAsStringAsync());
            return me.RootElement.GetProperty("csrf").GetString()!;
        }

        private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json, string csrf)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add(ConsoleEndpointsCsrfHeader, csrf);
            return http.SendAsync(request);
        }

        private static string CookieValue(string setCookie) => setCookie.Split(';')[0].Split('=', 2)[1];

        /// <summary>A stand-in for the simulated board's control API that records what it was sent.</summary>
        private sealed class FakeBoard : IDisposable
        {
            private readonly HttpListener listener = new();
            private readonly ConcurrentQueue<Seen> requests = new();
            private readonly CancellationTokenSource stop = new();

            public FakeBoard()
            {
                int port = FreePort.Next();
                Address = new Uri($"http://127.0.0.1:{port}/");
                listener.Prefixes.Add(Address.ToString());
                listener.Start();
                _ = Task.Run(ServeAsync);
            }

            public Uri Address { get; }

            public Seen[] Requests => requests.ToArray();

            public void Dispose()
            {
                stop.Cancel();
                listener.Close();
                stop.Dispose();
            }

            private async Task ServeAsync()
            {
                while (!stop.IsCancellationRequested)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await listener.GetContextAsync();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }

                    using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                    string body = await reader.ReadToEndAsync();
                    requests.Enqueue(new Seen(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Origin"], context.Request.ContentType, body));
                    byte[] answer = Encoding.UTF8.GetBytes("{\"ok\":true}");
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(answer);
                    context.Response.Close();
                }
            }

            public sealed record Seen(string Method, string Path, string? Origin, string? ContentType, string Body);
        }
    }
}
