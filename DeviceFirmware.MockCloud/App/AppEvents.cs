using System;
using System.Collections.Generic;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.MockCloud.App;

/// <summary>Something an <see cref="AppClient"/> received from M2M, decoded. Subtypes say what.</summary>
/// <param name="Did">The device it is about.</param>
/// <param name="Topic">The topic it came on.</param>
/// <param name="ReceivedAt">When the client received it.</param>
public abstract record AppEvent(string Did, string Topic, DateTimeOffset ReceivedAt);

/// <summary>
/// Business data from the device: a 0x0091 (a status broadcast on <c>dev2app/&lt;DID&gt;</c>, or a reply to this App)
/// or a 0x0094 (the answer to this App's 0x0093, <see cref="Sn"/> set). <see cref="Readings"/> are decoded with the
/// device's product; without a product, or when the P0 does not decode, they are empty and <see cref="P0Error"/> says why.
/// </summary>
/// <param name="Did">The device.</param>
/// <param name="Topic">The topic it came on.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Command">0x0091 or 0x0094.</param>
/// <param name="Sn">The sn of a 0x0094; null for 0x0091.</param>
/// <param name="IsBroadcast">True when it came on <c>dev2app/&lt;DID&gt;</c> (to every bound App).</param>
/// <param name="P0">The business data bytes, from the action byte.</param>
/// <param name="Action">The P0 action byte (0 when there is none).</param>
/// <param name="Readings">The decoded data points the message carries, in product order.</param>
/// <param name="P0Error">Why <see cref="Readings"/> is empty: "no product" or the P0 decode error; null when decoded.</param>
public sealed record DeviceStatusEvent(
    string Did,
    string Topic,
    DateTimeOffset ReceivedAt,
    ushort Command,
    uint? Sn,
    bool IsBroadcast,
    byte[] P0,
    byte Action,
    IReadOnlyList<DataPointReading> Readings,
    string? P0Error) : AppEvent(Did, Topic, ReceivedAt)
{
    /// <summary>The readings as name → value (bool, enum index as int, shown number as double, binary as byte[]).</summary>
    public IReadOnlyDictionary<string, object> Values
    {
        get
        {
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (DataPointReading reading in Readings) values[reading.Point.Name] = reading.Value;
            return values;
        }
    }
}

/// <summary>M2M's 0x0092 on <c>dev2app/&lt;DID&gt;</c>: the device came online or went offline.</summary>
/// <param name="Did">The device.</param>
/// <param name="Topic">The topic it came on.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Online">True: online; false: offline.</param>
/// <param name="Mac">The MAC in the notice (may be empty).</param>
/// <param name="BusinessVersion">The business protocol version string in the notice.</param>
public sealed record DeviceOnlineEvent(string Did, string Topic, DateTimeOffset ReceivedAt, bool Online, string Mac, string BusinessVersion)
    : AppEvent(Did, Topic, ReceivedAt);

/// <summary>A 0x0012 log line from the device.</summary>
/// <param name="Did">The device.</param>
/// <param name="Topic">The topic it came on.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Level">1 Error, 2 Warning, 3 Info.</param>
/// <param name="Tag">The log's tag.</param>
/// <param name="Source">The log's source.</param>
/// <param name="Content">The log's text.</param>
public sealed record DeviceLogEvent(string Did, string Topic, DateTimeOffset ReceivedAt, Protocol.LogLevel Level, string Tag, string Source, string Content)
    : AppEvent(Did, Topic, ReceivedAt);

/// <summary>A 0x0011 from the device: it applied this App's 0x0010 settings.</summary>
/// <param name="Did">The device.</param>
/// <param name="Topic">The topic it came on.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record SettingsAckEvent(string Did, string Topic, DateTimeOffset ReceivedAt) : AppEvent(Did, Topic, ReceivedAt);

/// <summary>
/// A message the client could not use: a malformed frame, a command an App does not expect, or an answer on
/// <c>ser2cli_res</c> (docs/protocol.md §6 layout, shown as hex). Receiving it never throws.
/// </summary>
/// <param name="Did">The device named by the topic, or empty.</param>
/// <param name="Topic">The topic it came on.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Payload">The bytes as received.</param>
/// <param name="Reason">What was wrong with it (or what it is).</param>
public sealed record UnusableMessageEvent(string Did, string Topic, DateTimeOffset ReceivedAt, byte[] Payload, string Reason)
    : AppEvent(Did, Topic, ReceivedAt);

/// <summary>The client's own session: connected (again) to M2M, or lost the connection.</summary>
/// <param name="Did">Empty: not about one device.</param>
/// <param name="Topic">Empty.</param>
/// <param name="ReceivedAt">When it happened.</param>
/// <param name="Connected">True when connected and subscribed; false when the connection was lost.</param>
/// <param name="Connections">Connections established since the client started.</param>
public sealed record SessionChangedEvent(string Did, string Topic, DateTimeOffset ReceivedAt, bool Connected, int Connections)
    : AppEvent(Did, Topic, ReceivedAt);

/// <summary>One decoded data point of a status.</summary>
/// <param name="Point">The product's data point.</param>
/// <param name="Value">bool for bool, int (index) for enum, double (shown value ratio·x + addition) for numbers, byte[] for binary.</param>
/// <param name="Text">The value as gizctl shows it: <c>true</c>, <c>Blue</c> (the enum label), <c>21.5</c>, hex.</param>
public sealed record DataPointReading(DataPoint Point, object Value, string Text);
