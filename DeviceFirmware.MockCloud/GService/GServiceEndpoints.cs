using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Diagnostics;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.MockCloud.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DeviceFirmware.MockCloud.GService;

/// <summary>The request handlers behind <see cref="GServiceApi"/>, with what they share: the store, presence, options, throttle, logger.</summary>
internal sealed partial class GServiceEndpoints
{
    private const string AppIdHeader = "X-Gizwits-Application-Id";
    private const string TokenHeader = "X-Gizwits-User-token";

    private readonly CloudStore store;
    private readonly IDevicePresence presence;
    private readonly GServiceOptions options;
    private readonly ILogger logger;
    private readonly LoginThrottle throttle;
    private readonly LoginThrottle bindThrottle;
    private readonly LoginThrottle anonymousThrottle;

    public GServiceEndpoints(CloudStore store, IDevicePresence presence, GServiceOptions options, ILogger logger)
    {
        this.store = store;
        this.presence = presence;
        this.options = options;
        this.logger = logger;
        throttle = new LoginThrottle(options);
        bindThrottle = new LoginThrottle(options, () => options.BindFailureLimit);
        anonymousThrottle = new LoginThrottle(options, () => options.AnonymousRegistrationLimit);
    }

    /// <summary>Runs a handler and turns its <see cref="GServiceProblem"/> (or an unreadable body) into the JSON error answer.</summary>
    public RequestDelegate Guard(Func<HttpContext, Task> handler) => async context =>
    {
        try
        {
            await handler(context).ConfigureAwait(false);
        }
        catch (GServiceProblem problem)
        {
            await WriteErrorAsync(context, problem.Error, problem.Detail).ConfigureAwait(false);
        }
        catch (BadHttpRequestException)
        {
            await WriteErrorAsync(context, GServiceError.FormInvalid, "the request body could not be read").ConfigureAwait(false);
        }
    };

    private async Task WriteErrorAsync(HttpContext context, GServiceError error, string detail)
    {
        GServiceLog.RequestRefused(logger, context.Request.Method, LogText.Safe(context.Request.Path.Value), error.Code, LogText.Safe(detail));
        if (context.Response.HasStarted) return;
        var body = new JsonObject
        {
            ["error_code"] = error.Code,
            ["error_message"] = error.Message,
            ["detail_message"] = detail,
        };
        await WriteJsonAsync(context, error.Status, body).ConfigureAwait(false);
    }

    private static Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static Task WriteTextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    /// <summary>The request's application id; 9003 unless it is present and known.</summary>
    private string RequireAppId(HttpContext context)
    {
        string? appId = SingleHeader(context, AppIdHeader);
        if (appId is null) throw new GServiceProblem(GServiceError.AppIdInvalid, $"{AppIdHeader} is missing");
        if (!store.IsApplication(appId)) throw new GServiceProblem(GServiceError.AppIdInvalid, "unknown application id");
        return appId;
    }

    /// <summary>The uid that the request's token belongs to; 9004 when missing or unknown, 9006 when expired.</summary>
    private string RequireUser(HttpContext context)
    {
        string? token = SingleHeader(context, TokenHeader);
        if (token is null) throw new GServiceProblem(GServiceError.TokenInvalid, $"{TokenHeader} is missing");
        return store.CheckToken(token, out string? uid) switch
        {
            TokenStatus.Valid => uid!,
            TokenStatus.Expired => throw new GServiceProblem(GServiceError.TokenExpired, "the token has expired; log in again"),
            _ => throw new GServiceProblem(GServiceError.TokenInvalid, "unknown token"),
        };
    }

    private static string? SingleHeader(HttpContext context, string name)
    {
        var values = context.Request.Headers[name];
        return values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
    }

    /// <summary>The request's remote address as a throttle key and log field.</summary>
    private static string RemoteAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The M2M side of an unbinding, when GService runs beside this project's broker: live subscriptions end at once.</summary>
    private void Revoke(string uid, string did)
    {
        if (presence is IBindingRevocation revocation) revocation.Unbound(uid, did);
    }

    private static string Unix(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
