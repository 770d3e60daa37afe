using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using DeviceFirmware.Tests.Hil.Network;
using DeviceFirmware.Tests.Support;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil.Arm64
{
    /// <summary>
    /// The firmware published for <c>linux-arm64</c> (the Raspberry Pi's CPU), self-contained (JIT) or as one native
    /// binary (NativeAOT, cross-compiled with clang, lld and Debian's arm64 sysroot), and how to run it on this machine:
    /// <c>qemu-aarch64 -L /usr/aarch64-linux-gnu</c>. Each publish runs once per firmware build: it is cached under the
    /// temp folder, keyed by a hash of the firmware's own build output, so a rebuilt firmware is published again and an
    /// unchanged one is not. It builds in an artifacts folder of its own, so the solution's obj/ and bin/ are never touched.
    /// </summary>
    internal static class Arm64Build
    {
        /// <summary>Where Debian's libc6-arm64-cross, libstdc++6-arm64-cross and libgcc-s1-arm64-cross put the arm64 libraries.</summary>
        public const string Sysroot = "/usr/aarch64-linux-gnu";

        private static readonly SemaphoreSlim Gate = new(1, 1);
        private static readonly string[] CrossLibraries = { "ld-linux-aarch64.so.1", "libc.so.6", "libstdc++.so.6", "libgcc_s.so.1" };

        // What the NativeAOT cross link needs beyond the runtime libraries: the linker driver, the linker, the symbol
        // stripper, and the arm64 C start files and libgcc (libc6-dev-arm64-cross, libgcc-12-dev-arm64-cross).
        private static readonly string[] CrossTools = { "clang", "ld.lld", "llvm-objcopy" };
        private static readonly string[] CrossLinkFiles = { Sysroot + "/lib/crt1.o", Sysroot + "/lib/libc.so", Sysroot + "/lib/libm.so" };
        private const string CrossGcc = "/usr/lib/gcc-cross/aarch64-linux-gnu";

        /// <summary>
        /// The command that runs the arm64 firmware (qemu, its options, the program), publishing it first when needed.
        /// Throws <see cref="SkipTestException"/> (after "SKIPPED: …") when qemu or the cross libraries are missing.
        /// </summary>
        /// <param name="output">Where the publish and skip reasons are written.</param>
        /// <param name="test">The test's name, for the skip line.</param>
        /// <param name="native">One native binary (NativeAOT) instead of the self-contained JIT build.</param>
        public static string[] Command(ITestOutputHelper output, string test, bool native = false)
        {
            string? qemu = HostCommand.Find("qemu-aarch64");
            if (qemu is null) throw SkipTestException.Because(output, test, "qemu-aarch64 not installed (Debian qemu-user; ./test.sh installs it)");
            string[] missing = CrossLibraries.Where(l => !File.Exists(Path.Combine(Sysroot, "lib", l))).ToArray();
            if (missing.Length > 0) throw SkipTestException.Because(output, test, $"arm64 libraries missing in {Sysroot}/lib: {string.Join(", ", missing)} (libc6-arm64-cross, libstdc++6-arm64-cross, libgcc-s1-arm64-cross; ./test.sh installs them)");
            if (native)
            {
                string[] toolchain = CrossTools.Where(t => HostCommand.Find(t) is null).Concat(CrossLinkFiles.Where(f => !File.Exists(f)))
                    .Concat(Directory.Exists(CrossGcc) ? Array.Empty<string>() : new[] { CrossGcc }).ToArray();
                if (toolchain.Length > 0) throw SkipTestException.Because(output, test, $"NativeAOT arm64 cross toolchain incomplete, missing: {string.Join(", ", toolchain)} (clang, lld, llvm, libc6-dev-arm64-cross, libgcc-12-dev-arm64-cross; ./test.sh installs them)");
            }

            return new[] { qemu, "-L", Sysroot, Publish(output, native) };
        }

        /// <summary>True when <paramref name="program"/> is an ELF file for AArch64 (e_machine 183).</summary>
        public static bool IsAarch64Elf(string program)
        {
            byte[] header = new byte[20];
            using FileStream file = File.OpenRead(program);
            file.ReadExactly(header);
            return header[0] == 0x7F && header[1] == (byte)'E' && header[2] == (byte)'L' && header[3] == (byte)'F' && header[18] == 183 && header[19] == 0;
        }

        private static string Publish(ITestOutputHelper output, bool native)
        {
            string root = Path.Combine(Path.GetTempPath(), "devicefirmware-arm64");
            string folder = Path.Combine(root, Key() + (native ? "-native" : ""));
            string program = Path.Combine(folder, "out", "DeviceFirmware");
            string done = Path.Combine(folder, "published");
            Gate.Wait();
            try
            {
                Directory.CreateDirectory(root);

                // Another test run (another worktree) may publish at the same moment: one at a time, across processes.
                using FileStream crossProcess = Lock(Path.Combine(root, ".lock"));
                if (File.Exists(done) && File.Exists(program))
                {
                    output.WriteLine("arm64 firmware (cached): " + program);
                    return program;
                }

                if (Directory.Exists(folder)) Directory.Delete(folder, true);
                Prune(root);
                var watch = System.Diagnostics.Stopwatch.StartNew();
                string dotnet = HostCommand.Find("dotnet") ?? "dotnet";
                string log = HostCommand.Run(dotnet, new[]
                {
                    "publish", Path.Combine(RepoPaths.Root, "DeviceFirmware", "DeviceFirmware.csproj"), "-c", "Release", "-r", "linux-arm64",
                    native ? "-p:PublishAot=true" : "--self-contained",
                    "--artifacts-path", Path.Combine(folder, "artifacts"), "-o", Path.Combine(folder, "out"), "-nologo", "-v", "quiet",
                }, timeoutSeconds: 1200);
                Directory.Delete(Path.Combine(folder, "artifacts"), true);
                File.WriteAllText(done, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                output.WriteLine($"arm64 {(native ? "native" : "self-contained")} firmware published in {watch.Elapsed.TotalSeconds:F0} s: {program}\n{log.Trim()}");
                return program;
            }
            finally
            {
                Gate.Release();
            }
        }

        // The firmware's build output (x64, same sources): a rebuild with any change gives another key.
        private static string Key()
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            string bin = Path.GetDirectoryName(RepoPaths.FirmwareDll)!;
            foreach (string file in new[] { "DeviceFirmware.dll", "DeviceFirmware.Core.dll", "DeviceFirmware.Connectivity.dll", "DeviceFirmware.Protocol.dll" })
            {
                hash.AppendData(File.ReadAllBytes(Path.Combine(bin, file)));
            }

            return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
        }

        // Publishes of older builds go after a day (one may still be in use by a run of another worktree until then).
        private static void Prune(string root)
        {
            foreach (string old in Directory.GetDirectories(root).Where(d => Directory.GetLastWriteTimeUtc(d) < DateTime.UtcNow.AddDays(-1)))
            {
                try
                {
                    Directory.Delete(old, true);
                }
                catch (IOException)
                {
                    // In use: next time.
                }
            }
        }

        private static FileStream Lock(string path)
        {
            DateTime give = DateTime.UtcNow.AddMinutes(25); // a NativeAOT cross-compile on a busy 2-core machine takes minutes
            while (true)
            {
                try
                {
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException) when (DateTime.UtcNow < give)
                {
                    Thread.Sleep(200);
                }
            }
        }
    }
}
