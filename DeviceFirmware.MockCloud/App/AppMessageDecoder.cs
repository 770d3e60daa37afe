using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DeviceFirmware.MockCloud.Cli;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.MockCloud.App;

/// <summary>
/// Turns one received MQTT message into an <see cref="AppEvent"/>. Never throws: anything it cannot use becomes an
/// <see cref="UnusableMessageEvent"/> saying why. <c>ser2cli_res</c> payloads are never run through the app2dev frame
/// decoder (docs/protocol.md §6).
/// </summary>
public static class AppMessageDecoder
{
    /// <summary>Decodes <paramref name="payload"/> received on <paramref name="topic"/>.</summary>
    /// <param name="topic">The topic it came on.</param>
    /// <param name="payload">The bytes.</param>
    /// <param name="productOf">The product of a DID (null when unknown: business data stays undecoded).</param>
    /// <param name="receivedAt">When it arrived.</param>
    public static AppEvent Decode(string topic, byte[] payload, Func<string, Product?> productOf, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(productOf);
        topic ??= string.Empty;
        payload ??= [];
        if (topic.StartsWith(Topics.Ser2CliResPrefix, StringComparison.Ordinal))
        {
            return new UnusableMessageEvent(string.Empty, topic, receivedAt, payload, "server answer (ser2cli_res) " + Convert.ToHexStringLower(payload));
        }

        if (Topics.ParseDev2App(topic, out int didStart, out int didLength, out int clientStart, out _) != TopicError.None)
        {
            return new UnusableMessageEvent(string.Empty, topic, receivedAt, payload, "not a dev2app topic");
        }

        string did = topic.Substring(didStart, didLength);
        bool broadcast = clientStart < 0;
        var frame = new FrameReader();
        FrameError error = frame.Decode(payload, 0, payload.Length);
        if (error != FrameError.None)
        {
            return new UnusableMessageEvent(did, topic, receivedAt, payload, $"malformed frame: {error} at offset {frame.ErrorOffset}");
        }

        switch (frame.Command)
        {
            case GizwitsCommand.BusinessReply:
            case GizwitsCommand.BusinessWithSnAck:
                return Status(did, topic, broadcast, frame, productOf(did), receivedAt);
            case GizwitsCommand.DeviceOnline:
                return new DeviceOnlineEvent(
                    did,
                    topic,
                    receivedAt,
                    frame.Online,
                    Encoding.UTF8.GetString(payload, frame.MacOffset, frame.MacLength),
                    Encoding.UTF8.GetString(payload, frame.BusinessVersionOffset, frame.BusinessVersionLength));
            case GizwitsCommand.Log:
                return new DeviceLogEvent(
                    did,
                    topic,
                    receivedAt,
                    (Protocol.LogLevel)frame.LogLevel,
                    Encoding.UTF8.GetString(payload, frame.TagOffset, frame.TagLength),
                    Encoding.UTF8.GetString(payload, frame.SourceOffset, frame.SourceLength),
                    Encoding.UTF8.GetString(payload, frame.ContentOffset, frame.ContentLength));
            case GizwitsCommand.SettingsAck:
                return new SettingsAckEvent(did, topic, receivedAt);
            default:
                return new UnusableMessageEvent(did, topic, receivedAt, payload, string.Format(CultureInfo.InvariantCulture, "command 0x{0:x4} is not one a device sends to an App", frame.Command));
        }
    }

    /// <summary>The data points <paramref name="message"/> carries (all, for a status), decoded for display.</summary>
    public static IReadOnlyList<DataPointReading> Readings(P0Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var readings = new List<DataPointReading>();
        DataPointValues values = message.Values;
        foreach (DataPoint point in message.Product.Points)
        {
            if (!message.Flagged[point.Id]) continue;
            long raw = values.Get(point.Id);
            switch (point.DataType)
            {
                case DataType.Bool:
                    readings.Add(new DataPointReading(point, raw != 0, raw != 0 ? "true" : "false"));
                    break;
                case DataType.Enum:
                    string label = raw >= 0 && raw < point.EnumValues.Length ? point.EnumValues[raw] : raw.ToString(CultureInfo.InvariantCulture);
                    readings.Add(new DataPointReading(point, (int)raw, label));
                    break;
                case DataType.Binary:
                    byte[] bytes = values.Binary.AsSpan(values.BinaryOffset(point.Id), point.Length).ToArray();
                    readings.Add(new DataPointReading(point, bytes, Convert.ToHexStringLower(bytes)));
                    break;
                default:
                    string text = P0Json.FormatShown(point, raw);
                    readings.Add(new DataPointReading(point, double.Parse(text, CultureInfo.InvariantCulture), text));
                    break;
            }
        }

        return readings;
    }

    private static DeviceStatusEvent Status(string did, string topic, bool broadcast, FrameReader frame, Product? product, DateTimeOffset receivedAt)
    {
        byte[] p0 = frame.Buffer.AsSpan(frame.BodyOffset, frame.BodyLength).ToArray();
        uint? sn = frame.Command == GizwitsCommand.BusinessWithSnAck ? frame.Sn : null;
        byte action = p0.Length > 0 ? p0[0] : (byte)0;
        if (product == null)
        {
            return new DeviceStatusEvent(did, topic, receivedAt, frame.Command, sn, broadcast, p0, action, [], "no product for this device");
        }

        var message = new P0Message(product);
        P0Error error = message.Decode(p0, 0, p0.Length);
        if (error != P0Error.None)
        {
            return new DeviceStatusEvent(did, topic, receivedAt, frame.Command, sn, broadcast, p0, action, [], error.ToString());
        }

        return new DeviceStatusEvent(did, topic, receivedAt, frame.Command, sn, broadcast, p0, action, Readings(message), null);
    }
}
