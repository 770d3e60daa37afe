#nullable enable
using System;
using System.Net.Http.Headers;

namespace DeviceFirmware.Iot.Simulation;

/// <summary>
/// Keeps web pages away from the simulated board. Binding to loopback stops other machines, not a page open in a
/// browser on this one: it may send a "simple" cross-origin POST (<c>Content-Type: text/plain</c>, no preflight) that
/// presses a button or fails the sensor, and through DNS rebinding read the answers too. So a request is refused with
/// 403 when it carries an <c>Origin</c> other than this server's own, or <c>Sec-Fetch-Site: cross-site</c>, or (when
/// bound to loopback) a <c>Host</c> that is not a loopback name; and a POST or PUT without
/// <c>Content-Type: application/json</c> is refused with 415, which a browser cannot send cross-origin without a CORS
/// preflight that this server never answers. Clients that are not browsers (curl, the demo, the web console's server
/// proxying with JSON and no Origin) send no <c>Origin</c> and pass.
/// </summary>
internal static class SimControlRequestGuard
{
    /// <summary>Null when the request may be served, else the refusal.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="origin">The <c>Origin</c> header, or null.</param>
    /// <param name="fetchSite">The <c>Sec-Fetch-Site</c> header, or null.</param>
    /// <param name="host">The <c>Host</c> header, or null.</param>
    /// <param name="contentType">The <c>Content-Type</c> header, or null.</param>
    /// <param name="port">The port this server listens on.</param>
    /// <param name="loopbackOnly">True when bound to loopback: the Host must then be a loopback name.</param>
    public static SimControlResponse? Check(string method, string? origin, string? fetchSite, string? host, string? contentType, int port, bool loopbackOnly)
    {
        if (origin is not null && !IsOwnOrigin(origin, port))
        {
            return SimControlApi.Error(403, "Cross-origin requests are refused (Origin is not this server).");
        }

        if (string.Equals(fetchSite, "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return SimControlApi.Error(403, "Cross-site requests are refused.");
        }

        if (loopbackOnly && !IsLoopbackHost(host, port))
        {
            return SimControlApi.Error(403, "The Host header must name this loopback server (127.0.0.1, localhost or [::1]).");
        }

        bool writes = method is "POST" or "PUT";
        if (writes && !IsJson(contentType))
        {
            return SimControlApi.Error(415, "POST and PUT need Content-Type: application/json.");
        }

        return null;
    }

    private static bool IsOwnOrigin(string origin, int port) =>
        Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri) && uri.Scheme == Uri.UriSchemeHttp && uri.Port == port && IsLoopbackName(uri.Host) &&
        uri.AbsolutePath == "/";

    private static bool IsLoopbackHost(string? host, int port)
    {
        if (string.IsNullOrEmpty(host)) return false;
        return Uri.TryCreate("http://" + host + "/", UriKind.Absolute, out Uri? uri) && uri.Port == port && IsLoopbackName(uri.Host);
    }

    private static bool IsLoopbackName(string host) =>
        host is "127.0.0.1" or "localhost" or "[::1]" or "::1";

    private static bool IsJson(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? parsed) &&
        string.Equals(parsed.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);
}
