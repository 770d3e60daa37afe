using DeviceFirmware.Generators;
using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.MockCloud.Cli
{
    /// <summary>
    /// <c>gizctl p0</c>: generate a product's nano-safe table, decode and encode P0 business data (docs/protocol.md §5).
    /// Results go to stdout; <c>decode</c> and <c>encode</c> answer in one-line JSON. Exit codes: 0 done, 2 refused
    /// (bad hex, bad value, P0 error, invalid product; the JSON on stdout says why), 1 bad command line.
    /// </summary>
    public static class P0Commands
    {
        /// <summary>Exit code of a command that did its work.</summary>
        public const int ExitOk = 0;

        /// <summary>Exit code of a refused input (the JSON or message says why).</summary>
        public const int ExitRefused = 2;

        /// <summary>The namespace <c>p0 generate</c> uses when none is given.</summary>
        public const string DefaultNamespace = "DeviceFirmware.Protocol.Products";

        /// <summary>Builds the <c>p0</c> command; its subcommands write to <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
        public static Command Create(TextWriter stdout, TextWriter stderr)
        {
            ArgumentNullException.ThrowIfNull(stdout);
            ArgumentNullException.ThrowIfNull(stderr);
            var p0 = new Command("p0", "P0 data points: generate a product table, decode and encode business data");
            p0.Add(CreateGenerate(stdout, stderr));
            p0.Add(P0Decode.Create(stdout));
            p0.Add(P0Encode.Create(stdout));
            return p0;
        }

        /// <summary>The <c>--product FILE</c> option every p0 subcommand takes.</summary>
        internal static Option<string> ProductOption() => new Option<string>("--product")
        {
            Description = "the product JSON exported by the Gizwits console (e.g. hardware/products/gokit.json)",
            Required = true,
        };

        /// <summary>Loads the product, or writes a ProductInvalid error to <paramref name="stdout"/> and returns null.</summary>
        internal static Product? LoadProduct(string path, TextWriter stdout)
        {
            try
            {
                return ProductJson.Load(path);
            }
            catch (Exception e) when (e is ProductException || e is IOException || e is UnauthorizedAccessException)
            {
                stdout.WriteLine(P0Json.Error("ProductInvalid", null, e.Message));
                return null;
            }
        }

        /// <summary>
        /// The class name <c>p0 generate</c> uses when none is given: the file name in PascalCase plus <c>Product</c>
        /// (<c>two-relay-switch.json</c> → <c>TwoRelaySwitchProduct</c>).
        /// </summary>
        public static string DefaultClassName(string productPath)
        {
            string stem = Path.GetFileNameWithoutExtension(productPath);
            var name = new StringBuilder();
            bool upper = true;
            foreach (char c in stem)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }

                if (name.Length == 0 && char.IsAsciiDigit(c)) name.Append('_');
                name.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }

            return name.Append("Product").ToString();
        }

        /// <summary>
        /// How the generated header names the product file: its path relative to the repository root (the nearest
        /// directory above it holding DeviceFirmware.sln) with '/' separators, else its file name.
        /// </summary>
        public static string SourceName(string productPath)
        {
            string full = Path.GetFullPath(productPath);
            for (DirectoryInfo? dir = new FileInfo(full).Directory; dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DeviceFirmware.sln")))
                {
                    return Path.GetRelativePath(dir.FullName, full).Replace(Path.DirectorySeparatorChar, '/');
                }
            }

            return Path.GetFileName(full);
        }

        private static Command CreateGenerate(TextWriter stdout, TextWriter stderr)
        {
            Option<string> product = ProductOption();
            var ns = new Option<string>("--namespace") { Description = $"namespace of the generated class (default {DefaultNamespace})" };
            var cls = new Option<string>("--class") { Description = "name of the generated class (default: the file name in PascalCase + Product)" };
            var output = new Option<string>("--output") { Description = "write the source to this file instead of stdout" };
            var command = new Command("generate", "print (or write) the nano-safe C# table of a product: a static class with Product Create()")
            {
                product, ns, cls, output,
            };
            command.SetAction(result =>
            {
                string path = result.GetRequiredValue(product);
                Product? loaded = LoadProduct(path, stdout);
                if (loaded == null) return ExitRefused;
                string source;
                try
                {
                    source = ProductSourceGenerator.Generate(loaded, result.GetValue(ns) ?? DefaultNamespace, result.GetValue(cls) ?? DefaultClassName(path), SourceName(path));
                }
                catch (ArgumentException e)
                {
                    stdout.WriteLine(P0Json.Error("BadArguments", null, e.Message));
                    return ExitRefused;
                }

                string? target = result.GetValue(output);
                if (target == null)
                {
                    stdout.Write(source);
                    return ExitOk;
                }

                try
                {
                    File.WriteAllText(target, source, new UTF8Encoding(false));
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    stdout.WriteLine(P0Json.Error("OutputFailed", null, e.Message));
                    return ExitRefused;
                }

                stderr.WriteLine(string.Format(CultureInfo.InvariantCulture, "wrote {0} ({1} data points)", target, loaded.Points.Length));
                return ExitOk;
            });
            return command;
        }
    }
}
