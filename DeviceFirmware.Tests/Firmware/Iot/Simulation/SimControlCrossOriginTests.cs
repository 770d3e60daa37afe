using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using DeviceFirmware.Iot.Simulation;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Simulation
{
    /// <summary>
    /// Issue 17: on main, any web page open on the same machine could press the simulated board's buttons and fail its
    /// sensor with a "simple" cross-origin POST (<c>Origin: http://evil.example</c>, <c>Content-Type: text/plain</c>), which
    /// a browser sends without a preflight. Each refusal leaves the pin untouched; curl-like clients (JSON, no Origin) pass.
    /// </summary>
    public sealed class SimControlCrossOriginTests : IAsyncLifetime
    {
        private const int Button = 4;
        private readonly SimulatedBoard board = new();
        private readonly SimControlServer server;
        private HttpClient http = null!;

        public SimControlCrossOriginTests() => server = new SimControlServer(board, "127.0.0.1", 0);

        public Task InitializeAsync()
        {
            server.Start();
            http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            board.PinDriver.OpenInput(Button, pullUp: true);
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            http.Dispose();
            await server.DisposeAsync();
            board.Dispose();
        }

        [Theory]
        [InlineData("http://evil.example", "text/plain", 403)]
        [InlineData("http://evil.example", "application/json", 403)]
        [InlineData("null", "text/plain", 403)]
        [InlineData("http://127.0.0.1:1", "application/json", 403)]
        [InlineData(null, "text/plain", 415)]
        [InlineData(null, "application/x-www-form-urlencoded", 415)]
        [InlineData(null, null, 415)]
        public async Task A_press_from_another_origin_or_without_json_is_refused_and_the_button_is_not_pressed(string? origin, string? contentType, int status)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/pins/{Button}/press");
            if (contentType != null) request.Content = new StringContent(string.Empty, Encoding.UTF8, contentType);
            if (origin != null) request.Headers.Add("Origin", origin);

            using HttpResponseMessage response = await http.SendAsync(request);

            Assert.Equal(status, (int)response.StatusCode);
            Assert.Null(board.Driver.DrivenLevelOf(Button));
        }

        [Fact]
        public async Task A_request_naming_a_foreign_host_is_refused_as_dns_rebinding_would_send_it()
        {
            // HttpListener's loopback prefixes already answer 404; the guard's Host check (403) stands behind them.
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/pins/{Button}/press") { Content = new StringContent(string.Empty, Encoding.UTF8, "application/json") };
            request.Headers.Host = "evil.example:" + server.Port;
            using HttpResponseMessage response = await http.SendAsync(request);
            Assert.False(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
            Assert.Null(board.Driver.DrivenLevelOf(Button));
        }

        [Fact]
        public async Task A_cross_site_fetch_is_refused_even_without_an_origin()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/pins");
            request.Headers.Add("Sec-Fetch-Site", "cross-site");
            using HttpResponseMessage response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("own")]
        public async Task Json_without_origin_or_from_its_own_origin_presses_the_button(string? origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/pins/{Button}/press") { Content = new StringContent(string.Empty, Encoding.UTF8, "application/json") };
            if (origin != null) request.Headers.Add("Origin", $"http://localhost:{server.Port}");
            using HttpResponseMessage response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(false, board.Driver.DrivenLevelOf(Button));
        }
    }
}
