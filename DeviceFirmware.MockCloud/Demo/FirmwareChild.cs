using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DeviceFirmware.MockCloud.Demo;

/// <summary>
/// The firmware (DeviceFirmware.dll, built in the same repository) as a child process on the simulated board: its log lines are
/// kept for the demo to wait on, and it is stopped with SIGTERM (outputs safe, clean disconnect) or killed on dispose.
/// </summary>
internal sealed class FirmwareChild : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private FirmwareChild(Process process) => this.process = process;

    /// <summary>Raised for every line the firmware prints.</summary>
    public event Action<string>? Line;

    /// <summary>The firmware's process id.</summary>
    public int Pid => process.Id;

    /// <summary>Starts the firmware with <paramref name="arguments"/>.</summary>
    public static FirmwareChild Start(params string[] arguments)
    {
        string dll = Locate();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        var process = new Process { StartInfo = info };
        var child = new FirmwareChild(process);
        process.OutputDataReceived += (_, e) => child.Add(e.Data);
        process.ErrorDataReceived += (_, e) => child.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// The firmware's own build output (its runtimeconfig and dependencies; gizctl does not reference the firmware
    /// executable, so no copy of it lies beside gizctl): <c>$GIZCTL_FIRMWARE</c>, else
    /// <c>DeviceFirmware/bin/&lt;configuration&gt;/net10.0/</c> of the repository gizctl was built in.
    /// </summary>
    public static string Locate()
    {
        string? given = Environment.GetEnvironmentVariable("GIZCTL_FIRMWARE");
        if (!string.IsNullOrEmpty(given)) return File.Exists(given) ? given : throw new FileNotFoundException("GIZCTL_FIRMWARE names no file", given);
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "DeviceFirmware.sln"))) continue;
            string dll = Path.Combine(dir.FullName, "DeviceFirmware", "bin", configuration, "net10.0", "DeviceFirmware.dll");
            if (File.Exists(dll)) return dll;
            throw new FileNotFoundException($"build the firmware first (dotnet build -c {configuration})", dll);
        }

        throw new FileNotFoundException("the firmware was not found: set GIZCTL_FIRMWARE to DeviceFirmware.dll");
    }

    /// <summary>The first line containing <paramref name="text"/>; an error when the firmware exits or the time runs out.</summary>
    public async Task<string> WaitForAsync(string text, TimeSpan timeout, CancellationToken cancel)
    {
        DateTime give = DateTime.UtcNow + timeout;
        while (true)
        {
            string? found = lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (found is not null) return found;
            if (process.HasExited) throw new InvalidOperationException($"the firmware exited ({process.ExitCode}): {string.Join(" | ", lines.TakeLast(5))}");
            if (DateTime.UtcNow > give) throw new TimeoutException($"the firmware did not log '{text}' within {timeout.TotalSeconds:0} s");
            await Task.Delay(50, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>SIGTERM, then waits up to <paramref name="timeout"/>; true when it exited.</summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        if (process.HasExited) return true;
        using (Process kill = Process.Start("kill", new[] { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lines.Enqueue(line);
        Line?.Invoke(line);
    }
}
