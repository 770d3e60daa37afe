using System.IO;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Tests.Protocol.P0.Support
{
    /// <summary>
    /// The product fixtures with the shapes of real console exports (hardware/products/, so that the mock cloud,
    /// the firmware and the generated tables use them too).
    /// </summary>
    internal static class VarLenFixtures
    {
        /// <summary>var_len, 44 points, writable/read-only/alert/fault ids interleaved, every position 0/0, every data type (binary 112, 16, 8 bytes).</summary>
        public static Product Boiler() => Load("boiler-thermostat-var-len.json");

        /// <summary>var_len, 10 points of the public ESP32 firmware's report shape, positions that follow id order.</summary>
        public static Product Esp32Demo() => Load("esp32-demo-var-len.json");

        /// <summary>standard, attrs listed out of id order, ratios 0.5 and 0.1, additions -100 and 5.</summary>
        public static Product Greenhouse() => Load("greenhouse-standard.json");

        public static string PathOf(string file) => Path.Combine(P0TestData.RepoRoot, "hardware", "products", file);

        private static Product Load(string file) => ProductJson.Load(PathOf(file));
    }
}
