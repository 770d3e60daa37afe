using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace DeviceFirmware.Tests.Nano
{
    /// <summary>
    /// Every nanoFramework package version the ESP32 build names — in each packages.config, each .nfproj HintPath and each
    /// signature stand-in (its assembly version and the tag its source file names) — is the one in
    /// build/nano-check/provenance.tsv, where each row names the repository, release tag and commit it was read at.
    /// </summary>
    public partial class PackageProvenanceTests
    {
        private static readonly string[] NanoProjects = { "DeviceFirmware.Nano", "DeviceFirmware.NanoTests", "DeviceFirmware.Protocol" };

        [Fact]
        public void The_table_has_a_tag_and_commit_for_every_package()
        {
            Dictionary<string, Row> table = Table();

            Assert.True(table.Count >= 15, "provenance.tsv has " + table.Count + " rows");
            foreach (Row row in table.Values)
            {
                Assert.Equal("v" + row.Version, row.Tag);
                Assert.Matches("^nanoframework/", row.Repository);
                Assert.True(CommitPattern().IsMatch(row.Commit) || row.Commit == "not-in-snapshot", row.Package + ": commit " + row.Commit);
                Assert.False(string.IsNullOrWhiteSpace(row.FilesRead), row.Package + ": no files read");
            }
        }

        [Theory]
        [InlineData("DeviceFirmware.Nano")]
        [InlineData("DeviceFirmware.NanoTests")]
        [InlineData("DeviceFirmware.Protocol")]
        public void Every_packages_config_version_is_the_tables(string project)
        {
            Dictionary<string, Row> table = Table();
            var packages = XDocument.Load(NanoRepo.Path(project, "packages.config")).Root!.Elements("package").ToList();

            Assert.NotEmpty(packages);
            foreach (XElement package in packages)
            {
                string id = (string)package.Attribute("id")!;
                string version = (string)package.Attribute("version")!;
                Assert.True(table.TryGetValue(id, out Row? row), $"{project}/packages.config: {id} is not in provenance.tsv");
                Assert.True(row!.Version == version, $"{project}/packages.config: {id} {version}, provenance.tsv says {row.Version}");
            }
        }

        [Fact]
        public void Every_nfproj_hint_path_version_is_the_tables()
        {
            Dictionary<string, Row> table = Table();
            int seen = 0;
            foreach (string project in NanoProjects)
            {
                foreach (string nfproj in Directory.GetFiles(NanoRepo.Path(project), "*.nfproj"))
                {
                    foreach (Match hint in HintPathPattern().Matches(File.ReadAllText(nfproj)))
                    {
                        string id = hint.Groups["id"].Value;
                        string version = hint.Groups["version"].Value;
                        Assert.True(table.TryGetValue(id, out Row? row), $"{Path.GetFileName(nfproj)}: {id} is not in provenance.tsv");
                        Assert.True(row!.Version == version, $"{Path.GetFileName(nfproj)}: HintPath {id}.{version}, provenance.tsv says {row.Version}");
                        seen++;
                    }
                }
            }

            Assert.True(seen >= 17, "only " + seen + " HintPaths found");
        }

        [Fact]
        public void Every_stand_in_is_built_and_labelled_from_the_tables_tag()
        {
            Dictionary<string, Row> table = Table();
            string stubs = NanoRepo.Path("build", "nano-check", "stubs");
            foreach (string dir in Directory.GetDirectories(stubs))
            {
                string project = Directory.GetFiles(dir, "*.csproj").Single();
                string text = File.ReadAllText(project);
                string assembly = Regex.Match(text, "<AssemblyName>(?<a>[^<]+)</AssemblyName>").Groups["a"].Value;
                string version = Regex.Match(text, "<StubAssemblyVersion>(?<v>[^<]+)</StubAssemblyVersion>").Groups["v"].Value;
                Row row = table.Values.Single(r => r.Package == assembly || r.Package == "nanoFramework." + assembly);
                Assert.Equal(row.Version + ".0", version);
                foreach (string source in Directory.GetFiles(dir, "*.cs"))
                {
                    string head = string.Join("\n", File.ReadLines(source).Take(4));
                    Assert.True(head.Contains($"package {row.Package} {row.Version} ", StringComparison.Ordinal), Path.GetFileName(source) + " does not name " + row.Package + " " + row.Version);
                    Assert.True(head.Contains("tag " + row.Tag + " ", StringComparison.Ordinal) && head.Contains(row.Commit, StringComparison.Ordinal), Path.GetFileName(source) + " does not name tag " + row.Tag + " and commit " + row.Commit);
                }
            }
        }

        [Fact]
        public void A_version_off_the_table_is_caught()
        {
            // The check above fails on a mismatch: the old pin of System.Device.Pwm (built on CoreLibrary 1.15.5).
            Match hint = HintPathPattern().Match(@"<HintPath>..\packages\nanoFramework.System.Device.Pwm.1.1.10\lib\System.Device.Pwm.dll</HintPath>");
            Assert.True(hint.Success);
            Assert.NotEqual(Table()[hint.Groups["id"].Value].Version, hint.Groups["version"].Value);
        }

        private static Dictionary<string, Row> Table()
        {
            var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
            foreach (string line in File.ReadLines(NanoRepo.Path("build", "nano-check", "provenance.tsv")))
            {
                if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("package\t", StringComparison.Ordinal)) continue;
                string[] f = line.Split('\t');
                Assert.True(f.Length == 7, "provenance.tsv: 7 tab-separated fields expected: " + line);
                rows.Add(f[0], new Row(f[0], f[1], f[2], f[3], f[4], f[6]));
            }

            return rows;
        }

        // ..\packages\<id>.<version>\lib\... : the id ends where the numeric version starts.
        [GeneratedRegex(@"<HintPath>[^<]*packages\\(?<id>[A-Za-z][A-Za-z0-9.]*?)\.(?<version>\d+\.\d+\.\d+(?:\.\d+)?)\\", RegexOptions.CultureInvariant)]
        private static partial Regex HintPathPattern();

        [GeneratedRegex("^[0-9a-f]{40}$", RegexOptions.CultureInvariant)]
        private static partial Regex CommitPattern();

        private sealed record Row(string Package, string Version, string Repository, string Tag, string Commit, string FilesRead);
    }
}
