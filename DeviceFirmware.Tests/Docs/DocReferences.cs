using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace DeviceFirmware.Tests.Docs
{
    /// <summary>
    /// Reads what the documentation claims about the repository: the paths it names in <c>`code`</c> spans, its
    /// Markdown links, the <c>Type.Member</c> names it mentions; and walks the repository's text files. Pure functions
    /// over text plus file-system lookups under a given root, so the tests can also feed it made-up pages.
    /// </summary>
    internal static partial class DocReferences
    {
        /// <summary>
        /// Folders a short path may be relative to: the pages write <c>Core/Device/DeviceCore.cs</c> for
        /// <c>DeviceFirmware/Core/Device/DeviceCore.cs</c> and <c>P0/P0Error.cs</c> for the Protocol project's file.
        /// </summary>
        public static readonly string[] Bases = { "", "DeviceFirmware.Protocol", "DeviceFirmware", "DeviceFirmware.MockCloud", "DeviceFirmware.Tests" };

        private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal)
        {
            ".git", "bin", "obj", "TestResults", "BenchmarkDotNet.Artifacts", ".vs", "artifacts", "out", "packages", "node_modules",
        };

        // Placeholders, URLs and expressions, never in a path of this repository.
        private static readonly System.Buffers.SearchValues<char> NotInAPath = System.Buffers.SearchValues.Create("<>{}$|#…?=");

        [GeneratedRegex("`([^`\\n]+)`")]
        private static partial Regex CodeSpan();

        [GeneratedRegex(@"\]\(([^)\s]+)\)")]
        private static partial Regex Link();

        [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*\.[A-Za-z_][A-Za-z0-9]*$")]
        private static partial Regex TypeDotMember();

        /// <summary>Every <c>`span`</c> of <paramref name="markdown"/> without white space that claims to be a path in the repository under <paramref name="root"/>.</summary>
        public static IEnumerable<string> NamedPaths(string root, string markdown)
        {
            foreach (Match span in CodeSpan().Matches(markdown))
            {
                string token = span.Groups[1].Value;
                if (IsRepositoryPath(root, token)) yield return token;
            }
        }

        /// <summary>
        /// True when <paramref name="token"/> is written as a repository path: it has a <c>/</c>, no placeholder or URL,
        /// and its first folder exists at the root or under one of <see cref="Bases"/>. Topics (<c>dev2app/&lt;DID&gt;</c>),
        /// HTTP routes (<c>/app/users</c>) and paths of other projects (<c>gagent/cloud/…</c>) are therefore not claims.
        /// </summary>
        public static bool IsRepositoryPath(string root, string token)
        {
            if (!token.Contains('/', StringComparison.Ordinal) || token.Any(char.IsWhiteSpace)) return false;
            if (token.StartsWith('/') || token.StartsWith('.') || token.StartsWith('~') || token.Contains("://", StringComparison.Ordinal)) return false;
            if (token.AsSpan().IndexOfAny(NotInAPath) >= 0) return false;
            string first = token.Split('/')[0];
            if (first.Length == 0 || first.Contains('*', StringComparison.Ordinal)) return false;
            return Bases.Any(b => Directory.Exists(Path.Combine(root, b, first)));
        }

        /// <summary>True when the path exists under the root or one of <see cref="Bases"/>; a <c>*</c> in the last part must match a file.</summary>
        public static bool Exists(string root, string token)
        {
            foreach (string b in Bases)
            {
                string full = Path.Combine(root, b, token.TrimEnd('/'));
                string name = Path.GetFileName(full);
                if (name.Contains('*', StringComparison.Ordinal))
                {
                    string? dir = Path.GetDirectoryName(full);
                    if (dir is not null && Directory.Exists(dir) && Directory.GetFiles(dir, name).Length > 0) return true;
                }
                else if (token.EndsWith('/') ? Directory.Exists(full) : File.Exists(full) || Directory.Exists(full))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The Markdown link targets of a page, as (target without anchor, anchor or null); external links left out.</summary>
        public static IEnumerable<(string Target, string? Anchor)> Links(string markdown)
        {
            foreach (Match link in Link().Matches(markdown))
            {
                string target = link.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                int hash = target.IndexOf('#', StringComparison.Ordinal);
                yield return hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
            }
        }

        /// <summary>The anchors GitHub makes for a page's headings: lower case, punctuation dropped, spaces as dashes.</summary>
        public static HashSet<string> Anchors(string markdown)
        {
            var anchors = new HashSet<string>(StringComparer.Ordinal);
            foreach (string line in markdown.Split('\n'))
            {
                if (!line.StartsWith('#')) continue;
                string heading = line.TrimStart('#').Trim().ToLowerInvariant();
                var slug = new StringBuilder();
                foreach (char c in heading)
                {
                    if (char.IsLetterOrDigit(c) || c == '-' || c == '_') slug.Append(c);
                    else if (c == ' ') slug.Append('-');
                }

                anchors.Add(slug.ToString());
            }

            return anchors;
        }

        /// <summary>Every <c>`Type.Member`</c> span of a page (not file names such as <c>README.md</c>).</summary>
        public static IEnumerable<(string Type, string Member)> TypeMembers(string markdown)
        {
            string[] extensions = { "md", "cs", "json", "sh", "tsv", "csproj", "nfproj", "props", "sln", "db", "pem", "g" };
            foreach (Match span in CodeSpan().Matches(markdown))
            {
                string token = span.Groups[1].Value;
                if (!TypeDotMember().IsMatch(token)) continue;
                string[] parts = token.Split('.');
                if (extensions.Contains(parts[1], StringComparer.Ordinal)) continue;
                yield return (parts[0], parts[1]);
            }
        }

        /// <summary>
        /// The numbered hops of a page (<c>1. `path/File.cs` — `Method` …</c>, continuation lines included) as
        /// (hop text, path of its first <c>.cs</c> span, the span right after it).
        /// </summary>
        public static IEnumerable<(string Hop, string Path, string Member)> Hops(string markdown)
        {
            var items = new List<StringBuilder>();
            foreach (string line in markdown.Split('\n'))
            {
                if (Regex.IsMatch(line, @"^\d+\.\s")) items.Add(new StringBuilder(line));
                else if (items.Count > 0 && line.StartsWith("   ", StringComparison.Ordinal)) items[^1].Append(' ').Append(line.Trim());
                else if (items.Count > 0 && line.Trim().Length == 0) items.Add(new StringBuilder()); // a blank line ends an item
            }

            foreach (string item in items.Select(i => i.ToString()).Where(i => i.Length > 0))
            {
                string[] spans = CodeSpan().Matches(item).Select(m => m.Groups[1].Value).ToArray();
                int file = Array.FindIndex(spans, s => s.EndsWith(".cs", StringComparison.Ordinal));
                if (file < 0 || file + 1 >= spans.Length) continue;
                string member = spans[file + 1];
                member = member[(member.LastIndexOf('.') + 1)..].Replace("()", "", StringComparison.Ordinal);
                yield return (item, spans[file], member);
            }
        }

        /// <summary>The repository's text files (no build output, no .git, nothing binary), as paths relative to <paramref name="root"/> with '/'.</summary>
        public static IEnumerable<string> TextFiles(string root)
        {
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                string dir = pending.Pop();
                foreach (string sub in Directory.GetDirectories(dir))
                {
                    if (!SkippedFolders.Contains(Path.GetFileName(sub))) pending.Push(sub);
                }

                foreach (string file in Directory.GetFiles(dir))
                {
                    if (IsText(file)) yield return Path.GetRelativePath(root, file).Replace('\\', '/');
                }
            }
        }

        /// <summary>The file under <paramref name="root"/> that declares <paramref name="type"/> (class, struct, interface, enum or record), or null.</summary>
        public static string? DeclaringFile(string root, string type)
        {
            var declaration = new Regex(@"\b(class|struct|interface|enum|record)\s+" + Regex.Escape(type) + @"\b");
            return TextFiles(root).Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
                .FirstOrDefault(f => declaration.IsMatch(File.ReadAllText(Path.Combine(root, f))));
        }

        private static bool IsText(string file)
        {
            var info = new FileInfo(file);
            if (info.Length > 4 * 1024 * 1024) return false;
            using FileStream stream = info.OpenRead();
            var head = new byte[8000];
            int read = stream.Read(head, 0, head.Length);
            return Array.IndexOf(head, (byte)0, 0, read) < 0;
        }
    }
}
