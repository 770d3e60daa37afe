using System;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Cli;
using Microsoft.AspNetCore.Http;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>
/// The board panel: the device's simulated board (when <c>cloud serve --sim-control</c> named it), reached only
/// through <see cref="BoardProxy"/> on the server, only for the signed-in user's own devices.
/// </summary>
internal sealed partial class ConsoleEndpoints
{
    private static readonly string[] SensorFields = { "temperature", "humidity" };

    /// <summary><c>{"pins": [...], "sensor": {...}}</c> from the board's <c>GET /pins</c> and <c>GET /sensor</c>.</summary>
    private async Task BoardAsync(HttpContext context)
    {
        Uri board = await BoardOfAsync(context).ConfigureAwait(false);
        BoardProxy.Answer pins = await console.Board.GetAsync(board, "pins", context.RequestAborted).ConfigureAwait(false);
        BoardProxy.Answer sensor = await console.Board.GetAsync(board, "sensor", context.RequestAborted).ConfigureAwait(false);
        if (pins.Status != StatusCodes.Status200OK) throw new ConsoleProblem(StatusCodes.Status502BadGateway, "the board's GET /pins answered " + pins.Json);
        using JsonDocument pinList = JsonDocument.Parse(pins.Json);
        string json = P0Json.Object(w =>
        {
            w.WritePropertyName("pins");
            if (pinList.RootElement.TryGetProperty("pins", out JsonElement list)) list.WriteTo(w);
            else w.WriteRawValue("[]");
            w.WritePropertyName("sensor");
            if (sensor.Status == StatusCodes.Status200OK) w.WriteRawValue(sensor.Json);
            else w.WriteNullValue();
        });
        await WriteJsonAsync(context, StatusCodes.Status200OK, json).ConfigureAwait(false);
    }

    /// <summary>Press or release the button on input <c>{pin}</c>.</summary>
    private async Task BoardPinAsync(HttpContext context)
    {
        Uri board = await BoardOfAsync(context).ConfigureAwait(false);
        string action = RouteText(context, "action");
        if (action is not ("press" or "release")) throw new ConsoleProblem(StatusCodes.Status404NotFound, "a pin can be pressed or released");
        int pin = Convert.ToInt32(context.Request.RouteValues["pin"], CultureInfo.InvariantCulture);
        if (pin is < 0 or > 1000) throw new ConsoleProblem(StatusCodes.Status400BadRequest, "no such pin");
        await RelayAsync(context, await console.Board.ChangeAsync(HttpMethod.Post, board, $"pins/{pin}/{action}", null, context.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary><c>{"temperature": 45, "humidity": 40}</c>: the simulated sensor's next measurement.</summary>
    private async Task BoardSensorAsync(HttpContext context)
    {
        Uri board = await BoardOfAsync(context).ConfigureAwait(false);
        JsonElement body = await ReadJsonAsync(context).ConfigureAwait(false);
        string json = P0Json.Object(w =>
        {
            foreach (string field in SensorFields)
            {
                if (!body.TryGetProperty(field, out JsonElement value)) continue;
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || !double.IsFinite(number))
                {
                    throw new ConsoleProblem(StatusCodes.Status400BadRequest, $"\"{field}\" must be a number");
                }

                w.WriteNumber(field, number);
            }
        });
        await RelayAsync(context, await console.Board.ChangeAsync(HttpMethod.Put, board, "sensor", json, context.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>Unplug (<c>fail</c>) or plug back (<c>recover</c>) the simulated sensor.</summary>
    private async Task BoardSensorStateAsync(HttpContext context)
    {
        Uri board = await BoardOfAsync(context).ConfigureAwait(false);
        string action = RouteText(context, "action");
        if (action is not ("fail" or "recover")) throw new ConsoleProblem(StatusCodes.Status404NotFound, "the sensor can fail or recover");
        await RelayAsync(context, await console.Board.ChangeAsync(HttpMethod.Post, board, "sensor/" + action, null, context.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private async Task<Uri> BoardOfAsync(HttpContext context)
    {
        ConsoleSession session = RequireSession(context);
        string did = RouteText(context, "did");
        await RequireBoundAsync(context, session, did).ConfigureAwait(false);
        return console.Options.Boards.Find(did) ?? throw new ConsoleProblem(StatusCodes.Status404NotFound, "the console knows no simulated board for this device");
    }

    // The board's own answer (its {"error": ...} included) goes to the page with its status.
    private static Task RelayAsync(HttpContext context, BoardProxy.Answer answer) => WriteJsonAsync(context, answer.Status, answer.Json);
}
