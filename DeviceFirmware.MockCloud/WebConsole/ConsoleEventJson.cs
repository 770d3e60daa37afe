using System;
using System.Globalization;
using System.Text.Json;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.MockCloud.Cli;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>
/// The JSON the console's page receives for an App event. Data point values are the text <c>gizctl p0 decode</c>
/// prints (<see cref="P0Json.ValueText"/>), so the page's <c>data-value</c> attributes read the same as the CLI.
/// </summary>
internal static class ConsoleEventJson
{
    /// <summary>The SSE event name and JSON of <paramref name="e"/>, or null for events the page does not show.</summary>
    public static (string Name, string Json)? Describe(AppEvent e, Product? product)
    {
        switch (e)
        {
            case DeviceStatusEvent status:
                return ("status", Status(status, product, null));
            case DeviceOnlineEvent online:
                return ("online", P0Json.Object(w =>
                {
                    w.WriteString("did", online.Did);
                    w.WriteBoolean("online", online.Online);
                    w.WriteString("time", Time(online.ReceivedAt));
                }));
            case DeviceLogEvent log:
                return ("log", P0Json.Object(w =>
                {
                    w.WriteString("did", log.Did);
                    w.WriteString("time", Time(log.ReceivedAt));
                    w.WriteString("level", log.Level.ToString());
                    w.WriteString("tag", log.Tag);
                    w.WriteString("source", log.Source);
                    w.WriteString("content", log.Content);
                }));
            case SettingsAckEvent ack:
                return ("settings-ack", P0Json.Object(w =>
                {
                    w.WriteString("did", ack.Did);
                    w.WriteString("time", Time(ack.ReceivedAt));
                }));
            case SessionChangedEvent session:
                return ("session", P0Json.Object(w => w.WriteBoolean("connected", session.Connected)));
            default:
                return null;
        }
    }

    /// <summary>
    /// A status (0x0091/0x0094): <c>{did, command, sn, broadcast, action, values:{Name:text}, error}</c>, plus
    /// <c>rttMs</c> when the console measured the round trip.
    /// </summary>
    public static string Status(DeviceStatusEvent status, Product? product, double? roundTripMs) => P0Json.Object(w =>
    {
        w.WriteString("did", status.Did);
        w.WriteString("time", Time(status.ReceivedAt));
        w.WriteString("command", FrameJson.CommandName(status.Command));
        if (status.Sn.HasValue) w.WriteNumber("sn", status.Sn.Value);
        else w.WriteNull("sn");
        w.WriteBoolean("broadcast", status.IsBroadcast);
        w.WriteString("action", "0x" + status.Action.ToString("x2", CultureInfo.InvariantCulture));
        if (roundTripMs.HasValue) w.WriteNumber("rttMs", Math.Round(roundTripMs.Value, 1));
        string? error = status.P0Error;
        w.WriteStartObject("values");
        if (product != null && error == null)
        {
            var message = new P0Message(product);
            if (message.Decode(status.P0, 0, status.P0.Length) == P0Error.None && message.Action is P0Action.ReadReply or P0Action.Report)
            {
                for (int id = 0; id < product.Points.Length; id++)
                {
                    if (message.Flagged[id]) w.WriteString(product.Points[id].Name, P0Json.ValueText(message.Values, id));
                }
            }
        }

        w.WriteEndObject();
        if (error != null) w.WriteString("error", error);
    });

    /// <summary>A product as the page builds its controls from it.</summary>
    public static void WriteProduct(Utf8JsonWriter w, Product product)
    {
        w.WriteStartObject("product");
        w.WriteString("name", product.Name);
        w.WriteString("productKey", product.ProductKey);
        w.WriteStartArray("points");
        foreach (DataPoint point in product.Points)
        {
            w.WriteStartObject();
            w.WriteString("name", point.Name);
            w.WriteString("displayName", string.IsNullOrEmpty(point.DisplayName) ? point.Name : point.DisplayName);
            w.WriteString("type", point.Type switch
            {
                DataPointType.Writable => "writable",
                DataPointType.ReadOnly => "readonly",
                DataPointType.Alert => "alert",
                _ => "fault",
            });
            w.WriteString("dataType", point.DataType switch
            {
                DataType.Bool => "bool",
                DataType.Enum => "enum",
                DataType.Binary => "binary",
                _ => "number",
            });
            if (point.DataType == DataType.Enum)
            {
                w.WriteStartArray("enum");
                foreach (string label in point.EnumValues) w.WriteStringValue(label);
                w.WriteEndArray();
            }

            if (point.IsNumber)
            {
                // Shown units: y = ratio·x + addition, so min..max and the step are in what the user reads.
                w.WritePropertyName("min");
                w.WriteRawValue(P0Json.FormatShown(point, point.Min));
                w.WritePropertyName("max");
                w.WriteRawValue(P0Json.FormatShown(point, point.Max));
                w.WritePropertyName("step");
                w.WriteRawValue(P0Json.FormatShown(Math.Abs(point.Ratio), P0Json.ShownDecimals(point)));
                w.WriteNumber("decimals", P0Json.ShownDecimals(point));
            }

            if (point.DataType == DataType.Binary) w.WriteNumber("length", point.Length);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>An ISO-8601 UTC time with milliseconds.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
