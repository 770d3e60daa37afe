using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>Runs <c>mosquitto_pub</c> / <c>mosquitto_sub</c> (Debian's mosquitto-clients) as independent MQTT clients.</summary>
public sealed class MosquittoClient : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private MosquittoClient(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lines.Enqueue("stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>True when <paramref name="tool"/> is on the PATH.</summary>
    public static bool IsInstalled(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, tool)));

    public string Output => string.Join("\n", lines);

    public int ExitCode => process.ExitCode;

    public static MosquittoClient Start(string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        return new MosquittoClient(Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start"));
    }

    public bool HasExited => process.HasExited;

    public async Task WaitForExitAsync()
    {
        try
        {
            await Eventually.True(() => process.HasExited, "mosquitto to exit");
        }
        catch (Xunit.Sdk.XunitException timedOut)
        {
            throw new Xunit.Sdk.XunitException($"{timedOut.Message}; its output so far:\n{Output}");
        }

        process.WaitForExit();
    }

    /// <summary>Kills the process (SIGKILL): its socket is closed by the OS, without DISCONNECT.</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill();
        process.Dispose();
    }
}
