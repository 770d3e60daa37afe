using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>
/// The console's static files, embedded in gizctl (WebConsole/wwwroot): nothing is fetched from anywhere else, and
/// there is no build step. Only the files listed here are served.
/// </summary>
internal static class ConsoleAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["console.css"] = "text/css; charset=utf-8",
        ["console.js"] = "text/javascript; charset=utf-8",
        ["api.js"] = "text/javascript; charset=utf-8",
        ["device.js"] = "text/javascript; charset=utf-8",
        ["controls.js"] = "text/javascript; charset=utf-8",
        ["framelog.js"] = "text/javascript; charset=utf-8",
        ["chart.js"] = "text/javascript; charset=utf-8",
        ["board.js"] = "text/javascript; charset=utf-8",
        ["favicon.svg"] = "image/svg+xml",
    };

    /// <summary>The bytes of asset <paramref name="name"/>, or null when there is no such asset.</summary>
    public static byte[]? Read(string name)
    {
        if (!Types.ContainsKey(name)) return null;
        using Stream? stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream("WebConsole/" + name);
        if (stream == null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary><c>GET /console/assets/{file}</c>.</summary>
    public static Task ServeAsync(HttpContext context)
    {
        string name = context.Request.RouteValues["file"] as string ?? string.Empty;
        return WriteAsync(context, name, StatusCodes.Status200OK);
    }

    /// <summary>Writes asset <paramref name="name"/> with <paramref name="status"/>; 404 when there is none.</summary>
    public static async Task WriteAsync(HttpContext context, string name, int status)
    {
        byte[]? bytes = Read(name);
        if (bytes == null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = Types[name];
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
