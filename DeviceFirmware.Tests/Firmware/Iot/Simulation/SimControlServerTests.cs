using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.Iot.Simulation;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Simulation
{
    public class SimControlServerTests : IAsyncLifetime
    {
        private readonly SimulatedBoard board = new();
        private readonly SimControlServer server;
        private HttpClient http = null!;

        public SimControlServerTests()
        {
            server = new SimControlServer(board, "127.0.0.1", 0);
        }

        public Task InitializeAsync()
        {
            server.Start();
            http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            board.PinDriver.OpenInput(4, pullUp: true);
            board.PinDriver.OpenOutput(17, high: false);
            board.PinDriver.OpenPwm(18, 1000, 0.25);
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            http.Dispose();
            await server.DisposeAsync();
            board.Dispose();
        }

        [Fact]
        public void Port_0_binds_a_free_port()
        {
            Assert.NotEqual(0, server.Port);
            Assert.Equal($"http://127.0.0.1:{server.Port}/", server.BaseAddress!.ToString());
        }

        [Fact]
        public async Task Get_pins_lists_the_open_pins()
        {
            JsonElement body = await Call(HttpMethod.Get, "/pins", HttpStatusCode.OK);

            JsonElement[] pins = body.GetProperty("pins").EnumerateArray().ToArray();
            Assert.Equal(new[] { 4, 17, 18 }, pins.Select(p => p.GetProperty("pin").GetInt32()));
            Assert.Equal(new[] { "input-pullup", "output", "pwm" }, pins.Select(p => p.GetProperty("mode").GetString()));
            Assert.True(pins[0].GetProperty("level").GetBoolean());
            Assert.Equal(JsonValueKind.Null, pins[0].GetProperty("driven").ValueKind);
            Assert.False(pins[1].GetProperty("level").GetBoolean());
            Assert.Equal(0.25, pins[2].GetProperty("duty").GetDouble());
            Assert.Equal(1000, pins[2].GetProperty("frequency").GetInt32());
            Assert.True(pins[2].GetProperty("running").GetBoolean());
        }

        [Fact]
        public async Task Get_pin_includes_its_history()
        {
            board.PinDriver.Write(17, true);
            board.PinDriver.Write(17, false);

            JsonElement body = await Call(HttpMethod.Get, "/pins/17", HttpStatusCode.OK);

            Assert.Equal("output", body.GetProperty("mode").GetString());
            JsonElement[] history = body.GetProperty("history").EnumerateArray().ToArray();
            Assert.Equal(new[] { false, true, false }, history.Select(c => c.GetProperty("level").GetBoolean()));
            long[] sequences = history.Select(c => c.GetProperty("sequence").GetInt64()).ToArray();
            Assert.Equal(sequences.OrderBy(s => s), sequences);
        }

        [Fact]
        public async Task Get_pin_of_a_closed_pin_says_closed()
        {
            JsonElement body = await Call(HttpMethod.Get, "/pins/30", HttpStatusCode.OK);

            Assert.Equal("closed", body.GetProperty("mode").GetString());
            Assert.Empty(body.GetProperty("history").EnumerateArray());
        }

        [Fact]
        public async Task Press_and_release_reach_the_firmware()
        {
            JsonElement pressed = await Call(HttpMethod.Post, "/pins/4/press", HttpStatusCode.OK);
            Assert.False(pressed.GetProperty("level").GetBoolean());
            Assert.False(pressed.GetProperty("driven").GetBoolean());
            Assert.False(board.PinDriver.Read(4));

            JsonElement released = await Call(HttpMethod.Post, "/pins/4/release", HttpStatusCode.OK);
            Assert.True(released.GetProperty("level").GetBoolean());
            Assert.True(board.PinDriver.Read(4));
        }

        [Fact]
        public async Task Put_level_drives_and_null_releases()
        {
            await Call(HttpMethod.Put, "/pins/4", HttpStatusCode.OK, "{\"level\": false}");
            Assert.False(board.PinDriver.Read(4));

            await Call(HttpMethod.Put, "/pins/4", HttpStatusCode.OK, "{\"level\": true}");
            Assert.True(board.PinDriver.Read(4));
            Assert.True(board.Driver.DrivenLevelOf(4));

            await Call(HttpMethod.Put, "/pins/4", HttpStatusCode.OK, "{\"level\": null}");
            Assert.Null(board.Driver.DrivenLevelOf(4));
        }

        [Fact]
        public async Task Sensor_routes_set_fail_and_recover()
        {
            JsonElement set = await Call(HttpMethod.Put, "/sensor", HttpStatusCode.OK, "{\"temperature\": 42.5, \"humidity\": 33}");
            Assert.Equal(42.5, set.GetProperty("temperature").GetDouble());
            Assert.True(board.Sensor.TryRead(out double t, out double h));
            Assert.Equal(42.5, t, 0.051);
            Assert.Equal(33, h, 0.051);

            await Call(HttpMethod.Put, "/sensor", HttpStatusCode.OK, "{\"humidity\": 80}");
            Assert.Equal(42.5, board.SensorDevice.Temperature);
            Assert.Equal(80, board.SensorDevice.Humidity);

            JsonElement failed = await Call(HttpMethod.Post, "/sensor/fail", HttpStatusCode.OK);
            Assert.True(failed.GetProperty("failed").GetBoolean());
            Assert.False(board.Sensor.TryRead(out _, out _));

            JsonElement recovered = await Call(HttpMethod.Post, "/sensor/recover", HttpStatusCode.OK);
            Assert.False(recovered.GetProperty("failed").GetBoolean());
            Assert.True(board.Sensor.TryRead(out _, out _));

            JsonElement state = await Call(HttpMethod.Get, "/sensor", HttpStatusCode.OK);
            Assert.Equal(80, state.GetProperty("humidity").GetDouble());
            Assert.True(state.GetProperty("measurements").GetInt64() >= 2); // one measurement per successful read
        }

        [Theory]
        [InlineData("GET", "/pins/abc", null, 400, "not a GPIO number")]
        [InlineData("GET", "/pins/-1", null, 400, "not a GPIO number")]
        [InlineData("GET", "/pins/64", null, 404, "No GPIO 64")]
        [InlineData("POST", "/pins/99999999999/press", null, 400, "not a GPIO number")]
        [InlineData("POST", "/pins/17/press", null, 400, "output")]
        [InlineData("POST", "/pins/18/release", null, 400, "PWM output")]
        [InlineData("PUT", "/pins/17", "{\"level\": true}", 400, "output")]
        [InlineData("PUT", "/pins/4", "{\"level\": tru", 400, "not valid JSON")]
        [InlineData("PUT", "/pins/4", "", 400, "Empty body")]
        [InlineData("PUT", "/pins/4", "[true]", 400, "JSON object")]
        [InlineData("PUT", "/pins/4", "{}", 400, "Missing 'level'")]
        [InlineData("PUT", "/pins/4", "{\"level\": 1}", 400, "'level' must be")]
        [InlineData("PUT", "/pins/4", "{\"lvl\": true}", 400, "Unknown field 'lvl'")]
        [InlineData("PUT", "/sensor", "{\"temperature\": 500}", 400, "outside the SHT3x range")]
        [InlineData("PUT", "/sensor", "{\"humidity\": -1}", 400, "outside 0..100")]
        [InlineData("PUT", "/sensor", "{\"humidity\": \"wet\"}", 400, "must be a number")]
        [InlineData("PUT", "/sensor", "{}", 400, "Nothing to set")]
        [InlineData("PUT", "/sensor", "nope", 400, "not valid JSON")]
        [InlineData("GET", "/nowhere", null, 404, "No route")]
        [InlineData("POST", "/pins/4/wiggle", null, 404, "No route")]
        [InlineData("POST", "/sensor/explode", null, 404, "No route")]
        [InlineData("DELETE", "/pins", null, 405, "use GET")]
        [InlineData("GET", "/pins/4/press", null, 405, "use POST")]
        [InlineData("POST", "/pins/4", null, 405, "use GET, PUT")]
        [InlineData("GET", "/sensor/fail", null, 405, "use POST")]
        public async Task Errors_are_specific_json_and_change_nothing(string method, string path, string? body, int status, string message)
        {
            JsonElement error = await Call(new HttpMethod(method), path, (HttpStatusCode)status, body);

            Assert.Contains(message, error.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.True(board.PinDriver.Read(4));
            Assert.False(board.GetLevel(17));
            Assert.Single(board.History(17));
            Assert.Equal(0.25, board.GetDuty(18));
            Assert.Equal(21.5, board.SensorDevice.Temperature);
            Assert.Equal(45, board.SensorDevice.Humidity);
        }

        [Fact]
        public async Task Wrong_method_says_which_are_allowed()
        {
            using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/pins/4"));

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal("GET, PUT", string.Join(", ", response.Content.Headers.Allow));
        }

        [Fact]
        public async Task Process_reports_the_firmware_memory_for_soak_runs()
        {
            JsonElement process = await Call(HttpMethod.Get, "/process", HttpStatusCode.OK);

            Assert.True(process.GetProperty("managedHeapBytes").GetInt64() > 0);
            Assert.True(process.GetProperty("workingSetBytes").GetInt64() >= process.GetProperty("managedHeapBytes").GetInt64());
            Assert.True(process.GetProperty("allocatedBytes").GetInt64() > 0);
            await Call(HttpMethod.Post, "/process", HttpStatusCode.MethodNotAllowed);
        }

        [Fact]
        public async Task Oversized_body_is_refused()
        {
            string body = "{\"level\": true, \"pad\": \"" + new string('x', SimControlServer.MaxBodyBytes) + "\"}";

            JsonElement error = await Call(HttpMethod.Put, "/pins/4", HttpStatusCode.RequestEntityTooLarge, body);

            Assert.Contains("larger than", error.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Null(board.Driver.DrivenLevelOf(4));
        }

        [Fact]
        public async Task Stopped_server_refuses_connections()
        {
            await server.StopAsync();

            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/pins"));
        }

        private async Task<JsonElement> Call(HttpMethod method, string path, HttpStatusCode expected, string? body = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null || method == HttpMethod.Post || method == HttpMethod.Put)
            {
                request.Content = new StringContent(body ?? string.Empty, Encoding.UTF8, "application/json");
            }

            using HttpResponseMessage response = await http.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(expected == response.StatusCode, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using JsonDocument document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
    }

    public class SimControlServerSetupTests
    {
        [Theory]
        [InlineData("10.0.0.5")]
        [InlineData("0.0.0.0")]
        [InlineData("example.com")]
        public void Non_loopback_hosts_are_refused_unless_allowed(string host)
        {
            using var board = new SimulatedBoard();

            var error = Assert.Throws<ArgumentException>(() => new SimControlServer(board, host, 0));
            Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
            _ = new SimControlServer(board, host, 0, allowNonLoopback: true);
        }

        [Theory]
        [InlineData("127.0.0.1", true)]
        [InlineData("127.1.2.3", true)]
        [InlineData("localhost", true)]
        [InlineData("LOCALHOST", true)]
        [InlineData("::1", true)]
        [InlineData("[::1]", true)]
        [InlineData("192.168.1.2", false)]
        [InlineData("::", false)]
        public void Loopback_detection(string host, bool loopback)
        {
            Assert.Equal(loopback, SimControlServer.IsLoopback(host));
        }

        [Theory]
        [InlineData("127.0.0.1:8081", "127.0.0.1", 8081)]
        [InlineData("localhost:0", "localhost", 0)]
        [InlineData("[::1]:65535", "::1", 65535)]
        public void Endpoint_parses(string text, string host, int port)
        {
            Assert.True(SimControlServer.TryParseEndpoint(text, out string parsedHost, out int parsedPort, out string? error), error);
            Assert.Equal(host, parsedHost);
            Assert.Equal(port, parsedPort);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("8081")]
        [InlineData("127.0.0.1")]
        [InlineData("127.0.0.1:")]
        [InlineData(":8081")]
        [InlineData("127.0.0.1:65536")]
        [InlineData("127.0.0.1:-1")]
        [InlineData("127.0.0.1:80a")]
        [InlineData("::1:8081")]
        [InlineData("[]:8081")]
        public void Bad_endpoints_are_refused_with_a_reason(string? text)
        {
            Assert.False(SimControlServer.TryParseEndpoint(text, out _, out _, out string? error));
            Assert.False(string.IsNullOrEmpty(error));
        }

        [Fact]
        public async Task Two_servers_on_port_0_get_different_ports_and_a_taken_port_is_reported()
        {
            using var board = new SimulatedBoard();
            await using var first = new SimControlServer(board, "127.0.0.1", 0);
            await using var second = new SimControlServer(board, "localhost", 0);
            first.Start();
            second.Start();
            Assert.NotEqual(first.Port, second.Port);

            await using var clash = new SimControlServer(board, "127.0.0.1", first.Port);
            Assert.Throws<HttpListenerException>(() => clash.Start());

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var response = await http.GetAsync(new Uri(second.BaseAddress!, "pins"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
