using DeviceFirmware.Generators;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Protocol.Products;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Generators
{
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
        public void Every_product_JSON_has_a_generated_class()
        {
            string[] files = P0GeneratorRepo.ProductFiles().Select(Path.GetFileName).ToArray()!;
            Assert.NotEmpty(files);
            Assert.Equal(P0GeneratorRepo.Generated.Keys.OrderBy(k => k, StringComparer.Ordinal), files);
        }

        [Theory]
        [MemberData(nameof(ProductFileNames))]
        public void Generated_class_builds_the_same_product_as_the_JSON(string fileName)
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
        public void Committed_table_is_fresh(string fileName)
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
        public void GoKit_table_has_the_expected_layout()
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
