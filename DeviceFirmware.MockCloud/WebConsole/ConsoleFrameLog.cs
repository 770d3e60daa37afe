using System;
using System.Globalization;
using DeviceFirmware.MockCloud.Cli;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>
/// One line of a device page's frame log for a frame M2M relayed: time, topic, direction, command (<c>0x0093</c>), sn,
/// hex, and the decoded form that <c>gizctl frame decode</c> prints (<see cref="FrameJson"/>), with the P0 business
/// data as <c>gizctl p0 decode</c> prints it (<see cref="P0Decode"/>); a malformed frame carries its error instead.
/// </summary>
internal static class ConsoleFrameLog
{
    /// <summary>The DID a relayed frame's topic names (app2dev or dev2app), or null.</summary>
    public static string? DidOf(string topic)
    {
        if (Topics.ParseDev2App(topic, out int start, out int length, out _, out _) == TopicError.None) return topic.Substring(start, length);
        if (Topics.ParseApp2Dev(topic, out start, out length, out _, out _) == TopicError.None) return topic.Substring(start, length);
        return null;
    }

    /// <summary>The frame event's JSON; <paramref name="product"/> decodes business data (null: left as hex).</summary>
    public static string Describe(RelayedFrame frame, string did, Product? product)
    {
        ArgumentNullException.ThrowIfNull(frame);
        byte[] payload = frame.Payload;
        var reader = new FrameReader();
        FrameError error = reader.Decode(payload, 0, payload.Length);
        return P0Json.Object(w =>
        {
            w.WriteString("did", did);
            w.WriteString("time", ConsoleEventJson.Time(frame.RelayedAt));
            w.WriteString("topic", frame.Topic);
            w.WriteString("direction", frame.Topic.StartsWith("app2dev/", StringComparison.Ordinal) ? "app2dev" : "dev2app");
            w.WriteString("sender", frame.SenderClientId.Length == 0 ? "M2M" : frame.SenderClientId);
            w.WriteString("hex", HexParser.ToHex(payload, 0, payload.Length));
            if (error != FrameError.None)
            {
                w.WriteNull("command");
                w.WriteNull("sn");
                w.WriteString("decoded", FrameJson.WriteDecodeError(error, reader.ErrorOffset));
                w.WriteString("error", string.Format(CultureInfo.InvariantCulture, "{0} at offset {1}", error, reader.ErrorOffset));
                return;
            }

            w.WriteString("command", FrameJson.CommandName(reader.Command));
            if (GizwitsCommand.HasSn(reader.Command)) w.WriteNumber("sn", reader.Sn);
            else w.WriteNull("sn");
            w.WriteString("decoded", FrameJson.Write(reader));
            bool business = reader.Command is GizwitsCommand.Business or GizwitsCommand.BusinessReply or GizwitsCommand.BusinessWithSn or GizwitsCommand.BusinessWithSnAck;
            if (business && product != null)
            {
                string p0 = P0Decode.Decode(product, HexParser.ToHex(payload, reader.BodyOffset, reader.BodyLength), out int exit);
                w.WriteString("p0", p0);
                if (exit != P0Commands.ExitOk) w.WriteString("error", "P0: " + p0);
            }
        });
    }
}
