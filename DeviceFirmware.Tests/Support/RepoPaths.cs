using System;
using System.IO;

namespace DeviceFirmware.Tests.Support
{
    /// <summary>Paths into the repository and its build outputs, found from the test binary's folder.</summary>
    internal static class RepoPaths
    {
        public static string Root { get; } = FindRoot();

        /// <summary>The firmware built in the same configuration as the tests (run with <c>dotnet</c>).</summary>
        public static string FirmwareDll => Built("DeviceFirmware", "DeviceFirmware.dll");

        /// <summary>gizctl (the mock cloud and App CLI), built in the same configuration as the tests.</summary>
        public static string GizctlDll => Built("DeviceFirmware.MockCloud", "gizctl.dll");

        public static string Product(string name) => Path.Combine(Root, "hardware", "products", name + ".json");

        public static string Board(string name) => Path.Combine(Root, "hardware", "boards", name + ".json");

        private static string Built(string project, string file)
        {
            string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            string path = Path.Combine(Root, project, "bin", configuration, "net10.0", file);
            if (!File.Exists(path)) throw new FileNotFoundException($"build the solution first: {file} not found", path);
            return path;
        }

        private static string FindRoot()
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DeviceFirmware.sln"))) return dir.FullName;
            }

            throw new DirectoryNotFoundException("DeviceFirmware.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
