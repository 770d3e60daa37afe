using System;
using System.CommandLine;
using System.IO;
using DeviceFirmware.MockCloud.Cli;

namespace DeviceFirmware.MockCloud
{
    /// <summary>Entry point of gizctl.</summary>
    public static class Program
    {
        /// <summary>Runs gizctl.</summary>
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        /// <summary>Runs gizctl in-process with the given output writers (tests); returns the exit code.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            var root = new RootCommand("gizctl: Gizwits mock cloud and protocol tools");
            root.Add(P0Commands.Create(stdout, stderr));
            return root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        }
    }
}
