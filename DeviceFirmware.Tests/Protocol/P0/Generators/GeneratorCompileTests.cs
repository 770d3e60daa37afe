using DeviceFirmware.Generators;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using CsCheck;
using DeviceFirmware.Protocol.P0;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Generators
{
    /// <summary>The generator's output compiles (Roslyn 4.14, warnings as errors, XML docs checked) into an equal product.</summary>
    public class GeneratorCompileTests
    {
        private static readonly Lazy<MetadataReference[]> References = new Lazy<MetadataReference[]>(() =>
        {
            var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
            paths.Add(typeof(Product).Assembly.Location);
            return paths.Where(p => p.Length > 0)
                .GroupBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
                .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
                .ToArray();
        });

        private const string Tricky = """
            {
              "name": "Tricky <Kit> & \"Co\" \\ Ünïcode ☃ 😀",
              "product_key": "key\twith\u0001control\u2028chars",
              "entities": [{ "id": 0, "name": "entity0", "attrs": [
                { "id": 0, "name": "Mode\"Quoted\"", "display_name": "Modus – Nacht/Tag ✓", "type": "status_writable", "data_type": "enum",
                  "position": { "byte_offset": 0, "bit_offset": 0, "len": 3, "unit": "bit" },
                  "enum": ["Äus", "an \"immer\"", "back\\slash", "😀", "line\nbreak"] },
                { "id": 1, "name": "Temperature", "display_name": "Température (°C)", "type": "status_writable", "data_type": "uint16",
                  "position": { "byte_offset": 1, "bit_offset": 0, "len": 2, "unit": "byte" },
                  "uint_spec": { "min": 0, "max": 1000, "ratio": 0.1, "addition": -40.5 } },
                { "id": 2, "name": "Tiny", "display_name": "*/ not a comment end", "type": "status_readonly", "data_type": "uint32",
                  "position": { "byte_offset": 3, "bit_offset": 0, "len": 4, "unit": "byte" },
                  "uint_spec": { "min": 0, "max": 4294967295, "ratio": 1e-05, "addition": 123456789.123456789 } },
                { "id": 3, "name": "Third", "display_name": "", "type": "status_readonly", "data_type": "uint8",
                  "position": { "byte_offset": 7, "bit_offset": 0, "len": 1, "unit": "byte" },
                  "uint_spec": { "min": 3, "max": 200, "ratio": 0.3333333333333333, "addition": -0.0 } },
                { "id": 4, "name": "Blob", "display_name": "Blob", "type": "alert", "data_type": "binary",
                  "position": { "byte_offset": 8, "bit_offset": 0, "len": 3, "unit": "byte" } },
                { "id": 5, "name": "F", "display_name": "F", "type": "fault", "data_type": "bool",
                  "position": { "byte_offset": 11, "bit_offset": 7, "len": 1, "unit": "bit" } }
              ] }]
            }
            """;

        [Fact]
        public void Tricky_product_compiles_into_the_same_model()
        {
            Product expected = ProductJson.Parse(Tricky);
            Product generated = CompileAndCreate(expected, "Some.Generated.Tables", "TrickyProduct", "hardware/products/tricky\n.json");
            Assert.True(expected.SameAs(generated));
            Assert.Equal("Tricky <Kit> & \"Co\" \\ Ünïcode ☃ 😀", generated.Name);
            Assert.Equal(0.1, generated.Points[1].Ratio);
            Assert.Equal(-40.5, generated.Points[1].Addition);
            Assert.Equal(1e-05, generated.Points[2].Ratio);
            Assert.Equal("line\nbreak", generated.Points[0].EnumValues[4]);
        }

        [Theory]
        [InlineData("gokit.json")]
        [InlineData("two-relay-switch.json")]
        public void Reference_products_compile_into_the_same_model(string fileName)
        {
            Product expected = ProductJson.Load(Path.Combine(P0GeneratorRepo.ProductsDir, fileName));
            Assert.True(expected.SameAs(CompileAndCreate(expected, "X", "P", null)));
        }

        [Fact]
        public void Generated_source_is_ascii_and_uses_no_generics()
        {
            string source = ProductSourceGenerator.Generate(ProductJson.Parse(Tricky), "N", "C", null);
            Assert.All(source.Where(c => c != '\n'), c => Assert.InRange(c, ' ', '~'));
            SyntaxNode root = CSharpSyntaxTree.ParseText(source).GetRoot();
            Assert.Empty(root.DescendantNodes().OfType<GenericNameSyntax>());
            Assert.Empty(root.DescendantNodes().OfType<NullableTypeSyntax>());
        }

        [Theory]
        [InlineData("9Bad")]
        [InlineData("class")]
        [InlineData("With Space")]
        [InlineData("")]
        public void Refuses_class_names_that_are_not_identifiers(string className)
        {
            Product product = ProductJson.Parse(Tricky);
            Assert.Throws<ArgumentException>(() => ProductSourceGenerator.Generate(product, "N", className));
        }

        [Theory]
        [InlineData("N..M")]
        [InlineData("N.namespace")]
        [InlineData(".N")]
        public void Refuses_bad_namespaces(string ns) =>
            Assert.Throws<ArgumentException>(() => ProductSourceGenerator.Generate(ProductJson.Parse(Tricky), ns, "C"));

        [Theory]
        [InlineData(1.0, "1.0")]
        [InlineData(0.1, "0.1")]
        [InlineData(-40.5, "-40.5")]
        [InlineData(-5.0, "-5.0")]
        [InlineData(1e-05, "1E-05")]
        [InlineData(1e20, "1E+20")]
        [InlineData(double.NaN, "double.NaN")]
        [InlineData(double.NegativeInfinity, "double.NegativeInfinity")]
        public void Double_literals(double value, string literal) => Assert.Equal(literal, ProductSourceGenerator.DoubleLiteral(value));

        [Fact]
        public void Double_literals_parse_back_to_the_same_bits() =>
            Gen.Double.Where(double.IsFinite).Sample(value =>
            {
                string literal = ProductSourceGenerator.DoubleLiteral(value);
                var token = ((LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal.TrimStart('-'))).Token;
                double parsed = (double)token.Value!;
                if (literal.StartsWith('-')) parsed = -parsed;
                return token.IsKind(SyntaxKind.NumericLiteralToken) && BitConverter.DoubleToInt64Bits(parsed) == BitConverter.DoubleToInt64Bits(value);
            });

        [Fact]
        public void String_literals_parse_back_to_the_same_text() =>
            Gen.String[Gen.Char, 0, 40].Sample(value =>
            {
                string literal = ProductSourceGenerator.StringLiteral(value);
                var token = ((LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal)).Token;
                return literal.All(c => c >= ' ' && c <= '~') && (string?)token.Value == value && !token.ContainsDiagnostics;
            });

        [Fact]
        public void Long_literals_have_an_L_suffix()
        {
            Assert.Equal("4294967295L", ProductSourceGenerator.LongLiteral(4294967295L));
            Assert.Equal("0L", ProductSourceGenerator.LongLiteral(0));
        }

        /// <summary>Generates, compiles (any warning fails), loads and runs Create().</summary>
        private static Product CompileAndCreate(Product product, string ns, string className, string? sourceName)
        {
            string source = ProductSourceGenerator.Generate(product, ns, className, sourceName);
            var parse = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose);
            var compilation = CSharpCompilation.Create(
                "Generated" + Guid.NewGuid().ToString("N"),
                new[] { CSharpSyntaxTree.ParseText(source, parse) },
                References.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable, warningLevel: 9999));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream, xmlDocumentationStream: new MemoryStream());
            IEnumerable<Diagnostic> problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.True(result.Success && !problems.Any(), string.Join("\n", problems) + "\n" + source);
            Assembly assembly = Assembly.Load(stream.ToArray());
            MethodInfo create = assembly.GetType(ns + "." + className, throwOnError: true)!.GetMethod("Create")!;
            return (Product)create.Invoke(null, null)!;
        }
    }
}
