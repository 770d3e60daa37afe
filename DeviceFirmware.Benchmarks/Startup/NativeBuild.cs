using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace DeviceFirmware.Benchmarks.Startup
{
    /// <summary>
    /// The firmware published as one native binary (NativeAOT) for this machine's RID, once per firmware build: cached
    /// under the temp folder, keyed by a hash of the firmware's build output, in an artifacts folder of its own (the
    /// solution's obj/ and bin/ are not touched). A NativeAOT compile takes minutes; an unchanged firmware is not compiled again.
    /// </summary>
    internal static class NativeBuild
    {
        /// <summary>The native binary, publishing it first when this firmware build has none yet.</summary>
        public static string Program(string root)
        {
            string rid = RuntimeInformation.RuntimeIdentifier;
            string folder = Path.Combine(Path.GetTempPath(), "devicefirmware-aot", rid + "-" + Key(root));
            string program = Path.Combine(folder, "out", "DeviceFirmware");
            string done = Path.Combine(folder, "published");
            if (File.Exists(done) && File.Exists(program)) return program;

            Console.WriteLine($"publishing the native (NativeAOT) firmware for {rid} into {folder} (minutes, once per build) ...");
            var watch = Stopwatch.StartNew();
            var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[]
            {
                "publish", Path.Combine(root, "DeviceFirmware", "DeviceFirmware.csproj"), "-c", "Release", "-r", rid, "-p:PublishAot=true",
                "--artifacts-path", Path.Combine(folder, "artifacts"), "-o", Path.Combine(folder, "out"), "-nologo",
            })
            {
                info.ArgumentList.Add(arg);
            }

            using Process publish = Process.Start(info) ?? throw new InvalidOperationException("dotnet publish did not start");
            string output = publish.StandardOutput.ReadToEnd() + publish.StandardError.ReadToEnd();
            publish.WaitForExit();
            if (publish.ExitCode != 0) throw new InvalidOperationException("native publish failed:\n" + output);
            Directory.Delete(Path.Combine(folder, "artifacts"), true);
            File.WriteAllText(done, DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            Console.WriteLine($"published in {watch.Elapsed.TotalSeconds:F0} s");
            return program;
        }

        // The firmware's build output (same sources): a rebuild with any change gives another key.
        private static string Key(string root)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            string bin = Path.Combine(root, "DeviceFirmware", "bin", "Release", "net10.0");
            foreach (string file in new[] { "DeviceFirmware.dll", "DeviceFirmware.Core.dll", "DeviceFirmware.Connectivity.dll", "DeviceFirmware.Protocol.dll" })
            {
                hash.AppendData(File.ReadAllBytes(Path.Combine(bin, file)));
            }

            return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
        }
    }
}
