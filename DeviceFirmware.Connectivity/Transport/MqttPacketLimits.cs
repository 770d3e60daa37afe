using DeviceFirmware.Protocol.Frames;

namespace DeviceFirmware.Iot.Transport;

/// <summary>
/// The largest MQTT packets this project accepts, derived from the protocol's frame limits (docs/protocol.md §3). MQTT allows
/// a packet of 268,435,455 bytes and MQTTnet allocates the whole declared length before reading it, so without a limit
/// any peer can make a receiver allocate 256 MB per connection with five bytes. Both the firmware's client and the mock
/// cloud's broker refuse a packet over these limits from its fixed header, before its body is read.
/// </summary>
public static class MqttPacketLimits
{
    /// <summary>
    /// The largest frame of the protocol: a 0x0012 log with every field at its limit (fixed header, 4-byte varlen, flags
    /// and command, level, tag 2+256, source 2+32, content 2+65535) = 65,841 bytes. A 0x0090/0x0093 with 65,535 bytes of
    /// business data is smaller (65,549).
    /// </summary>
    public const int MaxFrameBytes =
        FrameLimits.MaxHeaderLength + 1 + 2 + FrameLimits.MaxLogTag + 2 + FrameLimits.MaxLogSource + 2 + FrameLimits.MaxLogContent;

    /// <summary>
    /// Room for the MQTT part of a PUBLISH around the frame: fixed header (≤ 5), topic length (2), topic (dev2app/ or
    /// app2dev/, a DID, /, an AppClientId: well under 1 KiB) and packet id (2).
    /// </summary>
    public const int MqttOverheadBytes = 1024;

    /// <summary>The largest packet (remaining length) once connected: the largest frame plus <see cref="MqttOverheadBytes"/> = 66,865 bytes.</summary>
    public const int MaxPacketBytes = MaxFrameBytes + MqttOverheadBytes;

    /// <summary>
    /// The largest first packet (CONNECT) a broker reads from a client that has not authenticated yet: protocol name and
    /// flags (≤ 12), client id (an AppClientId ≤ 23 bytes, or a DID), user name (<c>2$appid$uid</c>), password (a token or
    /// a passcode ≤ 32), each with a 2-byte length; Gizwits clients send no will. 1 KiB is several times that.
    /// </summary>
    public const int MaxConnectBytes = 1024;
}
