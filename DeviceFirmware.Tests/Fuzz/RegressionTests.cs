using System;
using System.IO;
using System.Linq;
using DeviceFirmware.Fuzz.Harnesses;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Fuzz
{
    /// <summary>Every input in Fuzz/Regressions/ (one hex file each, named <c>&lt;harness&gt;--&lt;what&gt;.hex</c>) keeps its harness's invariants.</summary>
    public class RegressionTests
    {
        private static readonly string Folder = Path.Combine(RepoPaths.Root, "DeviceFirmware.Tests", "Fuzz", "Regressions");

        public static TheoryData<string> Files()
        {
            var files = new TheoryData<string>();
            foreach (string file in Directory.GetFiles(Folder, "*.hex").OrderBy(f => f, StringComparer.Ordinal)) files.Add(Path.GetFileName(file));
            return files;
        }

        [Theory]
        [MemberData(nameof(Files))]
        public void The_regression_input_keeps_its_harness_invariants(string file)
        {
            string harness = file.Substring(0, file.IndexOf("--", StringComparison.Ordinal));
            byte[] input = Convert.FromHexString(File.ReadAllText(Path.Combine(Folder, file)).Trim());
            HarnessSmokeTests.RunOrExplain(HarnessCatalog.Create(harness), input);
        }

        [Fact]
        public void There_are_regression_inputs_and_each_names_a_known_harness()
        {
            Assert.NotEmpty(Files());
            foreach (string file in Directory.GetFiles(Folder, "*.hex"))
            {
                string name = Path.GetFileName(file);
                Assert.Contains("--", name, StringComparison.Ordinal);
                Assert.Contains(name.Substring(0, name.IndexOf("--", StringComparison.Ordinal)), HarnessCatalog.Names);
            }
        }
    }
}
