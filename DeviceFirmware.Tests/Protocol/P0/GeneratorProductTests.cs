using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Protocol.Products;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0
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

        public static string Root { get; } = FindRoot();

        public static string ProductsDir => Path.Combine(Root, "hardware", "products");

        public static string GeneratedFile(string className) => Path.Combine(Root, "DeviceFirmware.Protocol", "Products", className + ".g.cs");

        public static string[] ProductFiles() =>
            Directory.GetFiles(ProductsDir, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();

        private static string FindRoot()
        {
            for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DeviceFirmware.sln"))) return dir.FullName;
            }

            throw new InvalidOperationException("no directory above " + AppContext.BaseDirectory + " holds DeviceFirmware.sln");
        }
    }

    /// <summary>The committed generated tables match the product JSONs (same model, and fresh text).</summary>
    public class GeneratorProductTests
    {
        public static TheoryData<string> ProductFileNames()
        {
            var data = new TheoryData<string>();
            foreach (string file in P0GeneratorRepo.ProductFiles()) data.Add(Path.GetFileName(file));
            return data;
        }

        [Fact]
        public void EveryProductJsonHasAGeneratedClass()
        {
            string[] files = P0GeneratorRepo.ProductFiles().Select(Path.GetFileName).ToArray()!;
            Assert.NotEmpty(files);
            Assert.Equal(P0GeneratorRepo.Generated.Keys.OrderBy(k => k, StringComparer.Ordinal), files);
        }

        [Theory]
        [MemberData(nameof(ProductFileNames))]
        public void GeneratedClassBuildsTheSameProductAsTheJson(string fileName)
        {
            Assert.True(P0GeneratorRepo.Generated.ContainsKey(fileName), $"{fileName} has no generated class: run gizctl p0 generate and add it to P0GeneratorRepo.Generated");
            Product loaded = ProductJson.Load(Path.Combine(P0GeneratorRepo.ProductsDir, fileName));
            Product generated = P0GeneratorRepo.Generated[fileName].Create();
            Assert.True(loaded.SameAs(generated));
            Assert.Equal(loaded.FullStatusSize, generated.FullStatusSize);
            Assert.Equal(loaded.MaxMessageSize, generated.MaxMessageSize);
        }

        [Theory]
        [MemberData(nameof(ProductFileNames))]
        public void CommittedTableIsFresh(string fileName)
        {
            Assert.True(P0GeneratorRepo.Generated.ContainsKey(fileName), $"{fileName} has no generated class");
            string className = P0GeneratorRepo.Generated[fileName].ClassName;
            Product loaded = ProductJson.Load(Path.Combine(P0GeneratorRepo.ProductsDir, fileName));
            string expected = ProductSourceGenerator.Generate(loaded, P0GeneratorRepo.Namespace, className, "hardware/products/" + fileName);
            string committed = File.ReadAllText(P0GeneratorRepo.GeneratedFile(className)).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.True(expected == committed,
                $"DeviceFirmware.Protocol/Products/{className}.g.cs is stale: run gizctl p0 generate --product hardware/products/{fileName} --class {className} --output DeviceFirmware.Protocol/Products/{className}.g.cs");
        }

        [Fact]
        public void GoKitTableHasTheExpectedLayout()
        {
            Product product = GoKitProduct.Create();
            Assert.Equal(7, product.WritableCount);
            Assert.Equal(1, product.AttrFlagsSize);
            Assert.Equal(6, product.WritableSectionSize);
            Assert.Equal(2, product.BitAreaSize(DataPointType.Writable));
            Assert.Equal(12, product.FullStatusSize);
            Assert.Equal(0.1, product.Find("Temperature").Ratio);
            Assert.Equal(-5.0, product.Find("Motor_Speed").Addition);
        }
    }
}
