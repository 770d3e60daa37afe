using System;
using System.Collections.Generic;
using System.Text;

namespace DeviceFirmware.Fuzz.Device;

/// <summary>One message the dispatcher harness delivers: topic, payload, the retain flag, and how far the clock moves first.</summary>
public sealed record DispatchMessage(string Topic, byte[] Payload, bool Retained, int AdvanceMs);

/// <summary>
/// The dispatcher harness's input format: up to <see cref="MaxMessages"/> messages back to back, each
/// <c>ctl · [topic length · topic] · payload length (2, big-endian) · payload</c>. ctl bit 0 = retained; bits 1–3 pick
/// a topic from <see cref="Topics"/> (7 = the topic follows, one length byte then that many bytes, one char per byte);
/// bits 4–7 move the clock by that many quarter seconds before the message. A short input ends the list; a payload
/// length past the end takes what is there. Every byte string is a valid input.
/// </summary>
public static class DispatchInput
{
    /// <summary>The harness device's DID.</summary>
    public const string Did = "fuzzdev01";

    /// <summary>Messages read from one input at most.</summary>
    public const int MaxMessages = 8;

    /// <summary>The topic index meaning "the topic is in the input".</summary>
    public const int InlineTopic = 7;

    /// <summary>
    /// The fixed topics: two valid Apps, another DID, an AppClientId with <c>+</c>, a missing AppClientId, a dev2app
    /// topic, and a valid 23-character AppClientId.
    /// </summary>
    public static IReadOnlyList<string> Topics { get; } = new[]
    {
        $"app2dev/{Did}/usrApp1",
        $"app2dev/{Did}/usrApp2",
        "app2dev/otherdev02/usrApp1",
        $"app2dev/{Did}/usr+x",
        $"app2dev/{Did}",
        $"dev2app/{Did}/usrApp1",
        $"app2dev/{Did}/usr01234567890123456789",
    };

    /// <summary>Reads the messages of <paramref name="data"/>.</summary>
    public static List<DispatchMessage> Parse(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var messages = new List<DispatchMessage>();
        int pos = 0;
        while (pos < data.Length && messages.Count < MaxMessages)
        {
            int ctl = data[pos++];
            int kind = (ctl >> 1) & 7;
            string topic;
            if (kind == InlineTopic)
            {
                int topicLength = pos < data.Length ? Math.Min(data[pos++], data.Length - pos) : 0;
                topic = Encoding.Latin1.GetString(data, pos, topicLength);
                pos += topicLength;
            }
            else
            {
                topic = Topics[kind];
            }

            int length = data.Length - pos;
            if (length >= 2)
            {
                length = Math.Min((data[pos] << 8) | data[pos + 1], length - 2);
                pos += 2;
            }

            messages.Add(new DispatchMessage(topic, data.AsSpan(pos, length).ToArray(), (ctl & 1) != 0, (ctl >> 4) * 250));
            pos += length;
        }

        return messages;
    }

    /// <summary>Writes messages in the input format (for seeds and tests); topics not in <see cref="Topics"/> go inline.</summary>
    public static byte[] Encode(IEnumerable<DispatchMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var bytes = new List<byte>();
        foreach (DispatchMessage m in messages)
        {
            int kind = IndexOfTopic(m.Topic);
            int advance = Math.Clamp(m.AdvanceMs / 250, 0, 15);
            bytes.Add((byte)((advance << 4) | (kind << 1) | (m.Retained ? 1 : 0)));
            if (kind == InlineTopic)
            {
                byte[] topic = Encoding.Latin1.GetBytes(m.Topic);
                if (topic.Length > 255) throw new ArgumentException($"topic longer than 255 bytes: {m.Topic}", nameof(messages));
                bytes.Add((byte)topic.Length);
                bytes.AddRange(topic);
            }

            if (m.Payload.Length > 0xFFFF) throw new ArgumentException("payload longer than 65535 bytes", nameof(messages));
            bytes.Add((byte)(m.Payload.Length >> 8));
            bytes.Add((byte)m.Payload.Length);
            bytes.AddRange(m.Payload);
        }

        return bytes.ToArray();
    }

    private static int IndexOfTopic(string topic)
    {
        for (int i = 0; i < Topics.Count; i++)
        {
            if (string.Equals(Topics[i], topic, StringComparison.Ordinal)) return i;
        }

        return InlineTopic;
    }
}
