using System;
using System.IO;
using DeviceFirmware.MockCloud.Cli;

namespace DeviceFirmware.MockCloud
{
    /// <summary>Entry point of gizctl.</summary>
    public static class Program
    {
        /// <summary>Runs gizctl on the console; see <see cref="Gizctl.Run"/>.</summary>
        public static int Main(string[] args) => Gizctl.Run(args, Console.Out, Console.Error);

        /// <summary>Runs gizctl in-process with the given output writers (tests); returns the exit code.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Gizctl.Run(args, stdout, stderr);
    }
}
