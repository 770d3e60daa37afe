using System;
using System.Globalization;
using System.Text;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.MockCloud.Cli;

/// <summary>How <c>gizctl app</c> prints what a device sent: a readable line, or one-line JSON.</summary>
internal static class AppEventText
{
    /// <summary>
    /// A readable line, e.g. <c>12:00:01.250 dev1 status Relay=true LED_Color=Blue Temperature=21.5</c>,
    /// <c>… dev1 online</c>, <c>… dev1 log Warning [dispatch] core: refused</c>.
    /// </summary>
    public static string Line(AppEvent e)
    {
        string time = e.ReceivedAt.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        string what = e switch
        {
            DeviceStatusEvent status => StatusLine(status),
            DeviceOnlineEvent online => online.Online ? "online" : "offline",
            DeviceLogEvent log => $"log {log.Level} [{log.Tag}] {log.Source}: {log.Content}",
            SettingsAckEvent => "settings applied (0x0011)",
            UnusableMessageEvent unusable => $"unusable message on {unusable.Topic}: {unusable.Reason}",
            SessionChangedEvent session => session.Connected ? $"connected to M2M (connection {session.Connections})" : "connection to M2M lost; reconnecting",
            _ => e.GetType().Name,
        };
        return e.Did.Length == 0 ? $"{time} {what}" : $"{time} {e.Did} {what}";
    }

    /// <summary>One-line JSON: <c>{"did":…,"event":"status"|"online"|"offline"|"log"|"settings"|"unusable"|"session",…}</c>.</summary>
    public static string Json(AppEvent e) => P0Json.Object(writer =>
    {
        writer.WriteString("time", e.ReceivedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        writer.WriteString("did", e.Did);
        switch (e)
        {
            case DeviceStatusEvent status:
                writer.WriteString("event", status.Sn.HasValue ? "reply" : "status");
                WriteStatus(writer, status);
                break;
            case DeviceOnlineEvent online:
                writer.WriteString("event", online.Online ? "online" : "offline");
                writer.WriteString("mac", online.Mac);
                break;
            case DeviceLogEvent log:
                writer.WriteString("event", "log");
                writer.WriteNumber("level", (int)log.Level);
                writer.WriteString("tag", log.Tag);
                writer.WriteString("source", log.Source);
                writer.WriteString("content", log.Content);
                break;
            case SettingsAckEvent:
                writer.WriteString("event", "settings");
                break;
            case UnusableMessageEvent unusable:
                writer.WriteString("event", "unusable");
                writer.WriteString("topic", unusable.Topic);
                writer.WriteString("reason", unusable.Reason);
                break;
            case SessionChangedEvent session:
                writer.WriteString("event", "session");
                writer.WriteBoolean("connected", session.Connected);
                break;
        }
    });

    /// <summary>A device's business-data message as one-line JSON, values as <c>gizctl p0 decode</c> prints them.</summary>
    public static string StatusJson(DeviceStatusEvent status) => P0Json.Object(writer =>
    {
        writer.WriteString("did", status.Did);
        WriteStatus(writer, status);
    });

    private static void WriteStatus(System.Text.Json.Utf8JsonWriter writer, DeviceStatusEvent status)
    {
        writer.WriteString("command", "0x" + status.Command.ToString("x4", CultureInfo.InvariantCulture));
        if (status.Sn is uint sn) writer.WriteNumber("sn", sn);
        writer.WriteString("action", "0x" + status.Action.ToString("x2", CultureInfo.InvariantCulture));
        if (status.P0Error != null)
        {
            writer.WriteString("p0", Convert.ToHexStringLower(status.P0));
            writer.WriteString("p0_error", status.P0Error);
            return;
        }

        writer.WriteStartObject("values");
        foreach (DataPointReading reading in status.Readings)
        {
            switch (reading.Point.DataType)
            {
                case DataType.Bool:
                    writer.WriteBoolean(reading.Point.Name, (bool)reading.Value);
                    break;
                case DataType.Enum:
                    writer.WriteNumber(reading.Point.Name, (int)reading.Value);
                    break;
                case DataType.Binary:
                    writer.WriteString(reading.Point.Name, reading.Text);
                    break;
                default:
                    writer.WritePropertyName(reading.Point.Name);
                    writer.WriteRawValue(reading.Text);
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private static string StatusLine(DeviceStatusEvent status)
    {
        var line = new StringBuilder(status.Sn is uint sn ? $"reply sn={sn}" : status.IsBroadcast ? "status" : "reply");
        if (status.P0Error != null)
        {
            line.Append(" p0=").Append(Convert.ToHexStringLower(status.P0)).Append(" (").Append(status.P0Error).Append(')');
            return line.ToString();
        }

        foreach (DataPointReading reading in status.Readings)
        {
            line.Append(' ').Append(reading.Point.Name).Append('=').Append(reading.Text);
        }

        return line.ToString();
    }
}
