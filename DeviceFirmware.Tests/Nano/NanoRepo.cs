using System;
using System.IO;

using DeviceFirmware.Tests.Support;

namespace DeviceFirmware.Tests.Nano
{
    /// <summary>Paths of the nanoFramework build's files, and the opt-in switch that rewrites generated tables.</summary>
    internal static class NanoRepo
    {
        /// <summary>Set GIZ_REGENERATE=1 to make the freshness tests rewrite stale generated files instead of failing.</summary>
        public static bool Regenerate => Environment.GetEnvironmentVariable("GIZ_REGENERATE") == "1";

        public static string Root => RepoPaths.Root;

        public static string Path(params string[] parts) => System.IO.Path.Combine(Root, System.IO.Path.Combine(parts));

        /// <summary>Compares <paramref name="expected"/> with the committed file; rewrites it (and passes) under GIZ_REGENERATE=1.</summary>
        public static (bool Fresh, string Message) CheckFresh(string relativePath, string expected)
        {
            string path = Path(relativePath.Split('/'));
            string committed = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : string.Empty;
            if (committed == expected) return (true, string.Empty);
            if (Regenerate)
            {
                File.WriteAllText(path, expected);
                return (true, string.Empty);
            }

            return (false, $"{relativePath} is stale: run GIZ_REGENERATE=1 dotnet test DeviceFirmware.Tests --filter FullyQualifiedName~DeviceFirmware.Tests.Nano");
        }
    }
}
