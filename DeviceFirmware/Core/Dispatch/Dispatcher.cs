using DeviceFirmware.Core.Logging;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Core.Dispatch
{
    /// <summary>
    /// The device end of docs/protocol.md §3: takes (topic, payload, retained) from <c>app2dev/&lt;DID&gt;/#</c>,
    /// runs business commands against the device state and outputs, and answers on <c>dev2app</c>. All
    /// buffers are preallocated from the product's sizes, so a command allocates nothing in steady state.
    /// Anything it refuses changes nothing and becomes a (rate-limited) Warning log.
    /// </summary>
    public sealed class Dispatcher
    {
        private const string LogTag = "dispatch";
        private const string LogSource = "Dispatcher";
        private readonly string did;
        private readonly string broadcastTopic;
        private readonly DataPointValues state;
        private readonly IMessageSink sink;
        private readonly IOutputs outputs;
        private readonly LogEmitter log;
        private readonly DeviceRuntimeSettings settings;
        private readonly ICustomCommandHandler custom;
        private readonly FrameReader reader = new FrameReader();
        private readonly P0Message message;
        private readonly ReplyTopicCache replyTopics;
        private readonly RepeatWindow repeats;
        private readonly byte[] p0;
        private readonly byte[] frame;
        private readonly bool[] allPoints;

        /// <summary>Creates the dispatcher; <paramref name="custom"/> may be null (0x05 is then refused).</summary>
        public Dispatcher(string did, DataPointValues state, IMessageSink sink, IOutputs outputs, LogEmitter log, DeviceRuntimeSettings settings, ICustomCommandHandler custom, DispatcherOptions options)
        {
            this.did = did;
            broadcastTopic = Topics.Dev2App(did);
            this.state = state;
            this.sink = sink;
            this.outputs = outputs;
            this.log = log;
            this.settings = settings;
            this.custom = custom;
            Product product = state.Product;
            message = new P0Message(product);
            int p0Capacity = product.MaxMessageSize > 1 + options.MaxCustomReplyBytes ? product.MaxMessageSize : 1 + options.MaxCustomReplyBytes;
            p0 = new byte[p0Capacity];
            frame = new byte[FrameWriter.FrameLength(FrameLimits.SnLength + p0Capacity)];
            replyTopics = new ReplyTopicCache(did, options.KnownApps);
            repeats = new RepeatWindow(options.RepeatWindow, frame.Length);
            allPoints = new bool[product.Points.Length];
            for (int i = 0; i < allPoints.Length; i++)
            {
                allPoints[i] = true;
            }
        }

        /// <summary>The frame error of the last <see cref="DispatchOutcome.MalformedFrame"/>.</summary>
        public FrameError LastFrameError { get; private set; }

        /// <summary>The P0 error of the last <see cref="DispatchOutcome.RefusedBusinessData"/>.</summary>
        public P0Error LastP0Error { get; private set; }

        /// <summary>Bytes this dispatcher preallocated (frame, P0 and repeat-window buffers).</summary>
        public int BufferBytes => p0.Length + frame.Length + repeats.BufferSize + message.Values.Binary.Length;

        /// <summary>Handles one message from the broker. Never throws on any input.</summary>
        public DispatchOutcome Handle(string topic, byte[] payload, int offset, int count, bool retained)
        {
            if (retained) return Refuse(DispatchOutcome.Retained, "retained message ignored");
            TopicError topicError = Topics.ParseApp2Dev(topic, did, out int clientStart, out int clientLength);
            if (topicError == TopicError.OtherDid) return Refuse(DispatchOutcome.OtherDid, "message for another DID ignored");
            if (topicError == TopicError.BadAppClientId) return Refuse(DispatchOutcome.BadAppClientId, "message from an invalid AppClientId ignored");
            if (topicError != TopicError.None) return Refuse(DispatchOutcome.BadTopic, "message on an unexpected topic ignored");

            FrameError frameError = reader.Decode(payload, offset, count);
            if (frameError != FrameError.None)
            {
                LastFrameError = frameError;
                return Refuse(DispatchOutcome.MalformedFrame, "malformed frame ignored");
            }

            int app = replyTopics.Lookup(topic, clientStart, clientLength);
            switch (reader.Command)
            {
                case GizwitsCommand.Settings:
                    return ApplySettings(app);
                case GizwitsCommand.Business:
                    return RunBusiness(app, false, 0);
                case GizwitsCommand.BusinessWithSn:
                    int entry = repeats.Find(replyTopics.ClientId(app), reader.Sn);
                    if (entry >= 0)
                    {
                        sink.Publish(replyTopics.Topic(app), repeats.Reply(entry), 0, repeats.ReplyLength(entry));
                        return DispatchOutcome.Repeated;
                    }

                    return RunBusiness(app, true, reader.Sn);
                default:
                    return Refuse(DispatchOutcome.Ignored, "command not expected by a device ignored");
            }
        }

        /// <summary>Broadcasts the full status (0x0091, action 0x04) on <c>dev2app/&lt;DID&gt;</c>: after a write, a (re)connect, an input change.</summary>
        public bool BroadcastStatus()
        {
            P0Writer.WriteStatus(state, P0Action.Report, p0, 0, out int p0Length);
            FrameWriter.WriteBusiness(frame, 0, GizwitsCommand.BusinessReply, p0, 0, p0Length, out int length);
            return sink.Publish(broadcastTopic, frame, 0, length);
        }

        private DispatchOutcome ApplySettings(int app)
        {
            bool reserved = settings.Apply(reader.Settings);
            log.Threshold = settings.LogLevel;
            if (reserved) log.Emit(LogLevel.Warning, LogTag, LogSource, "0x0010 reserved bits ignored");
            FrameWriter.WriteSettingsAck(frame, 0, out int length);
            sink.Publish(replyTopics.Topic(app), frame, 0, length);
            return DispatchOutcome.Handled;
        }

        private DispatchOutcome RunBusiness(int app, bool withSn, uint sn)
        {
            P0Error error = message.Decode(reader.Buffer, reader.BodyOffset, reader.BodyLength);
            if (error != P0Error.None)
            {
                LastP0Error = error;
                return Refuse(DispatchOutcome.RefusedBusinessData, "business data refused, nothing applied");
            }

            int p0Length;
            bool broadcast = false;
            switch (message.Action)
            {
                case P0Action.Write:
                case P0Action.VariableWrite:
                    state.CopyFlagged(message.Values, message.Flagged);
                    outputs.Apply(state, message.Flagged);
                    broadcast = true;
                    P0Writer.WriteStatus(state, P0Action.Report, p0, 0, out p0Length);
                    break;
                case P0Action.Read:
                    P0Writer.WriteStatus(state, P0Action.ReadReply, p0, 0, out p0Length);
                    break;
                case P0Action.VariableRead:
                    P0Writer.WriteVariable(P0Action.VariableReadReply, state, message.Flagged, p0, 0, out p0Length);
                    break;
                case P0Action.CustomToDevice:
                    if (custom == null) return Refuse(DispatchOutcome.Ignored, "custom command (0x05) without a handler ignored");
                    p0[0] = P0Action.CustomToApp;
                    int answer = custom.Handle(message.Buffer, message.PayloadOffset, message.PayloadLength, p0, 1, p0.Length - 1);
                    if (answer < 0) return DispatchOutcome.Handled;
                    p0Length = 1 + answer;
                    break;
                default:
                    return Refuse(DispatchOutcome.Ignored, "P0 action not expected by a device ignored");
            }

            // A write without sn is answered by the broadcast alone; everything else gets a direct answer.
            if (withSn || !broadcast) Answer(app, withSn, sn, p0Length);
            if (broadcast) BroadcastStatus();
            return DispatchOutcome.Handled;
        }

        private void Answer(int app, bool withSn, uint sn, int p0Length)
        {
            int length;
            if (withSn)
            {
                FrameWriter.WriteBusinessWithSn(frame, 0, GizwitsCommand.BusinessWithSnAck, sn, p0, 0, p0Length, out length);
                repeats.Remember(replyTopics.ClientId(app), sn, frame, 0, length);
            }
            else
            {
                FrameWriter.WriteBusiness(frame, 0, GizwitsCommand.BusinessReply, p0, 0, p0Length, out length);
            }

            sink.Publish(replyTopics.Topic(app), frame, 0, length);
        }

        private DispatchOutcome Refuse(DispatchOutcome outcome, string what)
        {
            log.Emit(LogLevel.Warning, LogTag, LogSource, what);
            return outcome;
        }
    }
}
