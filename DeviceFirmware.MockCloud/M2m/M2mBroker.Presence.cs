using System;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using MQTTnet;
using MQTTnet.Server;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>
/// Presence (docs/protocol.md §4): the 0x0092 the broker publishes on <c>dev2app/&lt;DID&gt;</c> when a device comes
/// and goes, as if from the cloud itself (no sender).
/// </summary>
public sealed partial class M2mBroker
{
    private async Task PublishPresenceAsync(Connection device, bool online)
    {
        MqttServer? running = server;
        if (stopping || running == null) return;
        string did = device.Client.Did;
        try
        {
            byte[] frame = PresenceFrame(did, device.Passcode, online);
            MqttApplicationMessage message = new MqttApplicationMessageBuilder().WithTopic(Topics.Dev2App(did)).WithPayload(frame).Build();
            await running.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = string.Empty }, CancellationToken.None).ConfigureAwait(false);
            RaiseRelayed(message.Topic, string.Empty, frame);
            M2mLog.Presence(logger, did, online ? "online" : "offline");
        }
#pragma warning disable CA1031 // A failed notice is logged; it must not break the client's connection handling.
        catch (Exception exception) when (!stopping)
#pragma warning restore CA1031
        {
            M2mLog.PresenceFailed(logger, did, exception);
        }
    }

    private byte[] PresenceFrame(string did, string passcode, bool online)
    {
        string mac = options.DeviceMac?.Invoke(did) ?? string.Empty;
        byte[] buffer = new byte[FrameLimits.MaxHeaderLength + 11 + FrameLimits.MaxMac + FrameLimits.MaxPasscode + FrameLimits.MaxBusinessVersion];
        FrameError error = FrameWriter.WriteDeviceOnline(buffer, 0, mac, passcode, online, FrameLimits.ProtocolVersion, string.Empty, out int length);
        if (error != FrameError.None)
        {
            // A MAC or passcode over the frame's 32-byte limits: announce the state without them rather than not at all.
            error = FrameWriter.WriteDeviceOnline(buffer, 0, string.Empty, string.Empty, online, FrameLimits.ProtocolVersion, string.Empty, out length);
        }

        return error == FrameError.None ? buffer.AsSpan(0, length).ToArray() : throw new InvalidOperationException($"0x0092 could not be written: {error}");
    }
}
