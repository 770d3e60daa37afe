using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.MockCloud.Cli;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.P0;
using Microsoft.AspNetCore.Http;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>The user's devices (GService's bindings list), binding by DID + passcode, one device, and the event streams.</summary>
internal sealed partial class ConsoleEndpoints
{
    private async Task DevicesAsync(HttpContext context)
    {
        ConsoleSession session = RequireSession(context);
        IReadOnlyList<BoundDeviceInfo> devices = await session.GService.ListBindingsAsync(1000, 0, false, context.RequestAborted).ConfigureAwait(false);
        string json = P0Json.Object(w =>
        {
            w.WriteStartArray("devices");
            foreach (BoundDeviceInfo device in devices) WriteDevice(w, device);
            w.WriteEndArray();
        });
        await WriteJsonAsync(context, StatusCodes.Status200OK, json).ConfigureAwait(false);
    }

    /// <summary>Binds <c>{did, passcode}</c> through GService and subscribes the device on M2M.</summary>
    private async Task BindAsync(HttpContext context)
    {
        ConsoleSession session = RequireSession(context);
        JsonElement body = await ReadJsonAsync(context).ConfigureAwait(false);
        string did = (Text(body, "did") ?? string.Empty).Trim();
        string passcode = (Text(body, "passcode") ?? string.Empty).Trim();
        if (!Did.IsValid(did) || passcode.Length == 0) throw new ConsoleProblem(StatusCodes.Status400BadRequest, "give the device's DID and passcode");
        BindResult result;
        try
        {
            result = await session.GService.BindAsync(did, passcode, null, null, context.RequestAborted).ConfigureAwait(false);
        }
        catch (GServiceException e)
        {
            throw new ConsoleProblem(StatusCodes.Status400BadRequest, e.Message);
        }

        if (!result.Success.Contains(did)) throw new ConsoleProblem(StatusCodes.Status400BadRequest, "no device with that DID and passcode");
        BoundDeviceInfo device = await RequireBoundAsync(context, session, did).ConfigureAwait(false);
        await session.AddDeviceAsync(did, console.ProductOf(device.ProductKey), context.RequestAborted).ConfigureAwait(false);
        await WriteJsonAsync(context, StatusCodes.Status200OK, P0Json.Object(w => WriteDeviceFields(w, device))).ConfigureAwait(false);
    }

    private async Task UnbindAsync(HttpContext context)
    {
        ConsoleSession session = RequireSession(context);
        string did = RouteText(context, "did");
        await RequireBoundAsync(context, session, did).ConfigureAwait(false);
        await session.GService.UnbindAsync(did, context.RequestAborted).ConfigureAwait(false);
        await WriteJsonAsync(context, StatusCodes.Status200OK, "{}").ConfigureAwait(false);
    }

    /// <summary>One device: the binding, its product definition, the last status seen and whether a board panel exists.</summary>
    private async Task DeviceAsync(HttpContext context)
    {
        ConsoleSession session = RequireSession(context);
        string did = RouteText(context, "did");
        BoundDeviceInfo device = await RequireBoundAsync(context, session, did).ConfigureAwait(false);
        Product? product = console.ProductOf(device.ProductKey);
        string? status = session.LastStatus(did);
        string json = P0Json.Object(w =>
        {
            w.WriteStartObject("device");
            WriteDeviceFields(w, device);
            w.WriteEndObject();
            if (product != null) ConsoleEventJson.WriteProduct(w, product);
            else w.WriteNull("product");
            w.WritePropertyName("status");
            if (status != null) w.WriteRawValue(status);
            else w.WriteNullValue();
        });
        await WriteJsonAsync(context, StatusCodes.Status200OK, json).ConfigureAwait(false);
    }

    /// <summary>
    /// Server-sent events: of one device (status, online, log, settings-ack, frame) or, without a DID, of all the
    /// user's devices (online). Ends when the page goes, the user signs out or the cloud stops.
    /// </summary>
    private async Task EventsAsync(HttpContext context)
    {
        ConsoleSession session = RequireSession(context);
        string? did = context.Request.RouteValues.ContainsKey("did") ? RouteText(context, "did") : null;
        if (did != null) await RequireBoundAsync(context, session, did).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        ConsoleStream stream = session.Open(did);
        if (did != null) console.StartWatching();
        using var ends = System.Threading.CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, console.Stopping);
        try
        {
            await context.Response.WriteAsync("event: ready\ndata: {}\n\n", ends.Token).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(ends.Token).ConfigureAwait(false);
            await foreach (string message in stream.Reader.ReadAllAsync(ends.Token).ConfigureAwait(false))
            {
                await context.Response.WriteAsync(message, ends.Token).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(ends.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away or the cloud stops.
        }
        catch (System.IO.IOException)
        {
            // The connection broke.
        }
        finally
        {
            session.Close(stream);
            if (did != null) console.StopWatching();
        }
    }

    /// <summary>
    /// The user's binding of <paramref name="did"/> from GService's list; 404 when the user is not bound to it (the
    /// same answer as for a DID that does not exist, so nobody learns which DIDs exist).
    /// </summary>
    private static async Task<BoundDeviceInfo> RequireBoundAsync(HttpContext context, ConsoleSession session, string did)
    {
        if (Did.IsValid(did))
        {
            foreach (BoundDeviceInfo device in await session.GService.ListBindingsAsync(1000, 0, false, context.RequestAborted).ConfigureAwait(false))
            {
                if (string.Equals(device.Did, did, StringComparison.Ordinal)) return device;
            }
        }

        throw new ConsoleProblem(StatusCodes.Status404NotFound, "no such device among yours");
    }

    private void WriteDevice(Utf8JsonWriter w, BoundDeviceInfo device)
    {
        w.WriteStartObject();
        WriteDeviceFields(w, device);
        w.WriteEndObject();
    }

    private void WriteDeviceFields(Utf8JsonWriter w, BoundDeviceInfo device)
    {
        w.WriteString("did", device.Did);
        w.WriteString("productKey", device.ProductKey);
        w.WriteString("productName", console.ProductOf(device.ProductKey)?.Name ?? "(unknown product " + device.ProductKey + ")");
        w.WriteBoolean("online", device.IsOnline);
        w.WriteString("mac", device.Mac);
        w.WriteString("remark", device.Remark);
        w.WriteString("alias", device.DevAlias);
        w.WriteBoolean("board", console.Options.Boards.Find(device.Did) != null);
    }
}
