using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;

namespace DeviceFirmware.MockCloud.Cli;

/// <summary>What every <c>gizctl app</c> verb shares: the writers, the session file, and turning failures into exit codes.</summary>
internal sealed class AppCli
{
    public AppCli(TextWriter stdout, TextWriter stderr)
    {
        Out = stdout;
        Err = stderr;
    }

    public TextWriter Out { get; }

    public TextWriter Err { get; }

    /// <summary><c>--session FILE</c>: where the session is kept.</summary>
    public static Option<string> SessionOption() => new("--session")
    {
        Description = $"the session file (default ${AppSessionFile.EnvironmentVariable}, else the user's config folder: gizctl/session.json)",
    };

    public static Option<string> DidOption() => new("--did") { Description = "the device's DID", Required = true };

    public static string SessionPath(ParseResult result, Option<string> session) => result.GetValue(session) ?? AppSessionFile.DefaultPath;

    /// <summary>The saved session, or a <see cref="ExitCodes.BadCredentials"/> failure telling the user to log in.</summary>
    public static AppSessionFile RequireSession(string path)
    {
        AppSessionFile? session;
        try
        {
            session = AppSessionFile.Load(path);
        }
        catch (InvalidDataException e)
        {
            throw new AppCliException(ExitCodes.BadCredentials, e.Message);
        }

        return session ?? throw new AppCliException(ExitCodes.BadCredentials, $"not logged in (no session in {path}): run 'gizctl app login --cloud URL --appid ID --username U --password P'");
    }

    /// <summary>A GService client for the saved session (token set).</summary>
    public static GServiceClient GService(AppSessionFile session)
    {
        if (!Uri.TryCreate(session.Cloud, UriKind.Absolute, out Uri? cloud)) throw new AppCliException(ExitCodes.Error, $"the session's cloud URL '{session.Cloud}' is not a URL (log in again)");
        return new GServiceClient(cloud, session.AppId) { UserToken = session.Token };
    }

    /// <summary>Runs a verb's body and turns each known failure into its message on stderr and its exit code.</summary>
    public async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (AppCliException e)
        {
            return Fail(e.ExitCode, e.Message);
        }
        catch (GServiceException e)
        {
            int code = e.IsBadCredentials || e.ErrorCode == GServiceException.Throttled ? ExitCodes.BadCredentials
                : e.ErrorCode == GServiceException.DeviceNotBound ? ExitCodes.NotBound
                : ExitCodes.Error;
            return Fail(code, e.Message);
        }
        catch (CloudUnreachableException e)
        {
            return Fail(ExitCodes.CloudDown, e.Message);
        }
        catch (AppConnectRefusedException e)
        {
            return Fail(e.IsBadCredentials ? ExitCodes.BadCredentials : ExitCodes.CloudDown, e.Message);
        }
        catch (DeviceNotBoundException e)
        {
            return Fail(ExitCodes.NotBound, e.Message);
        }
        catch (ReplyTimeoutException e)
        {
            return Fail(ExitCodes.Timeout, e.Message);
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("not connected", StringComparison.Ordinal))
        {
            return Fail(ExitCodes.CloudDown, e.Message);
        }
        catch (OperationCanceledException)
        {
            return Fail(ExitCodes.Error, "interrupted");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.Error, e.Message);
        }
    }

    public int Fail(int code, string message)
    {
        Err.WriteLine("error: " + message);
        return code;
    }

    /// <summary>Registers an async action that runs through <see cref="RunAsync"/>.</summary>
    public void SetAction(Command command, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction((result, cancel) => RunAsync(() => body(result, cancel)));
}

/// <summary>A failure with its exit code and the message for the user.</summary>
internal sealed class AppCliException : Exception
{
    public AppCliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public AppCliException()
    {
    }

    public AppCliException(string message)
        : base(message)
    {
    }

    public AppCliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = ExitCodes.Error;
}
