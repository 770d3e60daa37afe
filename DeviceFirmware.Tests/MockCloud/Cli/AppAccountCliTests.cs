using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Cli;
using DeviceFirmware.Tests.MockCloud.App;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.Cli;

/// <summary><c>gizctl app register|login|bind|unbind|devices</c> end to end against the in-process mock cloud.</summary>
public sealed class AppAccountCliTests
{
    [Fact]
    public async Task Register_and_login_save_a_private_session_and_never_print_the_token()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        using var session = new AppCliSession();
        CliResult registered = await session.RegisterAsync(cloud, "alice");
        Assert.Contains("registered alice", registered.Stdout, StringComparison.Ordinal);
        AppSessionFile saved = AppSessionFile.Load(session.Path)!;
        Assert.Equal(AppTestCloud.AppId, saved.AppId);
        Assert.Equal(cloud.GService.BaseAddress.AbsoluteUri, saved.Cloud);
        Assert.True(cloud.Store.IsValidToken(saved.Uid, saved.Token));
        Assert.DoesNotContain(saved.Token, registered.Stdout + registered.Stderr, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(session.Path));

        CliResult login = await session.RunAsync("app", "login", "--cloud", cloud.GService.BaseAddress.AbsoluteUri, "--appid", AppTestCloud.AppId, "--username", "alice", "--password", "pw-secret", "--m2m", "127.0.0.1:1883");
        Assert.True(login.ExitCode == 0, login.Stderr);
        Assert.Contains("logged in as alice", login.Stdout, StringComparison.Ordinal);
        AppSessionFile again = AppSessionFile.Load(session.Path)!;
        Assert.Equal(saved.Uid, again.Uid);
        Assert.NotEqual(saved.Token, again.Token);
        Assert.Equal("127.0.0.1:1883", again.M2m);
        Assert.DoesNotContain(again.Token, login.Stdout + login.Stderr, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(session.Path));
    }

    [Theory]
    [InlineData("alice", "wrong-password")]
    [InlineData("nobody", "pw-secret")]
    public async Task Refused_login_exits_3_and_keeps_the_old_session(string username, string password)
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        using var session = new AppCliSession();
        await session.RegisterAsync(cloud, "alice");
        string before = File.ReadAllText(session.Path);
        CliResult result = await session.RunAsync("app", "login", "--cloud", cloud.GService.BaseAddress.AbsoluteUri, "--appid", AppTestCloud.AppId, "--username", username, "--password", password);
        Assert.Equal(ExitCodes.BadCredentials, result.ExitCode);
        Assert.StartsWith("error: GService error 9", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(session.Path));
    }

    [Fact]
    public async Task A_cloud_that_is_down_exits_6()
    {
        using var session = new AppCliSession();
        int port = FreePort.Next();
        CliResult result = await session.RunAsync("app", "login", "--cloud", $"http://127.0.0.1:{port}", "--appid", "app", "--username", "u", "--password", "p");
        Assert.Equal(ExitCodes.CloudDown, result.ExitCode);
        Assert.Contains($"cloud not reachable at http://127.0.0.1:{port}/", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(session.Path));
    }

    [Fact]
    public async Task Without_a_session_the_verbs_exit_3_and_say_to_log_in()
    {
        using var session = new AppCliSession();
        CliResult result = await session.RunAsync("app", "devices");
        Assert.Equal(ExitCodes.BadCredentials, result.ExitCode);
        Assert.Contains("gizctl app login", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_or_forged_token_exits_3()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        using var session = new AppCliSession();
        await session.RegisterAsync(cloud, "alice");
        AppSessionFile saved = AppSessionFile.Load(session.Path)!;
        saved.Token = "forged-token";
        saved.Save(session.Path);
        CliResult result = await session.RunAsync("app", "devices");
        Assert.Equal(ExitCodes.BadCredentials, result.ExitCode);
        Assert.Contains("9004", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bind_devices_and_unbind_with_their_refusals()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000d1", "PASSCODEDA");
        using var session = new AppCliSession();
        await session.RegisterAsync(cloud, "alice");

        CliResult empty = await session.RunAsync("app", "devices");
        Assert.Equal(0, empty.ExitCode);
        Assert.Contains("no devices bound", empty.Stdout, StringComparison.Ordinal);

        CliResult wrong = await session.RunAsync("app", "bind", "--did", did, "--passcode", "WRONGWRONG");
        Assert.Equal(ExitCodes.NotBound, wrong.ExitCode);
        Assert.Contains("wrong passcode", wrong.Stderr, StringComparison.Ordinal);

        CliResult bound = await session.RunAsync("app", "bind", "--did", did, "--passcode", "PASSCODEDA", "--remark", "kitchen [1]", "--alias", "lamp");
        Assert.True(bound.ExitCode == 0, bound.Stderr);
        Assert.Equal($"bound {did}", bound.Line);

        CliResult table = await session.RunAsync("app", "devices");
        Assert.Equal(0, table.ExitCode);
        foreach (string expected in new[] { "did", "product_key", "online", "remark", did, AppTestCloud.GoKit.ProductKey, "offline", "kitchen [1]" })
        {
            Assert.Contains(expected, table.Stdout, StringComparison.Ordinal);
        }

        CliResult json = await session.RunAsync("app", "devices", "--json");
        Assert.Equal(0, json.ExitCode);
        JsonElement device = json.Json().GetProperty("devices").EnumerateArray().Single();
        Assert.Equal(did, device.GetProperty("did").GetString());
        Assert.Equal(AppTestCloud.GoKit.ProductKey, device.GetProperty("product_key").GetString());
        Assert.False(device.GetProperty("online").GetBoolean());
        Assert.Equal("kitchen [1]", device.GetProperty("remark").GetString());
        Assert.Equal("lamp", device.GetProperty("alias").GetString());
        Assert.False(device.TryGetProperty("passcode", out _));

        CliResult unbound = await session.RunAsync("app", "unbind", "--did", did);
        Assert.Equal($"unbound {did}", unbound.Line);
        CliResult again = await session.RunAsync("app", "unbind", "--did", did);
        Assert.Equal(ExitCodes.NotBound, again.ExitCode);
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        using var session = new AppCliSession();
        Assert.Equal(ExitCodes.Error, (await session.RunAsync("app", "bind", "--did", "x")).ExitCode);
        Assert.Equal(ExitCodes.Error, (await session.RunAsync("app", "login", "--cloud", "not a url", "--appid", "a", "--username", "u", "--password", "p")).ExitCode);
        Assert.Equal(ExitCodes.Error, (await session.RunAsync("app", "login", "--cloud", "http://127.0.0.1:1", "--appid", "a", "--username", "u", "--password", "p", "--m2m", "nohostport")).ExitCode);
    }

    [Fact]
    public void Help_lists_the_exit_codes()
    {
        CliResult help = CliRunner.Run("app", "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (string code in new[] { "3 bad credentials", "4 device not bound", "5 timeout", "6 cloud down" })
        {
            Assert.Contains(code, help.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Session_file_defaults_to_GIZCTL_SESSION_then_the_config_folder()
    {
        string? before = Environment.GetEnvironmentVariable(AppSessionFile.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(AppSessionFile.EnvironmentVariable, "/tmp/elsewhere/session.json");
            Assert.Equal("/tmp/elsewhere/session.json", AppSessionFile.DefaultPath);
            Environment.SetEnvironmentVariable(AppSessionFile.EnvironmentVariable, null);
            string expected = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "gizctl", "session.json");
            Assert.Equal(expected, AppSessionFile.DefaultPath);
        }
        finally
        {
            Environment.SetEnvironmentVariable(AppSessionFile.EnvironmentVariable, before);
        }
    }
}
