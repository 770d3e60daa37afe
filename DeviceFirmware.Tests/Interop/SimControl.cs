using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.Tests.Support;

namespace DeviceFirmware.Tests.Interop
{
    /// <summary>Reads the simulated board through the firmware's <c>--sim-control</c> HTTP API, from another process.</summary>
    internal sealed class SimControl : IDisposable
    {
        private readonly HttpClient http;

        public SimControl(int port) => http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        /// <summary>The simulated board file's pins for the relay and the indicator LED.</summary>
        public static (int Relay, int Indicator) Pins()
        {
            using JsonDocument board = JsonDocument.Parse(File.ReadAllText(RepoPaths.Board("simulated")));
            int relay = board.RootElement.GetProperty("outputs").EnumerateArray().First(o => o.GetProperty("point").GetString() == "Relay").GetProperty("pin").GetInt32();
            int indicator = board.RootElement.GetProperty("indicator").GetProperty("pin").GetInt32();
            return (relay, indicator);
        }

        public async Task<bool> LevelAsync(int pin)
        {
            using JsonDocument json = JsonDocument.Parse(await http.GetStringAsync(new Uri($"pins/{pin}", UriKind.Relative)));
            return json.RootElement.GetProperty("level").GetBoolean();
        }

        /// <summary>Waits (up to 10 s; a failure, not a measurement) until <paramref name="pin"/> is at <paramref name="level"/>.</summary>
        public async Task WaitForLevelAsync(int pin, bool level, string what)
        {
            DateTime give = DateTime.UtcNow.AddSeconds(10);
            while (await LevelAsync(pin) != level)
            {
                if (DateTime.UtcNow > give) throw new Xunit.Sdk.XunitException(what + ": not within 10 s");
                await Task.Delay(50);
            }
        }

        /// <summary>The PWM duty cycle (0..1) of <paramref name="pin"/>.</summary>
        public async Task<double> DutyAsync(int pin)
        {
            using JsonDocument json = await GetAsync($"pins/{pin}");
            return json.RootElement.GetProperty("duty").GetDouble();
        }

        /// <summary>The levels <paramref name="pin"/> changed to, oldest first (the firmware's opening level included).</summary>
        public async Task<bool[]> HistoryAsync(int pin)
        {
            using JsonDocument json = await GetAsync($"pins/{pin}");
            return json.RootElement.GetProperty("history").EnumerateArray().Select(c => c.GetProperty("level").GetBoolean()).ToArray();
        }

        /// <summary>Presses the button on input <paramref name="pin"/> (POST /pins/{n}/press).</summary>
        public Task PressAsync(int pin) => PostAsync($"pins/{pin}/press", null);

        /// <summary>Releases the button on input <paramref name="pin"/>.</summary>
        public Task ReleaseAsync(int pin) => PostAsync($"pins/{pin}/release", null);

        /// <summary>The simulated SHT3x's next measurement (PUT /sensor).</summary>
        public async Task SetClimateAsync(double temperature, double humidity)
        {
            string body = FormattableString.Invariant($"{{\"temperature\": {temperature}, \"humidity\": {humidity}}}");
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await http.PutAsync(new Uri("sensor", UriKind.Relative), content);
            await EnsureOkAsync(response, "PUT /sensor");
        }

        /// <summary>Unplugs the sensor (POST /sensor/fail).</summary>
        public Task FailSensorAsync() => PostAsync("sensor/fail", null);

        /// <summary>Plugs the sensor back (POST /sensor/recover).</summary>
        public Task RecoverSensorAsync() => PostAsync("sensor/recover", null);

        /// <summary>How many measurements the simulated sensor has made (each poll of the firmware is one).</summary>
        public async Task<long> MeasurementsAsync()
        {
            using JsonDocument json = await GetAsync("sensor");
            return json.RootElement.GetProperty("measurements").GetInt64();
        }

        public void Dispose() => http.Dispose();

        private async Task<JsonDocument> GetAsync(string path) => JsonDocument.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative)));

        private async Task PostAsync(string path, HttpContent? content)
        {
            // sim-control refuses a POST without Content-Type: application/json (SimControlRequestGuard).
            using HttpContent body = content ?? new StringContent(string.Empty, System.Text.Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await http.PostAsync(new Uri(path, UriKind.Relative), body);
            await EnsureOkAsync(response, "POST /" + path);
        }

        private static async Task EnsureOkAsync(HttpResponseMessage response, string what)
        {
            if (!response.IsSuccessStatusCode) throw new Xunit.Sdk.XunitException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
