using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace DeviceFirmware.Tests.Hil.Network
{
    /// <summary>Runs a short system command (ip, nft) to completion and reports what it said when it fails.</summary>
    internal static class HostCommand
    {
        /// <summary>The full path of <paramref name="program"/> on PATH (or in /usr/sbin, /sbin), or null.</summary>
        public static string? Find(string program)
        {
            string path = (Environment.GetEnvironmentVariable("PATH") ?? "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
            return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, program))
                .FirstOrDefault(File.Exists);
        }

        /// <summary>Runs <paramref name="program"/>; throws with its output when it exits non-zero or runs past the timeout.</summary>
        public static string Run(string program, string[] arguments, string? stdin = null, int timeoutSeconds = 15)
        {
            if (!TryRun(program, arguments, stdin, out string result, timeoutSeconds)) throw new InvalidOperationException(result);
            return result;
        }

        /// <summary>Runs <paramref name="program"/>; false with "command: stderr" in <paramref name="result"/> when it fails.</summary>
        public static bool TryRun(string program, string[] arguments, string? stdin, out string result, int timeoutSeconds = 15)
        {
            var info = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = stdin is not null,
                UseShellExecute = false,
            };
            foreach (string argument in arguments) info.ArgumentList.Add(argument);
            string shown = program + " " + string.Join(" ", arguments);
            using Process process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + shown);
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }

            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
            {
                process.Kill(entireProcessTree: true);
                result = $"{shown}: no exit within {timeoutSeconds} s";
                return false;
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                result = $"{shown}: exit {process.ExitCode}: {stderr.Result.Trim()} {stdout.Result.Trim()}";
                return false;
            }

            result = stdout.Result;
            return true;
        }
    }
}
