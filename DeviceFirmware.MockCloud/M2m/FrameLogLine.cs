using System.Globalization;
using DeviceFirmware.Protocol.Frames;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>
/// One readable line for a relayed app2dev/dev2app payload: command name, sn, P0 action and length, or why it
/// does not decode. Never shows a 0x0092 passcode, nor any business bytes beyond the P0 action.
/// </summary>
public static class FrameLogLine
{
    /// <summary>Describes <paramref name="payload"/>; never throws.</summary>
    public static string Describe(byte[] payload)
    {
        var reader = new FrameReader();
        if (reader.Decode(payload, 0, payload.Length) != FrameError.None)
        {
            return $"undecodable frame ({reader.Error} at {reader.ErrorOffset}, {payload.Length} bytes)";
        }

        string name = $"0x{reader.Command.ToString("x4", CultureInfo.InvariantCulture)} {CommandName(reader.Command)}";
        switch (reader.Command)
        {
            case GizwitsCommand.Settings:
                return $"{name} settings=0x{reader.Settings.ToString("x4", CultureInfo.InvariantCulture)}";
            case GizwitsCommand.Log:
                return $"{name} level={reader.LogLevel} content={reader.ContentLength} bytes";
            case GizwitsCommand.DeviceOnline:
                return $"{name} {(reader.Online ? "online" : "offline")}";
            case GizwitsCommand.SettingsAck:
                return name;
            default:
                string sn = GizwitsCommand.HasSn(reader.Command) ? $" sn={reader.Sn.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
                string action = reader.BodyLength > 0 ? $" action=0x{payload[reader.BodyOffset].ToString("x2", CultureInfo.InvariantCulture)}" : " no P0";
                return $"{name}{sn}{action} P0 {reader.BodyLength} bytes";
        }
    }

    private static string CommandName(ushort command) => command switch
    {
        GizwitsCommand.Settings => "settings",
        GizwitsCommand.SettingsAck => "settings-ack",
        GizwitsCommand.Log => "log",
        GizwitsCommand.Business => "business",
        GizwitsCommand.BusinessReply => "business-reply",
        GizwitsCommand.DeviceOnline => "device-online",
        GizwitsCommand.BusinessWithSn => "business-sn",
        GizwitsCommand.BusinessWithSnAck => "business-sn-ack",
        _ => "unknown",
    };
}
