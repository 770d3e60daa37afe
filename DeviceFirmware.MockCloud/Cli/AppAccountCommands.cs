using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DeviceFirmware.MockCloud.Cli;

/// <summary>
/// The GService verbs of <c>gizctl app</c>: <c>register</c> and <c>login</c> (which save the session), <c>bind</c>,
/// <c>unbind</c> and <c>devices</c> (which use it).
/// </summary>
internal static class AppAccountCommands
{
    public static Command Register(AppCli cli) => Account(cli, "register", "register a new App user on GService and save its session", register: true);

    public static Command Login(AppCli cli) => Account(cli, "login", "log in on GService and save the session (uid and token) for the other app verbs", register: false);

    public static Command Bind(AppCli cli)
    {
        Option<string> session = AppCli.SessionOption();
        Option<string> did = AppCli.DidOption();
        var passcode = new Option<string>("--passcode") { Description = "the device's passcode", Required = true };
        var remark = new Option<string>("--remark") { Description = "a remark kept with the binding" };
        var alias = new Option<string>("--alias") { Description = "an alias for the device (dev_alias)" };
        var command = new Command("bind", "bind the logged-in user to a device (its DID and passcode)") { did, passcode, remark, alias, session };
        cli.SetAction(command, async (result, cancel) =>
        {
            AppSessionFile saved = AppCli.RequireSession(AppCli.SessionPath(result, session));
            using GServiceClient gservice = AppCli.GService(saved);
            string id = result.GetRequiredValue(did);
            BindResult answer = await gservice.BindAsync(id, result.GetRequiredValue(passcode), result.GetValue(remark), result.GetValue(alias), cancel).ConfigureAwait(false);
            if (!answer.Success.Contains(id)) throw new AppCliException(ExitCodes.NotBound, $"GService refused to bind {id}: unknown device or wrong passcode");
            cli.Out.WriteLine($"bound {id}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Unbind(AppCli cli)
    {
        Option<string> session = AppCli.SessionOption();
        Option<string> did = AppCli.DidOption();
        var command = new Command("unbind", "unbind the logged-in user from a device") { did, session };
        cli.SetAction(command, async (result, cancel) =>
        {
            AppSessionFile saved = AppCli.RequireSession(AppCli.SessionPath(result, session));
            using GServiceClient gservice = AppCli.GService(saved);
            string id = result.GetRequiredValue(did);
            BindResult answer = await gservice.UnbindAsync(id, cancel).ConfigureAwait(false);
            if (!answer.Success.Contains(id)) throw new AppCliException(ExitCodes.NotBound, $"{id} is not bound to this user");
            cli.Out.WriteLine($"unbound {id}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Devices(AppCli cli)
    {
        Option<string> session = AppCli.SessionOption();
        var json = new Option<bool>("--json") { Description = "print one JSON array (for scripts) instead of a table" };
        var limit = new Option<int>("--limit") { Description = "at most this many devices (1-1000)", DefaultValueFactory = _ => 1000 };
        var skip = new Option<int>("--skip") { Description = "skip this many first", DefaultValueFactory = _ => 0 };
        var disabled = new Option<bool>("--show-disabled") { Description = "include devices an admin disabled" };
        var command = new Command("devices", "list the devices bound to the logged-in user: did, product_key, online, remark") { json, limit, skip, disabled, session };
        cli.SetAction(command, async (result, cancel) =>
        {
            AppSessionFile saved = AppCli.RequireSession(AppCli.SessionPath(result, session));
            using GServiceClient gservice = AppCli.GService(saved);
            IReadOnlyList<BoundDeviceInfo> devices = await gservice.ListBindingsAsync(result.GetValue(limit), result.GetValue(skip), result.GetValue(disabled), cancel).ConfigureAwait(false);
            if (result.GetValue(json)) cli.Out.WriteLine(DevicesJson(devices));
            else WriteTable(cli, devices);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Account(AppCli cli, string name, string description, bool register)
    {
        var cloud = new Option<string>("--cloud") { Description = "GService's base URL, e.g. http://127.0.0.1:8080", Required = true };
        var appId = new Option<string>("--appid") { Description = "the application id (X-Gizwits-Application-Id)", Required = true };
        var username = new Option<string>("--username") { Description = "the username", Required = true };
        var password = new Option<string>("--password") { Description = "the password", Required = true };
        var m2m = new Option<string>("--m2m") { Description = "M2M HOST:PORT to remember for send, settings and watch (default: the address the bindings list gives)" };
        Option<string> session = AppCli.SessionOption();
        var command = new Command(name, description) { cloud, appId, username, password, m2m, session };
        cli.SetAction(command, async (result, cancel) =>
        {
            string url = result.GetRequiredValue(cloud);
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? baseAddress) || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
            {
                throw new AppCliException(ExitCodes.Error, $"--cloud '{url}' is not an http:// or https:// URL");
            }

            string? address = result.GetValue(m2m);
            if (address != null) AppM2mAddress.Parse(address);
            using var gservice = new GServiceClient(baseAddress, result.GetRequiredValue(appId));
            string user = result.GetRequiredValue(username);
            AppSession answer = register
                ? await gservice.RegisterAsync(user, result.GetRequiredValue(password), cancel).ConfigureAwait(false)
                : await gservice.LoginAsync(user, result.GetRequiredValue(password), cancel).ConfigureAwait(false);
            var saved = new AppSessionFile
            {
                Cloud = gservice.BaseAddress.AbsoluteUri,
                AppId = gservice.AppId,
                Uid = answer.Uid,
                Token = answer.Token,
                ExpireAt = answer.ExpireAt.ToUnixTimeSeconds(),
                M2m = address,
            };
            string path = AppCli.SessionPath(result, session);
            saved.Save(path);
            cli.Out.WriteLine($"{(register ? "registered" : "logged in as")} {user}: uid {answer.Uid}, token valid until {answer.ExpireAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC (session saved in {path})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string DevicesJson(IReadOnlyList<BoundDeviceInfo> devices)
    {
        string body = P0Json.Object(writer =>
        {
            writer.WriteStartArray("devices");
            foreach (BoundDeviceInfo d in devices)
            {
                writer.WriteStartObject();
                writer.WriteString("did", d.Did);
                writer.WriteString("product_key", d.ProductKey);
                writer.WriteBoolean("online", d.IsOnline);
                writer.WriteString("remark", d.Remark);
                writer.WriteString("alias", d.DevAlias);
                writer.WriteString("mac", d.Mac);
                writer.WriteString("host", d.Host);
                writer.WriteNumber("port", d.Port);
                writer.WriteNumber("port_s", d.PortS);
                writer.WriteBoolean("disabled", d.IsDisabled);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
        return body;
    }

    private static void WriteTable(AppCli cli, IReadOnlyList<BoundDeviceInfo> devices)
    {
        if (devices.Count == 0)
        {
            cli.Out.WriteLine("no devices bound (bind one with 'gizctl app bind --did D --passcode P')");
            return;
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(cli.Out),
        });
        console.Profile.Width = 160;
        var table = new Table().Border(TableBorder.Simple);
        foreach (string column in new[] { "did", "product_key", "online", "remark", "alias" }) table.AddColumn(column);
        foreach (BoundDeviceInfo d in devices)
        {
            table.AddRow(new IRenderable[] { new Text(d.Did), new Text(d.ProductKey), new Text(d.IsOnline ? "online" : "offline"), new Text(d.Remark), new Text(d.DevAlias) });
        }

        console.Write(table);
    }
}
