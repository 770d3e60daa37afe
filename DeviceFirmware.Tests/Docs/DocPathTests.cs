using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Docs
{
    /// <summary>
    /// What the newcomer's pages name exists: every repository path in README.md, docs/architecture.md and
    /// docs/protocol.md, every link and anchor between them, every numbered hop's method in its file, every
    /// <c>Type.Member</c> of the architecture page in the type's file.
    /// </summary>
    public class DocPathTests
    {
        // Types the pages name that are not this repository's (System.Device.Gpio, the BCL).
        private static readonly string[] ExternalTypes = { "GpioController", "Array", "System" };

        public static TheoryData<string> Pages => new() { "README.md", "docs/architecture.md", "docs/protocol.md" };

        private static string Read(string page) => File.ReadAllText(Path.Combine(RepoPaths.Root, page));

        [Theory]
        [MemberData(nameof(Pages))]
        public void Every_repository_path_a_page_names_exists(string page)
        {
            string[] named = DocReferences.NamedPaths(RepoPaths.Root, Read(page)).Distinct().ToArray();
            Assert.NotEmpty(named);
            string[] missing = named.Where(p => !DocReferences.Exists(RepoPaths.Root, p)).ToArray();
            Assert.True(missing.Length == 0, $"{page} names paths that do not exist: {string.Join(", ", missing)}");
        }

        [Theory]
        [MemberData(nameof(Pages))]
        public void Every_link_of_a_page_reaches_a_file_and_heading(string page)
        {
            string folder = Path.GetDirectoryName(Path.Combine(RepoPaths.Root, page))!;
            foreach ((string target, string? anchor) in DocReferences.Links(Read(page)))
            {
                string full = target.Length == 0 ? Path.Combine(RepoPaths.Root, page) : Path.GetFullPath(Path.Combine(folder, target));
                Assert.True(File.Exists(full) || Directory.Exists(full), $"{page} links to {target}, which does not exist");
                if (anchor is null) continue;
                Assert.True(DocReferences.Anchors(File.ReadAllText(full)).Contains(anchor), $"{page} links to #{anchor}, no heading of {target} makes it");
            }
        }

        [Fact]
        public void Every_numbered_hop_names_a_method_its_file_contains()
        {
            var hops = DocReferences.Hops(Read("docs/architecture.md")).ToArray();
            Assert.True(hops.Length >= 10, $"docs/architecture.md: only {hops.Length} hops found");
            foreach ((string hop, string path, string member) in hops)
            {
                string file = Path.Combine(RepoPaths.Root, path);
                Assert.True(File.Exists(file), $"hop names {path}, which does not exist: {hop}");
                Assert.True(Regex.IsMatch(File.ReadAllText(file), @"\b" + Regex.Escape(member) + @"\b"), $"{path} has no {member}: {hop}");
            }
        }

        [Fact]
        public void Every_type_and_member_the_architecture_names_exists()
        {
            var named = DocReferences.TypeMembers(Read("docs/architecture.md")).Distinct().ToArray();
            Assert.NotEmpty(named);
            // Project folders (DeviceFirmware.MockCloud) are written the same way as Type.Member: not a type.
            foreach ((string type, string member) in named.Where(n => !ExternalTypes.Contains(n.Type) && !Directory.Exists(Path.Combine(RepoPaths.Root, n.Type + "." + n.Member))))
            {
                string? file = DocReferences.DeclaringFile(RepoPaths.Root, type);
                Assert.True(file is not null, $"docs/architecture.md names {type}.{member}: no file declares {type}");
                Assert.True(Regex.IsMatch(File.ReadAllText(Path.Combine(RepoPaths.Root, file!)), @"\b" + Regex.Escape(member) + @"\b"), $"{file} has no {member} (docs/architecture.md names {type}.{member})");
            }
        }

        [Fact]
        public void The_checks_see_a_missing_path_a_missing_method_and_ignore_what_is_not_a_path()
        {
            const string page = "Real `DeviceFirmware/Core/Device/DeviceCore.cs`, short `Core/Dispatch/Dispatcher.cs`, glob `hardware/boards/*.json`, "
                + "gone `DeviceFirmware/Core/Device/NoSuchCore.cs`, topic `dev2app/<DID>`, route `/app/users`, elsewhere `gagent/cloud/src/mqttlib.c`.\n\n"
                + "1. `DeviceFirmware/Core/Device/DeviceCore.cs` — `NoSuchMethod` does it.\n";
            string[] named = DocReferences.NamedPaths(RepoPaths.Root, page).Distinct().ToArray();
            Assert.Equal(
                new[] { "DeviceFirmware/Core/Device/DeviceCore.cs", "Core/Dispatch/Dispatcher.cs", "hardware/boards/*.json", "DeviceFirmware/Core/Device/NoSuchCore.cs" },
                named);
            Assert.Equal(new[] { "DeviceFirmware/Core/Device/NoSuchCore.cs" }, named.Where(p => !DocReferences.Exists(RepoPaths.Root, p)));

            var hop = Assert.Single(DocReferences.Hops(page));
            Assert.Equal(("DeviceFirmware/Core/Device/DeviceCore.cs", "NoSuchMethod"), (hop.Path, hop.Member));
            Assert.DoesNotContain("NoSuchMethod", File.ReadAllText(Path.Combine(RepoPaths.Root, hop.Path)), StringComparison.Ordinal);
            Assert.Contains("10-decisions-where-the-protocol-is-silent", DocReferences.Anchors("## 10. Decisions where the protocol is silent\n"));
        }
    }
}
