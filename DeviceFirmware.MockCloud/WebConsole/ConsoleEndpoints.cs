using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.MockCloud.Cli;
using DeviceFirmware.MockCloud.GService;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>
/// The console's routes: pages and assets (<see cref="ConsoleAssets"/>), sign-in, devices, commands, the board
/// panel and the event streams. Every state-changing request must be JSON, come from the console's own origin and
/// (once signed in) carry the session's anti-CSRF token; the session cookie is HttpOnly and SameSite=Strict.
/// </summary>
internal sealed partial class ConsoleEndpoints
{
    /// <summary>The session cookie: an opaque id, never the user token.</summary>
    public const string CookieName = "giz_console";

    /// <summary>The header the page echoes the anti-CSRF token in.</summary>
    public const string CsrfHeader = "X-Console-Csrf";

    private const int MaxBodyBytes = 16 * 1024;
    private readonly ConsoleServer console;

    private ConsoleEndpoints(ConsoleServer console) => this.console = console;

    public static void Map(IEndpointRouteBuilder endpoints, ConsoleServer console)
    {
        var api = new ConsoleEndpoints(console);
        const string Base = ConsoleServer.BasePath;
        endpoints.MapGet(Base, api.Guard(api.PageAsync));
        endpoints.MapGet(Base + "/devices/{did}", api.Guard(api.DevicePageAsync));
        endpoints.MapGet(Base + "/assets/{file}", api.Guard(ConsoleAssets.ServeAsync));

        endpoints.MapGet(Base + "/api/me", api.Guard(api.MeAsync));
        endpoints.MapPost(Base + "/api/login", api.Guard(api.LoginAsync));
        endpoints.MapPost(Base + "/api/register", api.Guard(api.RegisterAsync));
        endpoints.MapPost(Base + "/api/logout", api.Guard(api.LogoutAsync));

        endpoints.MapGet(Base + "/api/devices", api.Guard(api.DevicesAsync));
        endpoints.MapPost(Base + "/api/bindings", api.Guard(api.BindAsync));
        endpoints.MapGet(Base + "/api/events", api.Guard(api.EventsAsync));
        endpoints.MapGet(Base + "/api/devices/{did}", api.Guard(api.DeviceAsync));
        endpoints.MapDelete(Base + "/api/devices/{did}", api.Guard(api.UnbindAsync));
        endpoints.MapGet(Base + "/api/devices/{did}/events", api.Guard(api.EventsAsync));
        endpoints.MapPost(Base + "/api/devices/{did}/write", api.Guard(api.WriteAsync));
        endpoints.MapPost(Base + "/api/devices/{did}/read", api.Guard(api.ReadAsync));
        endpoints.MapPost(Base + "/api/devices/{did}/settings", api.Guard(api.SettingsAsync));

        endpoints.MapGet(Base + "/api/devices/{did}/board", api.Guard(api.BoardAsync));
        endpoints.MapPost(Base + "/api/devices/{did}/board/pins/{pin:int}/{action}", api.Guard(api.BoardPinAsync));
        endpoints.MapPut(Base + "/api/devices/{did}/board/sensor", api.Guard(api.BoardSensorAsync));
        endpoints.MapPost(Base + "/api/devices/{did}/board/sensor/{action}", api.Guard(api.BoardSensorStateAsync));
    }

    /// <summary>Runs a handler: security headers first; a <see cref="ConsoleProblem"/> (or bad body) becomes <c>{"error"}</c>.</summary>
    private RequestDelegate Guard(Func<HttpContext, Task> handler) => async context =>
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        context.Response.Headers.XFrameOptions = "DENY";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        try
        {
            if (!HttpMethods.IsGet(context.Request.Method)) CheckSameOrigin(context);
            await handler(context).ConfigureAwait(false);
        }
        catch (ConsoleProblem problem)
        {
            await WriteErrorAsync(context, problem.Status, problem.Message).ConfigureAwait(false);
        }
        catch (GServiceProblem problem)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, problem.Detail).ConfigureAwait(false);
        }
        catch (BadHttpRequestException)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "the request body could not be read").ConfigureAwait(false);
        }
        catch (CloudUnreachableException e)
        {
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, e.Message).ConfigureAwait(false);
        }
        catch (GServiceException e)
        {
            // E.g. the token expired while the page was open: the user signs in again.
            int status = e.IsBadCredentials ? StatusCodes.Status401Unauthorized : StatusCodes.Status502BadGateway;
            await WriteErrorAsync(context, status, e.IsBadCredentials ? "GService no longer accepts this sign-in: sign in again" : e.Message).ConfigureAwait(false);
        }
        catch (DeviceNotBoundException)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "no such device among yours").ConfigureAwait(false);
        }
    };

    /// <summary>
    /// CSRF, first line: a state-changing request must be JSON (a cross-site form cannot send that without a CORS
    /// pre-flight, which the console never grants), carry <see cref="CsrfHeader"/>, and its Origin (when sent) must
    /// be this host. The session's token is checked by <see cref="RequireSession"/>.
    /// </summary>
    private static void CheckSameOrigin(HttpContext context)
    {
        HttpRequest request = context.Request;
        string? type = request.ContentType;
        if (type == null || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConsoleProblem(StatusCodes.Status415UnsupportedMediaType, "requests that change something must be application/json");
        }

        string? origin = request.Headers.Origin;
        if (!string.IsNullOrEmpty(origin) && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConsoleProblem(StatusCodes.Status403Forbidden, "cross-origin request refused");
        }

        string? site = request.Headers["Sec-Fetch-Site"];
        if (!string.IsNullOrEmpty(site) && site != "same-origin" && site != "none")
        {
            throw new ConsoleProblem(StatusCodes.Status403Forbidden, "cross-site request refused");
        }

        if (string.IsNullOrEmpty(request.Headers[CsrfHeader])) throw new ConsoleProblem(StatusCodes.Status403Forbidden, $"{CsrfHeader} is missing");
    }

    /// <summary>The signed-in session of the request; 401 without one. State-changing requests must carry its anti-CSRF token.</summary>
    private ConsoleSession RequireSession(HttpContext context)
    {
        ConsoleSession? session = FindSession(context);
        if (session == null) throw new ConsoleProblem(StatusCodes.Status401Unauthorized, "not signed in");
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            byte[] sent = Encoding.UTF8.GetBytes(context.Request.Headers[CsrfHeader].ToString());
            if (!CryptographicOperations.FixedTimeEquals(sent, Encoding.UTF8.GetBytes(session.Csrf)))
            {
                throw new ConsoleProblem(StatusCodes.Status403Forbidden, "anti-CSRF token mismatch: reload the page");
            }
        }

        return session;
    }

    private ConsoleSession? FindSession(HttpContext context)
    {
        string? id = context.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(id) || !console.Sessions.TryGetValue(id, out ConsoleSession? session)) return null;
        if (!session.IsExpired) return session;
        if (console.Sessions.TryRemove(id, out ConsoleSession? expired)) _ = expired.DisposeAsync().AsTask();
        return null;
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpContext context) =>
        await RequestBody.ReadJsonObjectAsync(context, MaxBodyBytes).ConfigureAwait(false);

    private static string RouteText(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? string.Empty;

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        if (context.Response.HasStarted) return Task.CompletedTask;
        return WriteJsonAsync(context, status, P0Json.Object(w => w.WriteString("error", message)));
    }
}
