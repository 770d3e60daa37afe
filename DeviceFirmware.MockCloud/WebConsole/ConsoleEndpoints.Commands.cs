using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.MockCloud.Cli;
using DeviceFirmware.Protocol.P0;
using Microsoft.AspNetCore.Http;
using ProtocolLogLevel = DeviceFirmware.Protocol.LogLevel;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>
/// The device page's commands, sent by the session's <see cref="AppClient"/>: a write (0x0093 with an sn, answered by
/// 0x0094), a read, and the 0x0010 settings (answered by 0x0011); each answer carries the measured round trip.
/// </summary>
internal sealed partial class ConsoleEndpoints
{
    /// <summary>
    /// <c>{"values": {"Relay": "true", "LED_R": "100"}}</c>: shown values, parsed by the rules of
    /// <c>gizctl p0 encode --write Name=value</c>; answers the 0x0094 as a status event with <c>rttMs</c>.
    /// </summary>
    private async Task WriteAsync(HttpContext context)
    {
        (ConsoleSession session, string did, Product product) = await CommandTargetAsync(context).ConfigureAwait(false);
        JsonElement body = await ReadJsonAsync(context).ConfigureAwait(false);
        if (!body.TryGetProperty("values", out JsonElement written) || written.ValueKind != JsonValueKind.Object)
        {
            throw new ConsoleProblem(StatusCodes.Status400BadRequest, "give \"values\": {\"Name\": \"value\"}");
        }

        var values = new DataPointValues(product);
        var flagged = new bool[product.Points.Length];
        var assignments = new List<string>();
        foreach (JsonProperty property in written.EnumerateObject())
        {
            string text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => throw new ConsoleProblem(StatusCodes.Status400BadRequest, $"the value of {property.Name} must be text, a number or a bool"),
            };
            string? refusal = P0Encode.Assign(product, values, flagged, property.Name + "=" + text, writableOnly: true);
            if (refusal != null) throw new ConsoleProblem(StatusCodes.Status400BadRequest, refusal);
            assignments.Add(property.Name);
        }

        if (assignments.Count == 0) throw new ConsoleProblem(StatusCodes.Status400BadRequest, "nothing to write");
        byte[] buffer = new byte[product.MaxMessageSize];
        P0Error error = P0Writer.WriteWrite(values, flagged, buffer, 0, out int length);
        if (error != P0Error.None) throw new ConsoleProblem(StatusCodes.Status400BadRequest, "the P0 writer refused the write: " + error);
        await AnswerAsync(context, session, product, app => app.RequestAsync(did, buffer.AsSpan(0, length).ToArray(), context.RequestAborted)).ConfigureAwait(false);
    }

    /// <summary>A read (P0 0x02 in a 0x0093): answers the 0x0094 (the full status) with <c>rttMs</c>.</summary>
    private async Task ReadAsync(HttpContext context)
    {
        (ConsoleSession session, string did, Product product) = await CommandTargetAsync(context).ConfigureAwait(false);
        await AnswerAsync(context, session, product, app => app.SendReadAsync(did, context.RequestAborted)).ConfigureAwait(false);
    }

    /// <summary><c>{"logLevel": 0-3, "led": true}</c> as a 0x0010; answers <c>{"confirmed": true, "rttMs"}</c> once the 0x0011 came.</summary>
    private async Task SettingsAsync(HttpContext context)
    {
        (ConsoleSession session, string did, _) = await CommandTargetAsync(context).ConfigureAwait(false);
        JsonElement body = await ReadJsonAsync(context).ConfigureAwait(false);
        if (!body.TryGetProperty("logLevel", out JsonElement level) || level.ValueKind != JsonValueKind.Number || !level.TryGetInt32(out int threshold)
            || threshold < (int)ProtocolLogLevel.Off || threshold > (int)ProtocolLogLevel.Info)
        {
            throw new ConsoleProblem(StatusCodes.Status400BadRequest, "\"logLevel\" must be 0 (off), 1 (Error), 2 (Warning) or 3 (Info)");
        }

        if (!body.TryGetProperty("led", out JsonElement led) || (led.ValueKind != JsonValueKind.True && led.ValueKind != JsonValueKind.False))
        {
            throw new ConsoleProblem(StatusCodes.Status400BadRequest, "\"led\" must be true or false");
        }

        var clock = Stopwatch.StartNew();
        try
        {
            await session.App.SendSettingsAsync(did, (ProtocolLogLevel)threshold, led.GetBoolean(), context.RequestAborted).ConfigureAwait(false);
        }
        catch (ReplyTimeoutException e)
        {
            throw new ConsoleProblem(StatusCodes.Status504GatewayTimeout, e.Message);
        }
        catch (InvalidOperationException e)
        {
            // The App is between connections to M2M (it reconnects by itself).
            throw new ConsoleProblem(StatusCodes.Status503ServiceUnavailable, e.Message);
        }

        double rtt = clock.Elapsed.TotalMilliseconds;
        await WriteJsonAsync(context, StatusCodes.Status200OK, P0Json.Object(w =>
        {
            w.WriteBoolean("confirmed", true);
            w.WriteNumber("logLevel", threshold);
            w.WriteString("logLevelName", ((ProtocolLogLevel)threshold).ToString());
            w.WriteBoolean("led", led.GetBoolean());
            w.WriteNumber("rttMs", Math.Round(rtt, 1));
        })).ConfigureAwait(false);
    }

    private async Task<(ConsoleSession Session, string Did, Product Product)> CommandTargetAsync(HttpContext context)
    {
        ConsoleSession session = RequireSession(context);
        string did = RouteText(context, "did");
        BoundDeviceInfo device = await RequireBoundAsync(context, session, did).ConfigureAwait(false);
        Product product = console.ProductOf(device.ProductKey)
            ?? throw new ConsoleProblem(StatusCodes.Status400BadRequest, $"the console has no product definition for {device.ProductKey}");
        if (session.ProductOf(did) == null) await session.AddDeviceAsync(did, product, context.RequestAborted).ConfigureAwait(false);
        return (session, did, product);
    }

    private static async Task AnswerAsync(HttpContext context, ConsoleSession session, Product product, Func<AppClient, Task<DeviceStatusEvent>> send)
    {
        var clock = Stopwatch.StartNew();
        DeviceStatusEvent reply;
        try
        {
            reply = await send(session.App).ConfigureAwait(false);
        }
        catch (ReplyTimeoutException e)
        {
            throw new ConsoleProblem(StatusCodes.Status504GatewayTimeout, e.Message);
        }
        catch (InvalidOperationException e)
        {
            throw new ConsoleProblem(StatusCodes.Status503ServiceUnavailable, e.Message);
        }

        double rtt = clock.Elapsed.TotalMilliseconds;
        await WriteJsonAsync(context, StatusCodes.Status200OK, ConsoleEventJson.Status(reply, product, rtt)).ConfigureAwait(false);
    }
}
