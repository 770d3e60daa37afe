using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Build
{
    /// <summary>
    /// One naming style for tests (docs/architecture.md §5): a test method's name is a sentence, its words joined by
    /// underscores (<c>Stop_drives_every_output_safe_and_disconnects</c>); code names inside it keep their case. Two
    /// styles had grown side by side (PascalCase and Every_Word_Capitalised); this keeps a third from starting.
    /// </summary>
    public class TestNamingTests
    {
        // A [Fact] or [Theory], then the next public method (InlineData and comments may come between).
        private static readonly Regex TestAttribute = new(@"\[(?:Fact|Theory)\b", RegexOptions.Compiled);
        private static readonly Regex Method = new(@"public\s+(?:async\s+)?(?:void|Task)\s+([A-Za-z0-9_]+)\(", RegexOptions.Compiled);

        private static readonly string[] TestProjects = { "DeviceFirmware.Tests", "DeviceFirmware.NanoHostTests" };

        /// <summary>Why <paramref name="name"/> is not a sentence, or null when it is.</summary>
        public static string? Problem(string name)
        {
            string[] words = name.Split('_');
            if (words.Length == 1) return Regex.IsMatch(name, "[a-z][A-Z]") ? "PascalCase: words run together" : null;
            if (words.Skip(1).All(w => w.Length > 0 && char.IsUpper(w[0]))) return "Every_Word_Capitalised";
            return null;
        }

        [Theory]
        [InlineData("Stop_drives_every_output_safe_and_disconnects", true)]
        [InlineData("TryCreate_refuses_a_DID_with_a_slash", true)]
        [InlineData("Layout", true)]
        [InlineData("StopDrivesEveryOutputSafe", false)]
        [InlineData("A_Publish_Longer_Than_The_Limit_Is_Dropped", false)]
        public void The_rule_tells_a_sentence_from_the_other_styles(string name, bool sentence) =>
            Assert.Equal(sentence, Problem(name) is null);

        [Fact]
        public void Every_test_method_is_named_as_a_sentence()
        {
            var offenders = new List<string>();
            int seen = 0;
            foreach (string project in TestProjects)
            {
                string folder = Path.Combine(RepoPaths.Root, project);
                foreach (string file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
                {
                    if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
                    string text = File.ReadAllText(file);
                    foreach (Match attribute in TestAttribute.Matches(text))
                    {
                        Match m = Method.Match(text, attribute.Index);
                        if (!m.Success) continue;
                        seen++;
                        string? problem = Problem(m.Groups[1].Value);
                        if (problem is not null) offenders.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {m.Groups[1].Value} ({problem})");
                    }
                }
            }

            // The scan must see every test the runner sees in this assembly (plus the nano host tests'), or it proves nothing.
            int inThisAssembly = typeof(TestNamingTests).Assembly.GetTypes()
                .SelectMany(t => t.GetMethods())
                .Count(m => m.GetCustomAttributes(typeof(FactAttribute), false).Length > 0);
            Assert.True(seen >= inThisAssembly, $"the scan found {seen} test methods, the assembly has {inThisAssembly}: the scan is broken");
            Assert.True(offenders.Count == 0, "test names that are not sentences:\n" + string.Join("\n", offenders));
        }
    }
}
