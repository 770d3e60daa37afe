using System;
using System.CommandLine;
using System.IO;

namespace DeviceFirmware.MockCloud.Cli;

/// <summary>
/// <c>gizctl app</c>: the App side of the cloud. Account verbs talk to GService (register, login, bind, unbind,
/// devices); device verbs connect to M2M as an App (send, settings, watch). The session from login is kept in a file
/// (see <see cref="AppSessionFile"/>). Results go to stdout, errors to stderr as <c>error: …</c>; exit codes are
/// <see cref="ExitCodes"/>: 0 ok, 2 usage or input, 3 bad credentials, 4 not bound, 5 timeout, 6 cloud down.
/// </summary>
public static class AppCommands
{
    /// <summary>The exit codes as the help text lists them.</summary>
    public const string ExitCodeHelp =
        "Exit codes: 0 ok; 2 usage or input error; 3 bad credentials (wrong password, unknown user, token invalid or expired, not logged in); " +
        "4 device not bound; 5 timeout (the device did not answer); 6 cloud down (GService or M2M not reachable).";

    /// <summary>Builds the <c>app</c> command; its verbs write to <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var cli = new AppCli(stdout, stderr);
        var app = new Command("app", "the App side: accounts and bindings on GService, and talking to devices through M2M. " + ExitCodeHelp);
        app.Add(AppAccountCommands.Register(cli));
        app.Add(AppAccountCommands.Login(cli));
        app.Add(AppAccountCommands.Bind(cli));
        app.Add(AppAccountCommands.Unbind(cli));
        app.Add(AppAccountCommands.Devices(cli));
        app.Add(AppDeviceCommands.Send(cli));
        app.Add(AppDeviceCommands.Settings(cli));
        app.Add(AppWatchCommand.Create(cli));
        return app;
    }
}
