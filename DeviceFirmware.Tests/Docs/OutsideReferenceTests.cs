using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Docs
{
    /// <summary>
    /// A clone on its own can be understood: no file points at the documents that used to live beside the repository
    /// (the shared protocol and design notes, their vectors), and every <c>docs/protocol.md §n</c> citation names a
    /// section that exists. The old names are assembled from pieces here so that this file does not match itself.
    /// </summary>
    public class OutsideReferenceTests
    {
        // Spelled in pieces: this file must not match its own scan, nor the sweep's.
        private static readonly string Proto = "PROTO" + "COL";
        private static readonly string Design = "DES" + "IGN";
        private static readonly string Shared = "sha" + "red";
        private static readonly Regex Outside = new(
            $@"(\.\./)+{Shared}/|/work/{Shared}|\b{Shared}/({Proto}|{Design}|vectors|spec)\b|\b{Proto}\.md|\b{Design}\.md|\b{Proto} §",
            RegexOptions.CultureInvariant);

        private static readonly Regex Citation = new(@"docs/protocol\.md((?:[ ,/–-]*§\d+)+)", RegexOptions.CultureInvariant);

        /// <summary>Each line of <paramref name="text"/> that points outside the repository, as "line: text".</summary>
        private static IEnumerable<string> OutsideLines(string text) =>
            text.Split('\n').Select((line, i) => (line, i)).Where(l => Outside.IsMatch(l.line)).Select(l => $"{l.i + 1}: {l.line.Trim()}");

        [Fact]
        public void No_file_points_outside_the_repository()
        {
            var found = new List<string>();
            foreach (string file in DocReferences.TextFiles(RepoPaths.Root))
            {
                found.AddRange(OutsideLines(File.ReadAllText(Path.Combine(RepoPaths.Root, file))).Select(l => $"{file}:{l}"));
            }

            Assert.True(found.Count == 0, "files point outside the repository (the sweep rewrites them to docs/protocol.md §n and docs/architecture.md):\n" + string.Join("\n", found));
        }

        [Fact]
        public void Every_protocol_citation_names_a_section_of_docs_protocol()
        {
            var sections = new HashSet<int>(Regex.Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "protocol.md")), @"(?m)^## (\d+)\. ")
                .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Superset(new HashSet<int>(Enumerable.Range(1, 9)), sections);

            var wrong = new List<string>();
            int citations = 0;
            foreach (string file in DocReferences.TextFiles(RepoPaths.Root))
            {
                foreach (Match cite in Citation.Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, file))))
                {
                    foreach (Match number in Regex.Matches(cite.Groups[1].Value, @"§(\d+)"))
                    {
                        citations++;
                        if (!sections.Contains(int.Parse(number.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))) wrong.Add($"{file}: {cite.Value}");
                    }
                }
            }

            Assert.True(citations > 50, $"only {citations} citations of docs/protocol.md found: is the sweep applied?");
            Assert.True(wrong.Count == 0, "citations of sections docs/protocol.md does not have:\n" + string.Join("\n", wrong));
        }

        [Fact]
        public void The_scan_finds_every_old_spelling_and_none_of_the_new()
        {
            string[] old =
            {
                $"see ../{Shared}/{Proto}.md",
                $"(see ../../{Shared}/{Design}.md)",
                $"the {Proto}.md §3 bits",
                $"{Proto} §5",
                $"`{Shared}/{Design}.md`",
                $"vectors in ../{Shared}/vectors/frames.tsv",
                $"/work/{Shared}/spec",
            };
            foreach (string line in old) Assert.Single(OutsideLines(line));

            string[] swept = { "see docs/protocol.md §3", "docs/architecture.md", "DeviceFirmware.Tests/Vectors/frames.tsv", "a shared reader" };
            foreach (string line in swept) Assert.Empty(OutsideLines(line));
        }
    }
}
