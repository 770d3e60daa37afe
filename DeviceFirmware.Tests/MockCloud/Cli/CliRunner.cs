using System.IO;
using System.Text.Json;
using DeviceFirmware.MockCloud.Cli;

namespace DeviceFirmware.Tests.MockCloud.Cli
{
    /// <summary>Runs gizctl in-process and captures what it prints.</summary>
    internal static class CliRunner
    {
        public static CliResult Run(params string[] args)
        {
            using StringWriter stdout = new StringWriter();
            using StringWriter stderr = new StringWriter();
            int code = Gizctl.Run(args, stdout, stderr);
            return new CliResult(code, stdout.ToString(), stderr.ToString());
        }
    }

    internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>The single line printed on stdout, without its newline.</summary>
        public string Line
        {
            get
            {
                string[] lines = Stdout.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
                Xunit.Assert.Single(lines);
                return lines[0].TrimEnd('\r');
            }
        }

        public JsonElement Json()
        {
            using JsonDocument doc = JsonDocument.Parse(Line);
            return doc.RootElement.Clone();
        }
    }
}
