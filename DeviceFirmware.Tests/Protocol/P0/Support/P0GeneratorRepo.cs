using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Protocol.Products;

using DeviceFirmware.Tests.Support;

namespace DeviceFirmware.Tests.Protocol.P0.Support
{
    /// <summary>Where the repository's products and generated tables are, found from the test's output directory.</summary>
    internal static class P0GeneratorRepo
    {
        public const string Namespace = "DeviceFirmware.Protocol.Products";

        /// <summary>Every product JSON → its committed generated class (name and Create()).</summary>
        public static readonly IReadOnlyDictionary<string, (string ClassName, Func<Product> Create)> Generated =
            new Dictionary<string, (string, Func<Product>)>(StringComparer.Ordinal)
            {
                ["boiler-thermostat-var-len.json"] = ("BoilerThermostatVarLenProduct", BoilerThermostatVarLenProduct.Create),
                ["esp32-demo-var-len.json"] = ("Esp32DemoVarLenProduct", Esp32DemoVarLenProduct.Create),
                ["gokit.json"] = ("GoKitProduct", GoKitProduct.Create),
                ["greenhouse-standard.json"] = ("GreenhouseStandardProduct", GreenhouseStandardProduct.Create),
                ["two-relay-switch.json"] = ("TwoRelaySwitchProduct", TwoRelaySwitchProduct.Create),
            };

        public static string Root => RepoPaths.Root;

        public static string ProductsDir => Path.Combine(Root, "hardware", "products");

        public static string GeneratedFile(string className) => Path.Combine(Root, "DeviceFirmware.Protocol", "Products", className + ".g.cs");

        public static string[] ProductFiles() =>
            Directory.GetFiles(ProductsDir, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();
    }
}
