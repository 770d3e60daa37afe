using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using DeviceFirmware.Tests.Nano;
using Xunit;

namespace DeviceFirmware.Tests.Build
{
    /// <summary>
    /// The nanoFramework projects list exactly the nano-safe sources (the .nfproj system does not glob, so a new file is
    /// easily forgotten), never a .NET-only one; their package references agree with packages.config; and the Linux
    /// gate (build/nano-check) covers the same folders.
    /// </summary>
    public class NfprojConsistencyTests
    {
        private static readonly XNamespace Ms = "http://schemas.microsoft.com/developer/msbuild/2003";

        /// <summary>Every .cs file under <paramref name="folders"/> (relative to the repo), without *.Net.cs, obj/, bin/.</summary>
        private static SortedSet<string> NanoSafeFiles(params string[] folders)
        {
            var set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string folder in folders)
            {
                string dir = NanoRepo.Path(folder.Split('/'));
                foreach (string file in Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories))
                {
                    string rel = Path.GetRelativePath(NanoRepo.Root, file).Replace('\\', '/');
                    string[] parts = rel.Split('/');
                    if (parts.Contains("obj") || parts.Contains("bin") || rel.EndsWith(".Net.cs", StringComparison.Ordinal)) continue;
                    set.Add(rel);
                }
            }

            return set;
        }

        /// <summary>The Compile items of an .nfproj, as repo-relative paths.</summary>
        private static SortedSet<string> Compiled(string nfproj)
        {
            string path = NanoRepo.Path(nfproj.Split('/'));
            string dir = Path.GetDirectoryName(path)!;
            var set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (XElement item in XDocument.Load(path).Descendants(Ms + "Compile"))
            {
                string include = item.Attribute("Include")!.Value.Replace('\\', '/');
                Assert.DoesNotContain("*", include, StringComparison.Ordinal);
                string full = Path.GetFullPath(Path.Combine(dir, include));
                Assert.True(File.Exists(full), $"{nfproj} compiles {include}, which does not exist");
                Assert.True(set.Add(Path.GetRelativePath(NanoRepo.Root, full).Replace('\\', '/')), $"{nfproj} lists {include} twice");
            }

            return set;
        }

        private static void AssertSame(string nfproj, SortedSet<string> expected, SortedSet<string> actual)
        {
            string[] missing = expected.Except(actual).ToArray();
            string[] extra = actual.Except(expected).ToArray();
            Assert.True(missing.Length == 0 && extra.Length == 0,
                $"{nfproj}: missing <Compile> for [{string.Join(", ", missing)}]; listed but not nano-safe sources of this project: [{string.Join(", ", extra)}]");
        }

        [Fact]
        public void Protocol_nfproj_compiles_every_nano_safe_protocol_file()
        {
            AssertSame("DeviceFirmware.Protocol.nfproj", NanoSafeFiles("DeviceFirmware.Protocol"), Compiled("DeviceFirmware.Protocol/DeviceFirmware.Protocol.nfproj"));
        }

        [Fact]
        public void Firmware_nfproj_compiles_core_nano_and_the_generated_tables()
        {
            AssertSame("DeviceFirmware.nfproj", NanoSafeFiles("DeviceFirmware/Core", "DeviceFirmware/Nano", "DeviceFirmware/Boards"), Compiled("DeviceFirmware.Nano/DeviceFirmware.nfproj"));
        }

        [Fact]
        public void Unit_test_nfproj_compiles_its_folder_and_the_linked_SHT3x_frame()
        {
            SortedSet<string> expected = NanoSafeFiles("DeviceFirmware.NanoTests");
            expected.Add("DeviceFirmware/Nano/Sensors/Sht3xFrame.cs");
            AssertSame("NFUnitTest.nfproj", expected, Compiled("DeviceFirmware.NanoTests/NFUnitTest.nfproj"));
        }

        [Theory]
        [InlineData("DeviceFirmware.Protocol/DeviceFirmware.Protocol.nfproj")]
        [InlineData("DeviceFirmware.Nano/DeviceFirmware.nfproj")]
        [InlineData("DeviceFirmware.NanoTests/NFUnitTest.nfproj")]
        public void No_nfproj_compiles_dotnet_only_code(string nfproj)
        {
            foreach (string file in Compiled(nfproj))
            {
                Assert.False(file.StartsWith("DeviceFirmware/Iot/", StringComparison.Ordinal), $"{nfproj} compiles .NET-only {file}");
                Assert.False(file.EndsWith(".Net.cs", StringComparison.Ordinal), $"{nfproj} compiles .NET-only {file}");
                Assert.False(file.StartsWith("DeviceFirmware.MockCloud/", StringComparison.Ordinal), $"{nfproj} compiles .NET-only {file}");
            }
        }

        [Theory]
        [InlineData("DeviceFirmware.Protocol")]
        [InlineData("DeviceFirmware.Nano")]
        [InlineData("DeviceFirmware.NanoTests")]
        public void Every_hint_path_is_a_pinned_package_on_core_library_11711(string folder)
        {
            string nfproj = Directory.GetFiles(NanoRepo.Path(folder), "*.nfproj").Single();
            var pinned = XDocument.Load(NanoRepo.Path(folder, "packages.config")).Root!.Elements("package")
                .ToDictionary(p => p.Attribute("id")!.Value, p => p.Attribute("version")!.Value, StringComparer.Ordinal);
            Assert.Equal("1.17.11", pinned["nanoFramework.CoreLibrary"]);
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (XElement hint in XDocument.Load(nfproj).Descendants(Ms + "HintPath"))
            {
                // ..\packages\<id>.<version>\lib\<assembly>
                string folderName = hint.Value.Replace('\\', '/').Split('/')[2];
                KeyValuePair<string, string> match = pinned.SingleOrDefault(p => folderName == p.Key + "." + p.Value);
                Assert.True(match.Key != null, $"{Path.GetFileName(nfproj)}: HintPath {hint.Value} names no package pinned in packages.config");
                used.Add(match.Key!);
            }

            Assert.Equal(pinned.Keys.OrderBy(k => k, StringComparer.Ordinal), used.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Fact]
        public void The_firmware_folder_holds_one_project_so_dotnet_run_project_DeviceFirmware_works()
        {
            // `dotnet run --project DeviceFirmware` (README, issue 4) refuses a folder with more than one *.*proj file.
            string[] projects = Directory.GetFiles(NanoRepo.Path("DeviceFirmware"), "*.*proj");
            Assert.Equal(new[] { "DeviceFirmware.csproj" }, projects.Select(Path.GetFileName));
        }

        [Fact]
        public void Dotnet_solution_has_no_nfproj_and_the_nano_solution_has_all()
        {
            string sdk = File.ReadAllText(NanoRepo.Path("DeviceFirmware.sln"));
            Assert.DoesNotContain(".nfproj", sdk, StringComparison.OrdinalIgnoreCase);
            string nano = File.ReadAllText(NanoRepo.Path("DeviceFirmware.Nano.sln"));
            Assert.Contains(@"DeviceFirmware.Protocol\DeviceFirmware.Protocol.nfproj", nano, StringComparison.Ordinal);
            Assert.Contains(@"DeviceFirmware.Nano\DeviceFirmware.nfproj", nano, StringComparison.Ordinal);
            Assert.Contains(@"DeviceFirmware.NanoTests\NFUnitTest.nfproj", nano, StringComparison.Ordinal);
        }

        [Fact]
        public void Sdk_firmware_project_leaves_nano_out()
        {
            XDocument csproj = XDocument.Load(NanoRepo.Path("DeviceFirmware", "DeviceFirmware.csproj"));
            Assert.Contains(csproj.Descendants("Compile"), c => c.Attribute("Remove")?.Value == "Nano/**");
        }

        [Fact]
        public void Nano_gate_covers_the_same_folders()
        {
            string strict = File.ReadAllText(NanoRepo.Path("build", "nano-check", "NanoCheck.csproj"));
            foreach (string folder in new[] { "DeviceFirmware.Protocol", "DeviceFirmware/Core", "DeviceFirmware/Boards", "DeviceFirmware.NanoTests/Vectors" })
            {
                Assert.Contains("<NanoSafeSources>$(NanoSafeSources);../../" + folder + "</NanoSafeSources>", strict, StringComparison.Ordinal);
            }

            Assert.Contains("../../../DeviceFirmware/Nano/**/*.cs", File.ReadAllText(NanoRepo.Path("build", "nano-check", "adapters", "NanoAdapters.csproj")), StringComparison.Ordinal);
            Assert.Contains("../../../DeviceFirmware.NanoTests/**/*.cs", File.ReadAllText(NanoRepo.Path("build", "nano-check", "nftests", "NanoUnitTests.csproj")), StringComparison.Ordinal);
        }
    }
}
