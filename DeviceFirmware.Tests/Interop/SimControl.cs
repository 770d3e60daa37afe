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

        public void Dispose() => http.Dispose();
    }
}
