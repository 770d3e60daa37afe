using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Cli;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.MockCloud.App;
using DeviceFirmware.Tests.MockCloud.M2m;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.Cli;

/// <summary><c>gizctl app send|settings|watch</c> end to end: in-process mock cloud, a bare MQTTnet device, gizctl in-process.</summary>
public sealed class AppDeviceCliTests
{
    private static readonly Product GoKit = AppTestCloud.GoKit;

    [Fact]
    public async Task Send_write_publishes_a_0x0090_with_the_named_points_in_shown_units()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000e1");
        using var session = await LoggedInAsync(cloud, did);
        await using FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);

        CliResult result = await session.RunAsync("app", "send", "--did", did, "--write", "Relay=true", "--write", "LED_Color=2", "--write", "Motor_Speed=-3");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal($"sent 0x0090 to {did}: Relay=true LED_Color=2 Motor_Speed=-3", result.Line);

        await Eventually.True(() => device.Received.Length == 1, "the write at the device");
        FrameReader frame = Decode(device.Received[0].Payload);
        Assert.Equal(GizwitsCommand.Business, frame.Command);
        Assert.StartsWith(Topics.App2DevPrefix + did + "/usr", device.Received[0].Topic, StringComparison.Ordinal);
        var message = new P0Message(GoKit);
        Assert.Equal(P0Error.None, message.Decode(frame.Buffer, frame.BodyOffset, frame.BodyLength));
        Assert.Equal(3, message.FlaggedCount);
        Assert.Equal(1, message.Values.Get(GoKit.Find("Relay").Id));
        Assert.Equal(2, message.Values.Get(GoKit.Find("LED_Color").Id));
        Assert.Equal(-3.0, message.Values.GetShown(GoKit.Find("Motor_Speed").Id));
    }

    [Fact]
    public async Task Send_with_sn_and_read_print_the_decoded_0x0094()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000e2");
        using var session = await LoggedInAsync(cloud, did);
        await using FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);
        string label = GoKit.Find("LED_Color").EnumValues[1];

        CliResult write = await session.RunAsync("app", "send", "--did", did, "--write", "LED_R=100", $"LED_Color={label}", "--sn");
        Assert.True(write.ExitCode == 0, write.Stderr);
        JsonElement reply = write.Json();
        Assert.Equal(did, reply.GetProperty("did").GetString());
        Assert.Equal("0x0094", reply.GetProperty("command").GetString());
        Assert.Equal(1u, reply.GetProperty("sn").GetUInt32());
        Assert.Equal(100, reply.GetProperty("values").GetProperty("LED_R").GetInt32());
        Assert.Equal(1, reply.GetProperty("values").GetProperty("LED_Color").GetInt32());

        CliResult read = await session.RunAsync("app", "send", "--did", did, "--read");
        Assert.True(read.ExitCode == 0, read.Stderr);
        JsonElement status = read.Json();
        Assert.Equal("0x03", status.GetProperty("action").GetString());
        Assert.Equal(100, status.GetProperty("values").GetProperty("LED_R").GetInt32());
        Assert.False(status.GetProperty("values").GetProperty("Relay").GetBoolean());
        Assert.Equal(GizwitsCommand.BusinessWithSn, Decode(device.Received.Last().Payload).Command);
    }

    [Fact]
    public async Task A_device_that_does_not_answer_exits_5()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000e3");
        using var session = await LoggedInAsync(cloud, did);
        await using FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);
        device.Answers = false;

        CliResult read = await session.RunAsync("app", "send", "--did", did, "--read", "--timeout", "0.3");
        Assert.Equal(ExitCodes.Timeout, read.ExitCode);
        Assert.Contains("no 0x0094 with sn 1", read.Stderr, StringComparison.Ordinal);

        CliResult settings = await session.RunAsync("app", "settings", "--did", did, "--log-level", "3", "--led", "on", "--timeout", "0.3");
        Assert.Equal(ExitCodes.Timeout, settings.ExitCode);
        Assert.Contains("0x0011", settings.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_not_bound_to_the_user_exits_4_before_anything_is_sent()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string mine = cloud.RegisterDevice("0000000000e4");
        string theirs = cloud.RegisterDevice("0000000000e5");
        using var session = await LoggedInAsync(cloud, mine);
        await using FakeDevice device = await FakeDevice.ConnectAsync(cloud, theirs);

        foreach (string[] args in new[]
        {
            new[] { "app", "send", "--did", theirs, "--write", "Relay=true" },
            new[] { "app", "send", "--did", theirs, "--read" },
            new[] { "app", "settings", "--did", theirs, "--log-level", "info", "--led", "off" },
            new[] { "app", "watch", "--did", theirs, "--seconds", "1" },
        })
        {
            CliResult result = await session.RunAsync(args);
            Assert.True(result.ExitCode == ExitCodes.NotBound, $"{string.Join(' ', args)}: {result.ExitCode} {result.Stderr}");
            Assert.Contains("not bound", result.Stderr, StringComparison.Ordinal);
        }

        Assert.Empty(device.Received);
    }

    [Fact]
    public async Task M2m_down_exits_6()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000e6");
        using var session = await LoggedInAsync(cloud, did);
        await cloud.StopBrokerAsync();
        CliResult result = await session.RunAsync("app", "send", "--did", did, "--read");
        Assert.Equal(ExitCodes.CloudDown, result.ExitCode);
        Assert.Contains($"cloud not reachable at 127.0.0.1:{cloud.M2mPort}", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Relay=maybe", "BadValue")]
    [InlineData("Nope=1", "UnknownDataPoint")]
    [InlineData("Temperature=20", "NotWritable")]
    [InlineData("LED_R=999", "ValueOutOfRange")]
    public async Task A_bad_write_exits_2_naming_the_point_and_sends_nothing(string assignment, string error)
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000e7");
        using var session = await LoggedInAsync(cloud, did);
        await using FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);
        CliResult result = await session.RunAsync("app", "send", "--did", did, "--write", assignment);
        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Contains(error, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(device.Received);
        Assert.Equal(ExitCodes.Error, (await session.RunAsync("app", "send", "--did", did)).ExitCode);
        Assert.Equal(ExitCodes.Error, (await session.RunAsync("app", "settings", "--did", did, "--log-level", "7", "--led", "on")).ExitCode);
        Assert.Equal(ExitCodes.Error, (await session.RunAsync("app", "settings", "--did", did, "--log-level", "3", "--led", "blinking")).ExitCode);
    }

    [Fact]
    public async Task Settings_send_the_level_and_led_and_report_the_0x0011()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000e8");
        using var session = await LoggedInAsync(cloud, did);
        await using FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);
        CliResult result = await session.RunAsync("app", "settings", "--did", did, "--log-level", "3", "--led", "off");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal($"settings applied on {did}: log level 3 (Info), indicator LED off", result.Line);
        FrameReader frame = Decode(device.Received.Single().Payload);
        Assert.Equal(GizwitsCommand.Settings, frame.Command);
        Assert.Equal(DeviceSettings.Compose(LogLevel.Info, false), frame.Settings);
    }

    [Fact]
    public async Task Watch_prints_status_logs_and_online_changes_readably_until_count()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000e9");
        using var session = await LoggedInAsync(cloud, did);
        Task<CliResult> watch = await StartWatchAsync(cloud, session, did, "--count", "4", "--seconds", "30");

        FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);
        device.Status.Set(GoKit.Find("Relay").Id, 1);
        device.Status.Set(GoKit.Find("Temperature").Id, Raw("Temperature", 21.5));
        await device.BroadcastStatusAsync();
        await device.PublishAsync(Topics.Dev2App(did), FakeDevice.Frame(b => (FrameWriter.WriteLog(b, 0, (int)LogLevel.Warning, "dispatch", "core", "refused a frame", out int n), n)));
        await device.DisposeAsync();

        CliResult result = await watch;
        Assert.True(result.ExitCode == 0, result.Stderr);
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.EndsWith($"{did} online", lines[0], StringComparison.Ordinal);
        Assert.Contains($"{did} status Relay=true", lines[1], StringComparison.Ordinal);
        Assert.Contains("Temperature=21.5", lines[1], StringComparison.Ordinal);
        Assert.Contains($"{did} log Warning [dispatch] core: refused a frame", lines[2], StringComparison.Ordinal);
        Assert.EndsWith($"{did} offline", lines[3], StringComparison.Ordinal);
        Assert.Contains($"watching {did}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_json_and_seconds_stop_for_scripts_and_too_few_events_exit_5()
    {
        await using AppTestCloud cloud = await AppTestCloud.StartAsync();
        string did = cloud.RegisterDevice("0000000000ea");
        using var session = await LoggedInAsync(cloud, did);

        CliResult quiet = await session.RunAsync("app", "watch", "--did", did, "--seconds", "0.3");
        Assert.True(quiet.ExitCode == 0, quiet.Stderr);
        Assert.Equal(string.Empty, quiet.Stdout);

        CliResult tooFew = await session.RunAsync("app", "watch", "--did", did, "--count", "1", "--seconds", "0.3");
        Assert.Equal(ExitCodes.Timeout, tooFew.ExitCode);

        Task<CliResult> watch = await StartWatchAsync(cloud, session, did, "--count", "1", "--json");
        await using FakeDevice device = await FakeDevice.ConnectAsync(cloud, did);
        CliResult result = await watch;
        Assert.True(result.ExitCode == 0, result.Stderr);
        JsonElement online = result.Json();
        Assert.Equal("online", online.GetProperty("event").GetString());
        Assert.Equal(did, online.GetProperty("did").GetString());
    }

    internal static async Task<AppCliSession> LoggedInAsync(AppTestCloud cloud, string did)
    {
        var session = new AppCliSession();
        await session.RegisterAsync(cloud, "user" + did[^4..]);
        await session.BindAsync(cloud, did);
        return session;
    }

    // watch prints nothing on stdout when it is ready; the broker's log shows when an App subscribed the device's broadcast topic.
    private static int Subscriptions(AppTestCloud cloud, string did) =>
        cloud.Log.Entries.Count(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Information && e.Text.Contains("subscribe", StringComparison.OrdinalIgnoreCase) && e.Text.EndsWith(" to " + Topics.Dev2App(did), StringComparison.Ordinal));

    /// <summary>Starts <c>gizctl app watch</c> and returns (still running) once it has subscribed.</summary>
    private static async Task<Task<CliResult>> StartWatchAsync(AppTestCloud cloud, AppCliSession session, string did, params string[] more)
    {
        int before = Subscriptions(cloud, did);
        Task<CliResult> watch = session.RunAsync(["app", "watch", "--did", did, .. more]);
        await Eventually.True(() => Subscriptions(cloud, did) > before || watch.IsCompleted, "gizctl app watch to subscribe");
        if (watch.IsCompleted) throw new Xunit.Sdk.XunitException($"watch ended early with {watch.Result.ExitCode}: {watch.Result.Stderr}");
        return watch;
    }

    private static long Raw(string name, double shown)
    {
        Assert.True(GoKit.Find(name).TryToRaw(shown, out long raw));
        return raw;
    }

    private static FrameReader Decode(byte[] payload)
    {
        var frame = new FrameReader();
        Assert.Equal(FrameError.None, frame.Decode(payload, 0, payload.Length));
        return frame;
    }
}
