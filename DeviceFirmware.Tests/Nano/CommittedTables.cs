using System;
using System.IO;
using System.Linq;
using System.Reflection;
using DeviceFirmware.Protocol.P0;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeviceFirmware.Tests.Nano
{
    /// <summary>
    /// Compiles the NFUnitTest project's committed generated tables (DeviceFirmware.NanoTests/Vectors/*.g.cs, which no
    /// SDK project builds) with Roslyn against DeviceFirmware.Protocol, so the xunit tests read the very data the device
    /// runs. Loaded once per test run.
    /// </summary>
    internal static class CommittedTables
    {
        private static readonly Lazy<Assembly> Compiled = new(Compile);

        public static T Field<T>(string typeName, string field) =>
            (T)Compiled.Value.GetType(typeName, throwOnError: true)!.GetField(field, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        public static Product CreateProduct(string typeName) =>
            (Product)Compiled.Value.GetType(typeName, throwOnError: true)!.GetMethod("Create")!.Invoke(null, null)!;

        private static Assembly Compile()
        {
            string dir = NanoRepo.Path("DeviceFirmware.NanoTests", "Vectors");
            var trees = Directory.GetFiles(dir, "*.g.cs").OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f)).ToArray();
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Append(typeof(Product).Assembly.Location)
                .Where(p => p.Length > 0)
                .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
                .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()));
            CSharpCompilation compilation = CSharpCompilation.Create("NanoTestsVectors", trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, generalDiagnosticOption: ReportDiagnostic.Error));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException("DeviceFirmware.NanoTests/Vectors does not compile: " + string.Join("; ", result.Diagnostics));
            }

            return Assembly.Load(stream.ToArray());
        }
    }
}
