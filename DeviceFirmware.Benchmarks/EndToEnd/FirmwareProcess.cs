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

        /// <summary>The Release build on the JIT: <c>dotnet DeviceFirmware.dll</c>.</summary>
        public static string[] JitCommand(string root) => new[] { "dotnet", Path.Combine(root, "DeviceFirmware", "bin", "Release", "net10.0", "DeviceFirmware.dll") };

        public static FirmwareProcess Start(string root, string did, string passcode, int mqttPort, int simPort) =>
            Start(JitCommand(root), root, did, passcode, mqttPort, simPort);

        /// <summary>Starts <paramref name="command"/> (a program and its first arguments) as the firmware on the simulated board.</summary>
        public static FirmwareProcess Start(string[] command, string root, string did, string passcode, int mqttPort, int simPort)
        {
            var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in command.Skip(1).Concat(new[]
            {
                "--board", "simulated", "--did", did, "--passcode", passcode, "--m2m", $"127.0.0.1:{mqttPort}",
                "--product", Path.Combine(root, "hardware", "products", "gokit.json"), "--sim-control", $"127.0.0.1:{simPort}", "--log-level", "error",
            }))
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

        /// <summary>The process id.</summary>
        public int Id => process.Id;

        /// <summary>The resident set size from <c>/proc/&lt;pid&gt;/status</c> (VmRSS), without touching the process.</summary>
        public long Rss()
        {
            string? rssLine = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return rssLine is null ? -1 : long.Parse(rssLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }

        /// <summary>SIGTERM (a clean stop: safe levels, DISCONNECT) and waits up to <paramref name="seconds"/> for the exit.</summary>
        public bool Stop(int seconds)
        {
            if (process.HasExited) return true;
            using (Process kill = Process.Start("kill", new[] { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) }))
            {
                kill.WaitForExit();
            }

            return process.WaitForExit(seconds * 1000);
        }

        /// <summary>The firmware's managed heap (inside the process) and resident set size (from /proc).</summary>
        public async Task<(long ManagedHeap, long Rss)> MemoryAsync()
        {
            using JsonDocument json = JsonDocument.Parse(await sim.GetStringAsync(new Uri("process", UriKind.Relative)).ConfigureAwait(false));
            long heap = json.RootElement.GetProperty("managedHeapBytes").GetInt64();
            return (heap, Rss());
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
