using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Store;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Benchmarks.EndToEnd
{
    /// <summary>
    /// <c>dotnet run -c Release --project DeviceFirmware.Benchmarks -- e2e [--commands N] [--soak N]</c>: (a) the raw
    /// MQTT echo round trip through the mock cloud's broker (a bare MQTTnet device in its own process, like the
    /// firmware), (b) App → firmware 0x0093 write → pin → 0x0094 through the same broker; p50, p99 and commands/s of each, then a soak of the firmware with its memory before and after and
    /// the lost replies, ending with <c>p50_ratio=</c> and <c>p99_ratio=</c>.
    /// </summary>
    internal static class EndToEndRun
    {
        private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(2);

        public static async Task<int> RunAsync(string[] args)
        {
            int commands = BenchRepo.Option(args, "--commands", 10000);
            int warmup = BenchRepo.Option(args, "--warmup", 3000);
            int soak = BenchRepo.Option(args, "--soak", 100_000);
            string root = BenchRepo.Root;
            Product product = BenchRepo.GoKit();

            await using BenchCloud cloud = await BenchCloud.StartAsync();
            int port = cloud.MqttPort;
            DeviceRecord echo = cloud.BoundDevice(product, "0000000000e1", "ECHOPASSCD");
            DeviceRecord device = cloud.BoundDevice(product, "0000000000f1", "FIRMWAREPC");
            UserSession user = cloud.User;

            using Process echoDevice = StartEchoDevice(port, echo.Did, echo.Passcode);
            using FirmwareProcess firmware = FirmwareProcess.Start(root, device.Did, device.Passcode, port, BenchRepo.FreePort());
            firmware.WaitConnected();
            await using RoundTripApp app = await RoundTripApp.ConnectAsync(port, BenchCloud.AppId, user.Uid, user.Token, echo.Did, device.Did);

            byte[][] writes = { BenchRepo.WriteRelay(product, 0), BenchRepo.WriteRelay(product, 1) };
            uint sn = 0;
            async Task<List<double>> Measure(string did, int count)
            {
                var samples = new List<double>(count);
                for (int i = 0; i < count; i++)
                {
                    sn++;
                    byte[] frame = (byte[])writes[sn & 1].Clone();
                    BenchRepo.StampSn(frame, sn);
                    samples.Add(await app.RoundTripAsync(did, frame, sn, ReplyTimeout));
                }

                return samples;
            }

            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            Console.WriteLine($"warm-up {warmup} round trips each, then {commands} measured, one at a time (no pipelining)");
            await Measure(echo.Did, warmup);
            await Measure(device.Did, warmup);

            // Interleaved in blocks so that machine noise falls on both alike.
            var echoSamples = new List<double>();
            var firmwareSamples = new List<double>();
            for (int block = 0; block < 10; block++)
            {
                echoSamples.AddRange(await Measure(echo.Did, commands / 10));
                firmwareSamples.AddRange(await Measure(device.Did, commands / 10));
            }

            Console.WriteLine();
            Console.WriteLine("| path | round trips | p50 (µs) | p99 (µs) | commands/s | lost |");
            Console.WriteLine("|---|--:|--:|--:|--:|--:|");
            (double echoP50, double echoP99) = Row("(a) MQTT echo through the broker (bare MQTTnet device)", echoSamples);
            (double fwP50, double fwP99) = Row("(b) 0x0093 write → firmware → pin → 0x0094", firmwareSamples);

            if (soak > 0)
            {
                Console.WriteLine();
                await Measure(device.Did, 2000);
                GC.Collect();
                (long heapBefore, long rssBefore) = await firmware.MemoryAsync();
                List<double> soakSamples = await Measure(device.Did, soak);
                (long heapAfter, long rssAfter) = await firmware.MemoryAsync();
                int lost = soakSamples.Count(s => s < 0);
                Console.WriteLine($"soak: {soak} commands to the firmware, lost replies: {lost}");
                Console.WriteLine($"soak: firmware managed heap {Mb(heapBefore)} -> {Mb(heapAfter)} MB, RSS {Mb(rssBefore)} -> {Mb(rssAfter)} MB");
                Row("(b) during the soak", soakSamples);
            }

            Console.WriteLine();
            Console.WriteLine(FormattableString.Invariant($"p50_ratio={fwP50 / echoP50:0.00}"));
            Console.WriteLine(FormattableString.Invariant($"p99_ratio={fwP99 / echoP99:0.00}"));
            echoDevice.StandardInput.Close();
            echoDevice.WaitForExit(5000);
            return 0;
        }

        private static Process StartEchoDevice(int port, string did, string passcode)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string arg in new[] { typeof(EndToEndRun).Assembly.Location, "echo-device", port.ToString(CultureInfo.InvariantCulture), did, passcode }) info.ArgumentList.Add(arg);
            Process process = Process.Start(info) ?? throw new InvalidOperationException("echo device did not start");
            string? line = process.StandardOutput.ReadLine();
            if (line != "echo device connected") throw new InvalidOperationException("echo device: " + line);
            return process;
        }

        private static (double P50, double P99) Row(string name, List<double> samples)
        {
            double[] ok = samples.Where(s => s >= 0).OrderBy(s => s).ToArray();
            int lost = samples.Count - ok.Length;
            double p50 = Percentile(ok, 0.50);
            double p99 = Percentile(ok, 0.99);
            double perSecond = ok.Length / (ok.Sum() / 1_000_000.0);
            Console.WriteLine(FormattableString.Invariant($"| {name} | {samples.Count} | {p50:0} | {p99:0} | {perSecond:0} | {lost} |"));
            return (p50, p99);
        }

        private static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

        private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
    }
}
