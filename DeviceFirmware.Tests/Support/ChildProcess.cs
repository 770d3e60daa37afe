using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace DeviceFirmware.Tests.Support
{
    /// <summary>
    /// A real process for integration tests: output captured line by line, waits for a line with a deadline (a failure
    /// when it passes, never a measurement), and always killed (whole tree, by PID) on dispose, even when a test fails.
    /// </summary>
    internal sealed class ChildProcess : IDisposable
    {
        private readonly Process process;
        private readonly ConcurrentQueue<string> lines = new();
        private readonly SemaphoreSlim lineArrived = new(0);

        private ChildProcess(Process process, string name)
        {
            this.process = process;
            Name = name;
        }

        public string Name { get; }

        /// <summary>The process id (kept after exit, for reports).</summary>
        public int Pid { get; private set; }

        public bool HasExited => process.HasExited;

        /// <summary>Every line so far (stdout and stderr, in arrival order).</summary>
        public IReadOnlyList<string> Lines => lines.ToArray();

        public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
        {
            var info = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            };
            foreach (string argument in arguments) info.ArgumentList.Add(argument);
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            var child = new ChildProcess(process, name);
            process.OutputDataReceived += (_, e) => child.Add(e.Data);
            process.ErrorDataReceived += (_, e) => child.Add(e.Data);
            process.Start();
            child.Pid = process.Id;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return child;
        }

        /// <summary>The first line (from the start) matching <paramref name="match"/>; fails after <paramref name="timeoutSeconds"/>.</summary>
        public string WaitForLine(Func<string, bool> match, int timeoutSeconds = 20, int skip = 0)
        {
            DateTime give = DateTime.UtcNow.AddSeconds(timeoutSeconds);
            while (true)
            {
                string? found = lines.Skip(skip).FirstOrDefault(match);
                if (found is not null) return found;
                if (DateTime.UtcNow > give) throw new Xunit.Sdk.XunitException($"{Name}: no matching line within {timeoutSeconds} s. Output:\n{Tail()}");
                if (process.HasExited && lineArrived.CurrentCount == 0)
                {
                    process.WaitForExit();
                    if (!lines.Skip(skip).Any(match)) throw new Xunit.Sdk.XunitException($"{Name} exited with {process.ExitCode}. Output:\n{Tail()}");
                }

                lineArrived.Wait(100);
            }
        }

        /// <summary>The last lines of output, for failure messages.</summary>
        public string Tail(int count = 40) => string.Join("\n", lines.ToArray().TakeLast(count));

        /// <summary>Sends SIGTERM-like stop (closes stdin is not enough for .NET hosts): uses kill -TERM.</summary>
        public void Terminate()
        {
            if (process.HasExited) return;
            using var kill = Process.Start("kill", new[] { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            kill.WaitForExit();
        }

        /// <summary>Waits for exit; false when still running after <paramref name="timeoutSeconds"/>.</summary>
        public bool WaitForExit(int timeoutSeconds)
        {
            if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds))) return false;

            // The timed overload returns when the process has ended, possibly before its last lines reached Lines
            // (asynchronous reading); the untimed one also waits for the end of the redirected output.
            process.WaitForExit();
            return true;
        }

        public int ExitCode => process.ExitCode;

        public void Dispose()
        {
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // Never started or already reaped.
            }

            process.Dispose();
            lineArrived.Dispose();
        }

        private void Add(string? line)
        {
            if (line is null) return;
            lines.Enqueue(line);
            lineArrived.Release();
        }
    }
}
