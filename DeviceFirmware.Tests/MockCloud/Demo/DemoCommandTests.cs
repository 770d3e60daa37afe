using System;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.Demo
{
    /// <summary>The README's first command, scripted: every step of the loop has to happen for it to exit 0.</summary>
    public class DemoCommandTests
    {
        [Fact]
        public void The_demo_runs_the_whole_loop_and_stops_cleanly()
        {
            using ChildProcess demo = ChildProcess.Start("gizctl demo", "dotnet", new[]
            {
                RepoPaths.GizctlDll, "demo", "--no-wait", "--http", "127.0.0.1:0", "--mqtt", "127.0.0.1:0", "--sim-port", "0",
            });
            Assert.True(demo.WaitForExit(120), "the demo did not finish within 120 s:\n" + demo.Tail());
            Assert.True(demo.ExitCode == 0, "exit code " + demo.ExitCode + ":\n" + demo.Tail());
            demo.WaitForLine(l => l.Contains("0x0094 sn 1: Relay=true", StringComparison.Ordinal));
            demo.WaitForLine(l => l.Contains("(Relay) is high", StringComparison.Ordinal));
            demo.WaitForLine(l => l.Contains("Button=true", StringComparison.Ordinal));
            demo.WaitForLine(l => l.Contains("Alert_Over_Temperature=true", StringComparison.Ordinal));
            demo.WaitForLine(l => l.Contains("(indicator LED) is low", StringComparison.Ordinal));
            demo.WaitForLine(l => l.Contains("(Relay) is low", StringComparison.Ordinal));
            demo.WaitForLine(l => l.TrimEnd().EndsWith(" offline", StringComparison.Ordinal));
        }
    }
}
