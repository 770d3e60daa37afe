using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;

namespace DeviceFirmware.MockCloud.Cli
{
    /// <summary>
    /// The gizctl command tree. <see cref="Run"/> parses and runs one command line against the given
    /// writers, so that tests run gizctl in-process; <see cref="Program.Main"/> passes the console.
    /// </summary>
    public static class Gizctl
    {
        /// <summary>Builds the root command with all subcommands.</summary>
        public static RootCommand BuildRootCommand(TextWriter stdout, TextWriter stderr)
        {
            RootCommand root = new RootCommand("gizctl: tools for the Gizwits device protocol: frame and P0 codecs, the mock cloud, the App side.");
            root.Subcommands.Add(FrameCommands.Build());
            root.Subcommands.Add(P0Commands.Create(stdout, stderr));
            root.Subcommands.Add(CloudCommands.Build(stdout, stderr));
            root.Subcommands.Add(AppCommands.Create(stdout, stderr));
            root.Subcommands.Add(DemoCommand.Build(stdout, stderr));
            return root;
        }

        /// <summary>
        /// Runs <paramref name="args"/>, writing results to <paramref name="stdout"/> and messages to
        /// <paramref name="stderr"/>. Returns the exit code: 0 success, 2 (<see cref="ExitCodes.Error"/>) for
        /// any usage or input error, including a command line that does not parse.
        /// </summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            ArgumentNullException.ThrowIfNull(args);
            ArgumentNullException.ThrowIfNull(stdout);
            ArgumentNullException.ThrowIfNull(stderr);
            // No response files: "@text" is an ordinary value (log content, tags), never a file to expand.
            ParseResult result = BuildRootCommand(stdout, stderr).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (result.Errors.Count > 0 && result.Action is not { ClearsParseErrors: true })
            {
                foreach (ParseError error in result.Errors)
                {
                    stderr.WriteLine("error: " + error.Message);
                }

                stderr.WriteLine("Run 'gizctl --help' (or add --help to a command) for usage.");
                return ExitCodes.Error;
            }

            return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        }
    }
}
