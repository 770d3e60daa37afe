using System;
using DeviceFirmware.MockCloud.Cli;

namespace DeviceFirmware.MockCloud
{
    /// <summary>Entry point of gizctl.</summary>
    public static class Program
    {
        /// <summary>Runs gizctl on the console; see <see cref="Gizctl.Run"/>.</summary>
        public static int Main(string[] args) => Gizctl.Run(args, Console.Out, Console.Error);
    }
}
