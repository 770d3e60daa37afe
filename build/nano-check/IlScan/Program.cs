using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NanoCheck.IlScan
{
    /// <summary>
    /// Scans an assembly compiled against nanoFramework's mscorlib for constructs that compile but cannot run
    /// on the nanoFramework 1.x runtime:
    ///   - generic type or method definitions (GenericParam table),
    ///   - generic instantiations (GenericInst in TypeSpec / MethodSpec rows and in any signature),
    ///   - multi-dimensional arrays (ArrayShape in any signature),
    ///   - default interface members (an interface method that is not abstract, or any interface field),
    ///   - an assembly reference other than mscorlib (and, with --mscorlib, other than that exact mscorlib).
    /// Prints one line per finding, then "nano-check: N types scanned, M findings". Exit 0 clean, 1 findings, 2 usage/IO.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            string? assemblyPath = null;
            string? mscorlibPath = null;
            var allowedPaths = new List<string>();
            bool verbose = false;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--mscorlib" && i + 1 < args.Length) mscorlibPath = args[++i];
                else if (args[i] == "--allow" && i + 1 < args.Length) allowedPaths.Add(args[++i]);
                else if (args[i] == "--allow-list" && i + 1 < args.Length)
                {
                    string list = args[++i];
                    if (!File.Exists(list))
                    {
                        Console.Error.WriteLine($"nano-check: no such file: {list}");
                        return 2;
                    }

                    allowedPaths.AddRange(File.ReadAllLines(list).Where(l => l.Trim().Length > 0).Select(l => l.Trim()));
                }
                else if (args[i] == "--verbose") verbose = true;
                else if (assemblyPath == null && !args[i].StartsWith("--", StringComparison.Ordinal)) assemblyPath = args[i];
                else return Usage();
            }

            if (assemblyPath == null) return Usage();
            if (!File.Exists(assemblyPath))
            {
                Console.Error.WriteLine($"nano-check: no such file: {assemblyPath}");
                return 2;
            }

            AssemblyName? expectedCorlib = null;
            if (mscorlibPath != null)
            {
                if (!File.Exists(mscorlibPath))
                {
                    Console.Error.WriteLine($"nano-check: no such file: {mscorlibPath}");
                    return 2;
                }

                expectedCorlib = AssemblyName.GetAssemblyName(mscorlibPath);
            }

            // Each allowed reference is an assembly file (a signature stand-in or the strictly built NanoCheck.dll): a
            // reference to that name is accepted only at that exact version and public key token.
            var allowed = new Dictionary<string, AssemblyName>(StringComparer.Ordinal);
            foreach (string path in allowedPaths)
            {
                if (!File.Exists(path))
                {
                    Console.Error.WriteLine($"nano-check: no such file: {path}");
                    return 2;
                }

                AssemblyName name = AssemblyName.GetAssemblyName(path);
                if (name.Name == null || name.Name == "mscorlib")
                {
                    Console.Error.WriteLine($"nano-check: --allow cannot name mscorlib (use --mscorlib): {path}");
                    return 2;
                }

                allowed[name.Name] = name;
            }

            using FileStream stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                Console.Error.WriteLine($"nano-check: not a .NET assembly: {assemblyPath}");
                return 2;
            }

            var scanner = new Scanner(pe.GetMetadataReader(), pe, expectedCorlib, allowed) { Verbose = verbose };
            scanner.Run();
            foreach (string finding in scanner.Findings) Console.WriteLine(finding);
            Console.WriteLine($"nano-check: {scanner.TypesScanned} types scanned, {scanner.Findings.Count} findings");
            return scanner.Findings.Count == 0 ? 0 : 1;
        }

        private static int Usage()
        {
            Console.Error.WriteLine("usage: IlScan <assembly.dll> [--mscorlib <nano mscorlib.dll>] [--allow <assembly.dll>]... [--allow-list <file of paths>] [--verbose]");
            return 2;
        }
    }
}
