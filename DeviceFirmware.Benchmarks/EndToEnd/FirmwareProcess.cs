using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DeviceFirmware.Benchmarks.EndToEnd
{
    /// <summary>The real firmware (Release build) on the simulated board, with its control API for memory readings.</summary>
    internal sealed class FirmwareProcess : IDisposable
    {
        private readonly Process process;
        private readonly ConcurrentQueue<string> lines = new();
        private readonly HttpClient sim;

        private FirmwareProcess(Process process, int simPort)
        {
            this.process = process;
            sim = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{simPort}/") };
        }

        public static FirmwareProcess Start(string root, string did, string passcode, int mqttPort, int simPort)
        {
            string dll = Path.Combine(root, "DeviceFirmware", "bin", "Release", "net10.0", "DeviceFirmware.dll");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in new[]
            {
                dll, "--board", "simulated", "--did", did, "--passcode", passcode, "--m2m", $"127.0.0.1:{mqttPort}",
                "--product", Path.Combine(root, "hardware", "products", "gokit.json"), "--sim-control", $"127.0.0.1:{simPort}", "--log-level", "error",
            })
            {
                info.ArgumentList.Add(arg);
            }

            var process = new Process { StartInfo = info };
            var firmware = new FirmwareProcess(process, simPort);
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) firmware.lines.Enqueue(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) firmware.lines.Enqueue(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return firmware;
        }

        public void WaitConnected()
        {
            DateTime give = DateTime.UtcNow.AddSeconds(60);
            while (!lines.Any(l => l.Contains("Connected to", StringComparison.Ordinal)))
            {
                if (process.HasExited || DateTime.UtcNow > give) throw new InvalidOperationException("firmware did not connect: " + string.Join("\n", lines));
                Thread.Sleep(50);
            }
        }

        /// <summary>The firmware's managed heap (inside the process) and resident set size (from /proc).</summary>
        public async Task<(long ManagedHeap, long Rss)> MemoryAsync()
        {
            using JsonDocument json = JsonDocument.Parse(await sim.GetStringAsync(new Uri("process", UriKind.Relative)).ConfigureAwait(false));
            long heap = json.RootElement.GetProperty("managedHeapBytes").GetInt64();
            string? rssLine = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            long rss = rssLine is null ? -1 : long.Parse(rssLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            return (heap, rss);
        }

        public void Dispose()
        {
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // gone
            }

            process.Dispose();
            sim.Dispose();
        }
    }
}
