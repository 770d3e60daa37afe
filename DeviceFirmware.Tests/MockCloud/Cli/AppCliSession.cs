using System;
using System.IO;
using System.Threading.Tasks;
using DeviceFirmware.Tests.MockCloud.App;

namespace DeviceFirmware.Tests.MockCloud.Cli;

/// <summary>A gizctl session file in a fresh temporary folder (passed as --session), deleted on dispose.</summary>
internal sealed class AppCliSession : IDisposable
{
    private readonly string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gizctl-tests-" + Guid.NewGuid().ToString("N"));

    public AppCliSession()
    {
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, "config", "session.json");
    }

    public string Path { get; }

    /// <summary>Runs gizctl in-process (off the test's thread) with <c>--session</c> appended.</summary>
    public Task<CliResult> RunAsync(params string[] args) => Task.Run(() => CliRunner.Run([.. args, "--session", Path]));

    /// <summary>Registers <paramref name="username"/> through gizctl and binds the given devices.</summary>
    public async Task<CliResult> RegisterAsync(AppTestCloud cloud, string username, string password = "pw-secret")
    {
        CliResult result = await RunAsync("app", "register", "--cloud", cloud.GService.BaseAddress.AbsoluteUri, "--appid", AppTestCloud.AppId, "--username", username, "--password", password);
        Xunit.Assert.True(result.ExitCode == 0, result.Stderr);
        return result;
    }

    public async Task BindAsync(AppTestCloud cloud, string did)
    {
        CliResult result = await RunAsync("app", "bind", "--did", did, "--passcode", cloud.Store.GetDevice(did)!.Passcode);
        Xunit.Assert.True(result.ExitCode == 0, result.Stderr);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}
