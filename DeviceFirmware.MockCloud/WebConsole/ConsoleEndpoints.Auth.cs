using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.MockCloud.Cli;
using DeviceFirmware.Protocol.P0;
using Microsoft.AspNetCore.Http;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>Sign in, register, sign out and "who am I": GService's own <c>/app/login</c> and <c>/app/users</c>.</summary>
internal sealed partial class ConsoleEndpoints
{
    /// <summary><c>{user, uid, csrf}</c> for a signed-in browser, <c>{"user": null}</c> otherwise (not an error: the page then asks to sign in).</summary>
    private Task MeAsync(HttpContext context)
    {
        ConsoleSession? session = FindSession(context);
        return WriteJsonAsync(context, StatusCodes.Status200OK, session == null ? "{\"user\":null}" : Me(session));
    }

    private Task LoginAsync(HttpContext context) => SignInAsync(context, register: false);

    private Task RegisterAsync(HttpContext context) => SignInAsync(context, register: true);

    private async Task LogoutAsync(HttpContext context)
    {
        ConsoleSession session = RequireSession(context);
        if (console.Sessions.TryRemove(session.Id, out _)) await session.DisposeAsync().ConfigureAwait(false);
        context.Response.Cookies.Delete(CookieName, CookieOptions());
        await WriteJsonAsync(context, StatusCodes.Status200OK, "{}").ConfigureAwait(false);
    }

    /// <summary>
    /// Logs in (or registers) through GService over HTTP, like any App, then connects the session's App to M2M with the
    /// user's devices. The token stays in the server's session; the browser gets an HttpOnly, SameSite=Strict cookie.
    /// </summary>
    private async Task SignInAsync(HttpContext context, bool register)
    {
        JsonElement body = await ReadJsonAsync(context).ConfigureAwait(false);
        string user = Text(body, "username") ?? string.Empty;
        string password = Text(body, "password") ?? string.Empty;
        if (user.Length == 0 || password.Length == 0) throw new ConsoleProblem(StatusCodes.Status400BadRequest, "give a user name and a password");
        Uri gservice = console.GService ?? throw new ConsoleProblem(StatusCodes.Status503ServiceUnavailable, "GService is not listening yet");
        var client = new GServiceClient(console.Http, gservice, console.Options.AppId);
        ConsoleSession? session = null;
        try
        {
            AppSession signedIn;
            try
            {
                signedIn = register
                    ? await client.RegisterAsync(user, password, context.RequestAborted).ConfigureAwait(false)
                    : await client.LoginAsync(user, password, context.RequestAborted).ConfigureAwait(false);
            }
            catch (GServiceException e)
            {
                int status = e.ErrorCode == GServiceException.Throttled ? StatusCodes.Status429TooManyRequests
                    : e.IsBadCredentials ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
                string message = e.ErrorCode switch
                {
                    GServiceException.UserNotExist or GServiceException.UsernameOrPasswordError => "wrong user name or password",
                    GServiceException.UsernameUnavailable => "that user name is taken",
                    GServiceException.Throttled => "too many failed sign-ins; wait a few minutes",
                    _ => e.Message,
                };
                throw new ConsoleProblem(status, message);
            }

            session = new ConsoleSession(user, signedIn, client);
            var devices = new Dictionary<string, Product?>(StringComparer.Ordinal);
            foreach (BoundDeviceInfo device in await client.ListBindingsAsync(1000, 0, false, context.RequestAborted).ConfigureAwait(false))
            {
                devices[device.Did] = console.ProductOf(device.ProductKey);
            }

            try
            {
                await session.ConnectAsync(AppOptions(signedIn), devices, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is CloudUnreachableException or AppConnectRefusedException or DeviceNotBoundException)
            {
                throw new ConsoleProblem(StatusCodes.Status503ServiceUnavailable, "M2M refused the console's App: " + e.Message);
            }

            console.Sessions[session.Id] = session;
            context.Response.Cookies.Append(CookieName, session.Id, CookieOptions());
            ConsoleSession done = session;
            session = null;
            await WriteJsonAsync(context, register ? StatusCodes.Status201Created : StatusCodes.Status200OK, Me(done)).ConfigureAwait(false);
        }
        finally
        {
            // A sign-in that failed after login leaves nothing behind (the client shares the console's HttpClient).
            if (session != null) await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private AppClientOptions AppOptions(AppSession user)
    {
        System.Net.IPEndPoint m2m = console.Options.M2m ?? throw new ConsoleProblem(StatusCodes.Status503ServiceUnavailable, "M2M is not listening yet");
        System.Net.IPAddress host = m2m.Address.Equals(System.Net.IPAddress.Any) ? System.Net.IPAddress.Loopback
            : m2m.Address.Equals(System.Net.IPAddress.IPv6Any) ? System.Net.IPAddress.IPv6Loopback : m2m.Address;
        return new AppClientOptions
        {
            Host = host.ToString(),
            Port = m2m.Port,
            AppId = console.Options.AppId,
            Uid = user.Uid,
            Token = user.Token,
            ReplyTimeout = console.Options.ReplyTimeout,
        };
    }

    private static CookieOptions CookieOptions() => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = ConsoleServer.BasePath,
        IsEssential = true,
    };

    private static string Me(ConsoleSession session) => P0Json.Object(w =>
    {
        w.WriteString("user", session.UserName);
        w.WriteString("uid", session.User.Uid);
        w.WriteString("csrf", session.Csrf);
    });
}
