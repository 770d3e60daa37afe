using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.MockCloud.M2m;
using MQTTnet;

namespace DeviceFirmware.Tests.MockCloud.App;

/// <summary>
/// A bare MQTTnet "device" on the mock M2M: subscribes <c>app2dev/&lt;DID&gt;/#</c>, records every frame and, when
/// <see cref="Answers"/> is on, answers like a device: 0x0093 → 0x0094 (same sn, P0 0x03 with its status), a P0 write
/// applied to its status, 0x0010 → 0x0011.
/// </summary>
internal sealed class FakeDevice : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Topic, byte[] Payload)> received = new();

    private FakeDevice(TestClient client, string did)
    {
        Client = client;
        Did = did;
        Status = new DataPointValues(AppTestCloud.GoKit);
        client.Mqtt.ApplicationMessageReceivedAsync += e =>
        {
            string topic = e.ApplicationMessage.Topic;
            byte[] payload = e.ApplicationMessage.Payload.ToArray();
            received.Enqueue((topic, payload));

            // Answered off MQTTnet's receive loop: a QoS 1 publish awaits its PUBACK, which that loop delivers.
            _ = Task.Run(() => AnswerAsync(topic, payload));
            return Task.CompletedTask;
        };
    }

    public TestClient Client { get; }

    public string Did { get; }

    public DataPointValues Status { get; }

    public bool Answers { get; set; } = true;

    public (string Topic, byte[] Payload)[] Received => received.ToArray();

    public static async Task<FakeDevice> ConnectAsync(AppTestCloud cloud, string did, string passcode = "PASSCODEAB")
    {
        TestClient client = await TestClient.ConnectAsync(cloud.M2mEndpoint, did, did, passcode);
        var device = new FakeDevice(client, did);
        await client.SubscribeAsync(Topics.DeviceSubscription(did));
        return device;
    }

    /// <summary>Broadcasts its status (0x0091, P0 0x04) on <c>dev2app/&lt;DID&gt;</c>.</summary>
    public Task BroadcastStatusAsync() => Client.PublishAsync(Topics.Dev2App(Did), StatusFrame(GizwitsCommand.BusinessReply, 0, P0Action.Report));

    public Task PublishAsync(string topic, byte[] payload) => Client.PublishAsync(topic, payload);

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();

    public static byte[] Frame(Func<byte[], (FrameError Error, int Length)> write)
    {
        byte[] buffer = new byte[1024];
        (FrameError error, int length) = write(buffer);
        if (error != FrameError.None) throw new InvalidOperationException(error.ToString());
        return buffer.AsSpan(0, length).ToArray();
    }

    private byte[] StatusFrame(ushort command, uint sn, byte action)
    {
        byte[] p0 = new byte[AppTestCloud.GoKit.MaxMessageSize];
        P0Writer.WriteStatus(Status, action, p0, 0, out int p0Length);
        return Frame(buffer =>
        {
            FrameError error = command == GizwitsCommand.BusinessWithSnAck
                ? FrameWriter.WriteBusinessWithSn(buffer, 0, command, sn, p0, 0, p0Length, out int length)
                : FrameWriter.WriteBusiness(buffer, 0, command, p0, 0, p0Length, out length);
            return (error, length);
        });
    }

    private async Task AnswerAsync(string topic, byte[] payload)
    {
        if (!Answers) return;
        var frame = new FrameReader();
        if (frame.Decode(payload, 0, payload.Length) != FrameError.None) return;
        string reply = Topics.ReplyTo(topic);
        if (frame.Command == GizwitsCommand.Settings)
        {
            await Client.PublishAsync(reply, Frame(b => (FrameWriter.WriteSettingsAck(b, 0, out int n), n)));
            return;
        }

        if (!GizwitsCommand.CarriesBusinessData(frame.Command)) return;
        var message = new P0Message(AppTestCloud.GoKit);
        if (message.Decode(payload, frame.BodyOffset, frame.BodyLength) != P0Error.None) return;
        if (message.Action == P0Action.Write) Status.CopyFlagged(message.Values, message.Flagged);
        if (frame.Command == GizwitsCommand.BusinessWithSn)
        {
            byte action = message.Action == P0Action.Read ? P0Action.ReadReply : P0Action.Report;
            await Client.PublishAsync(reply, StatusFrame(GizwitsCommand.BusinessWithSnAck, frame.Sn, action));
        }
    }
}
