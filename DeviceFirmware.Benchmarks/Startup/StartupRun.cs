using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using DeviceFirmware.Benchmarks.EndToEnd;
using DeviceFirmware.MockCloud.Store;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Benchmarks.Startup
{
    /// <summary>
    /// <c>dotnet run -c Release --project DeviceFirmware.Benchmarks -- startup [--runs N] [--idle-seconds S] [--commands N]</c>:
    /// the firmware on the JIT (<c>dotnet DeviceFirmware.dll</c>) against the same firmware as one native binary
    /// (NativeAOT), alternating, N runs each, on one in-process mock cloud: process start → first status broadcast
    /// received by an App (the firmware broadcasts its full status as soon as it is connected), RSS after S seconds
    /// idle, RSS after N write commands (each answered by 0x0094, one at a time), and what the device must hold.
    /// Ends with <c>start_ratio=</c>, <c>rss_idle_ratio=</c> and <c>rss_commands_ratio=</c> (native / JIT, medians).
    /// </summary>
    internal static class StartupRun
    {
        public static async Task<int> RunAsync(string[] args)
        {
            int runs = BenchRepo.Option(args, "--runs", 5);
            int idleSeconds = BenchRepo.Option(args, "--idle-seconds", 10);
            int commands = BenchRepo.Option(args, "--commands", 10_000);
            string root = BenchRepo.Root;
            Product product = BenchRepo.GoKit();
            var builds = new[]
            {
                new Build("JIT (dotnet DeviceFirmware.dll)", FirmwareProcess.JitCommand(root), JitFootprint(root)),
                Native(root),
            };

            await using BenchCloud cloud = await BenchCloud.StartAsync();
            int port = cloud.MqttPort;
            DeviceRecord device = cloud.BoundDevice(product, "0000000000f2", "STARTUPPC1");
            await using RoundTripApp app = await RoundTripApp.ConnectAsync(port, BenchCloud.AppId, cloud.User.Uid, cloud.User.Token, device.Did);
            await app.SubscribeBroadcastsAsync(device.Did);

            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}");
            Console.WriteLine($"{runs} runs of each build, alternating (after one unmeasured run of each); {idleSeconds} s idle; {commands} commands");
            byte[][] writes = { BenchRepo.WriteRelay(product, 0), BenchRepo.WriteRelay(product, 1) };
            uint sn = 0;
            for (int run = -1; run < runs; run++)
            {
                foreach (Build build in builds)
                {
                    Sample sample = await OneRunAsync(build, root, device, port, app, idleSeconds, commands, writes, () => ++sn);
                    if (run >= 0) build.Samples.Add(sample);
                    Console.WriteLine(FormattableString.Invariant($"{(run < 0 ? "warm-up" : "run " + (run + 1))}: {build.Name}: start {sample.StartMs:0} ms, RSS idle {Mb(sample.RssIdle)} MB, after commands {Mb(sample.RssAfterCommands)} MB, lost {sample.Lost}"));
                }
            }

            Console.WriteLine();
            Console.WriteLine("| build | runs | start → first broadcast (median; min–max) | RSS after idle (median) | RSS after commands (median) | lost replies | on the device |");
            Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|");
            foreach (Build build in builds)
            {
                double[] start = build.Samples.Select(s => s.StartMs).ToArray();
                Console.WriteLine(FormattableString.Invariant(
                    $"| {build.Name} | {build.Samples.Count} | {Median(start):0} ms ({start.Min():0}–{start.Max():0}) | {Mb(Median(build.Samples.Select(s => (double)s.RssIdle)))} MB | {Mb(Median(build.Samples.Select(s => (double)s.RssAfterCommands)))} MB | {build.Samples.Sum(s => s.Lost)} | {build.Footprint} |"));
            }

            Build jit = builds[0], native = builds[1];
            Console.WriteLine();
            Console.WriteLine(FormattableString.Invariant($"start_ratio={Ratio(native, jit, s => s.StartMs):0.00}"));
            Console.WriteLine(FormattableString.Invariant($"rss_idle_ratio={Ratio(native, jit, s => s.RssIdle):0.00}"));
            Console.WriteLine(FormattableString.Invariant($"rss_commands_ratio={Ratio(native, jit, s => s.RssAfterCommands):0.00}"));
            return 0;
        }

        private static async Task<Sample> OneRunAsync(Build build, string root, DeviceRecord device, int port, RoundTripApp app, int idleSeconds, int commands, byte[][] writes, Func<uint> nextSn)
        {
            Task firstBroadcast = app.NextBroadcast();
            var watch = Stopwatch.StartNew();
            using FirmwareProcess firmware = FirmwareProcess.Start(build.Command, root, device.Did, device.Passcode, port, BenchRepo.FreePort());
            await firstBroadcast.WaitAsync(TimeSpan.FromSeconds(120)).ConfigureAwait(false);
            double startMs = watch.Elapsed.TotalMilliseconds;

            await Task.Delay(TimeSpan.FromSeconds(idleSeconds)).ConfigureAwait(false);
            long rssIdle = firmware.Rss();

            int lost = 0;
            for (int i = 0; i < commands; i++)
            {
                uint sn = nextSn();
                byte[] frame = (byte[])writes[sn & 1].Clone();
                BenchRepo.StampSn(frame, sn);
                if (await app.RoundTripAsync(device.Did, frame, sn, TimeSpan.FromSeconds(2)).ConfigureAwait(false) < 0) lost++;
            }

            long rssAfter = firmware.Rss();
            if (!firmware.Stop(20)) throw new InvalidOperationException(build.Name + " did not stop within 20 s of SIGTERM");

            // A status broadcast still in flight from this process (after the last command, or its safe levels at
            // SIGTERM) must not be taken for the next process's first one.
            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            return new Sample(startMs, rssIdle, rssAfter, lost);
        }

        private static Build Native(string root)
        {
            string program = NativeBuild.Program(root);
            long size = new FileInfo(program).Length;
            return new Build("NativeAOT (one native binary)", new[] { program }, $"{Mb(size)} MB: the binary, no runtime");
        }

        // What a Pi needs for the JIT build: the app's assemblies plus the shared .NET runtime it runs on.
        private static string JitFootprint(string root)
        {
            string bin = Path.Combine(root, "DeviceFirmware", "bin", "Release", "net10.0");
            long app = Directory.GetFiles(bin, "*.dll").Sum(f => new FileInfo(f).Length);
            string runtimeDir = RuntimeEnvironment.GetRuntimeDirectory();
            long runtime = Directory.GetFiles(runtimeDir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            return $"{Mb(app)} MB of assemblies + {Mb(runtime)} MB .NET runtime";
        }

        private static double Ratio(Build a, Build b, Func<Sample, double> value) => Median(a.Samples.Select(value)) / Median(b.Samples.Select(value));

        private static double Median(IEnumerable<double> values)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0) return double.NaN;
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        private static string Mb(double bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

        private sealed record Sample(double StartMs, long RssIdle, long RssAfterCommands, int Lost);

        private sealed record Build(string Name, string[] Command, string Footprint)
        {
            public List<Sample> Samples { get; } = new();
        }
    }
}
