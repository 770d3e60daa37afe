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
    /// Anything it refuses changes nothing and becomes a (rate-limited) Warning log naming the error, the offset or data
    /// point and the AppClientId (<see cref="LastRefusal"/>); a refused 0x0093 is still answered, with the unchanged status.
    /// </summary>
    public sealed class Dispatcher
    {
        private const string LogTag = "dispatch";
        private const string LogSource = "Dispatcher";
        private const int NoCustomHandler = -1;
        private const int CustomHandlerThrew = -2;
        private const int CustomHandlerOverflowed = -3;
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
        private readonly IClock clock;
        private readonly RefusalReport refusal = new RefusalReport();
        private readonly StatusReplies statusReplies;

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
            repeats = new RepeatWindow(options.RepeatWindow, frame.Length, options.RepeatWindowMs);
            clock = log.Clock;
            statusReplies = new StatusReplies(state);
        }

        /// <summary>The frame error of the last <see cref="DispatchOutcome.MalformedFrame"/>.</summary>
        public FrameError LastFrameError { get; private set; }

        /// <summary>The P0 error of the last <see cref="DispatchOutcome.RefusedBusinessData"/>.</summary>
        public P0Error LastP0Error { get; private set; }

        /// <summary>What the last refusal was and why (the text of its Warning log); the host logs it locally too.</summary>
        public RefusalReport LastRefusal => refusal;

        /// <summary>Bytes this dispatcher preallocated (frame, P0 and repeat-window buffers).</summary>
        public int BufferBytes => p0.Length + frame.Length + repeats.BufferSize + message.Values.Binary.Length;

        /// <summary>
        /// Handles one message from the broker. Never throws on any input (a custom handler that throws is a refusal).
        /// Every well-formed 0x0093 gets exactly one 0x0094 with its sn: the result, a stored answer for a repeat, or the
        /// unchanged status for a refusal.
        /// </summary>
        public DispatchOutcome Handle(string topic, byte[] payload, int offset, int count, bool retained)
        {
            if (retained) return Refuse(DispatchOutcome.Retained, "retained message");
            TopicError topicError = Topics.ParseApp2Dev(topic, did, out int clientStart, out int clientLength);
            if (topicError == TopicError.OtherDid) return Refuse(DispatchOutcome.OtherDid, "message for another DID");
            if (topicError == TopicError.BadAppClientId) return Refuse(DispatchOutcome.BadAppClientId, "message from an invalid AppClientId");
            if (topicError != TopicError.None) return Refuse(DispatchOutcome.BadTopic, "message on an unexpected topic");

            FrameError frameError = reader.Decode(payload, offset, count);
            if (frameError != FrameError.None)
            {
                LastFrameError = frameError;
                refusal.Begin(DispatchOutcome.MalformedFrame, null);
                refusal.From(topic, clientStart, clientLength);
                refusal.WithFrameError(frameError, reader.ErrorOffset);
                return Report();
            }

            int app = replyTopics.Lookup(topic, clientStart, clientLength);
            switch (reader.Command)
            {
                case GizwitsCommand.Settings:
                    return ApplySettings(app);
                case GizwitsCommand.Business:
                    return RunBusiness(app, false, 0);
                case GizwitsCommand.BusinessWithSn:
                    int entry = repeats.Find(replyTopics.ClientId(app), reader.Sn, reader.Buffer, reader.BodyOffset, reader.BodyLength, clock.NowMs);
                    if (entry >= 0)
                    {
                        sink.Publish(replyTopics.Topic(app), repeats.Reply(entry), 0, repeats.ReplyLength(entry));
                        return DispatchOutcome.Repeated;
                    }

                    return RunBusiness(app, true, reader.Sn);
                default:
                    refusal.Begin(DispatchOutcome.Ignored, "command not expected by a device");
                    refusal.From(topic, clientStart, clientLength);
                    return Report();
            }
        }

        /// <summary>
        /// Broadcasts the full status (0x0091, action 0x04; 0x14 with every point for a var_len product) on
        /// <c>dev2app/&lt;DID&gt;</c>: after a write, a (re)connect, an input change.
        /// </summary>
        public bool BroadcastStatus()
        {
            if (statusReplies.WriteReport(p0, out int p0Length) != P0Error.None) return false;
            if (FrameWriter.WriteBusiness(frame, 0, GizwitsCommand.BusinessReply, p0, 0, p0Length, out int length) != FrameError.None) return false;
            return sink.Publish(broadcastTopic, frame, 0, length);
        }

        private DispatchOutcome ApplySettings(int app)
        {
            // The warning is judged by the threshold in force when the frame arrived: a 0x0010 that sets Off or Error
            // still reports its own reserved bits.
            if (DeviceSettings.HasReservedBits(reader.Settings)) log.Emit(LogLevel.Warning, LogTag, LogSource, "0x0010 reserved bits ignored");
            settings.Apply(reader.Settings);
            if (FrameWriter.WriteSettingsAck(frame, 0, out int length) == FrameError.None) sink.Publish(replyTopics.Topic(app), frame, 0, length);
            return DispatchOutcome.Handled;
        }

        private DispatchOutcome RunBusiness(int app, bool withSn, uint sn)
        {
            P0Error error = message.Decode(reader.Buffer, reader.BodyOffset, reader.BodyLength);
            if (error != P0Error.None)
            {
                LastP0Error = error;
                BeginRefusal(DispatchOutcome.RefusedBusinessData, null, app, withSn, sn);
                refusal.WithP0Error(error, PointName(message.ErrorPointId));
                return RefuseCommand(app, withSn, sn);
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
                    if (statusReplies.WriteWriteAnswer(message.Action, p0, out p0Length) != P0Error.None) p0Length = 0;
                    break;
                case P0Action.Read:
                    if (statusReplies.WriteReadReply(p0, out p0Length) != P0Error.None) p0Length = 0;
                    break;
                case P0Action.VariableRead:
                    if (statusReplies.WriteVariableReadReply(message.Flagged, message.FlaggedCount, p0, out p0Length) != P0Error.None) p0Length = 0;
                    break;
                case P0Action.CustomToDevice:
                    p0Length = RunCustom(withSn);
                    if (p0Length < 0)
                    {
                        BeginRefusal(DispatchOutcome.Ignored, CustomFailure(p0Length), app, withSn, sn);
                        return RefuseCommand(app, withSn, sn);
                    }

                    // A handler that chose to send nothing still owes a 0x0094 answer; a 0x0090 then stays unanswered.
                    if (p0Length == 0) return DispatchOutcome.Handled;
                    break;
                default:
                    BeginRefusal(DispatchOutcome.Ignored, "P0 action not expected by a device", app, withSn, sn);
                    return RefuseCommand(app, withSn, sn);
            }

            // A write without sn is answered by the broadcast alone; everything else gets a direct answer. A writer that
            // failed (p0Length 0) publishes and stores nothing.
            if (p0Length <= 0)
            {
                log.Emit(LogLevel.Error, LogTag, LogSource, "answer did not fit the reply buffer; nothing sent");
            }
            else if (withSn || !broadcast)
            {
                Answer(app, withSn, sn, p0Length);
            }

            if (broadcast) BroadcastStatus();
            return DispatchOutcome.Handled;
        }

        private void Answer(int app, bool withSn, uint sn, int p0Length)
        {
            int length;
            if (withSn)
            {
                if (FrameWriter.WriteBusinessWithSn(frame, 0, GizwitsCommand.BusinessWithSnAck, sn, p0, 0, p0Length, out length) != FrameError.None) return;
                repeats.Remember(replyTopics.ClientId(app), sn, reader.Buffer, reader.BodyOffset, reader.BodyLength, clock.NowMs, frame, 0, length);
            }
            else if (FrameWriter.WriteBusiness(frame, 0, GizwitsCommand.BusinessReply, p0, 0, p0Length, out length) != FrameError.None)
            {
                return;
            }

            if (length > 0) sink.Publish(replyTopics.Topic(app), frame, 0, length);
        }

        // Custom passthrough (0x05 in, 0x06 out): the P0 length of the answer, 0 when a 0x0090's handler chose to send
        // nothing, or a negative failure code. The handler is the product's code, so whatever it does (throw, claim more
        // bytes than it was given) is contained here and becomes a refusal.
        private int RunCustom(bool withSn)
        {
            if (custom == null) return NoCustomHandler;
            p0[0] = P0Action.CustomToApp;
            int answer;
            try
            {
                answer = custom.Handle(message.Buffer, message.PayloadOffset, message.PayloadLength, p0, 1, p0.Length - 1);
            }
            catch (System.Exception)
            {
                return CustomHandlerThrew;
            }

            if (answer > p0.Length - 1 || answer < -1) return CustomHandlerOverflowed;
            if (answer < 0) return withSn ? 1 : 0;
            return 1 + answer;
        }

        private static string CustomFailure(int code)
        {
            if (code == NoCustomHandler) return "custom command (0x05) without a handler";
            if (code == CustomHandlerThrew) return "custom handler threw";
            return "custom handler answered more than the reply buffer holds";
        }

        private string PointName(int id) => id >= 0 && id < state.Product.Points.Length ? state.Product.Points[id].Name : null;

        private void BeginRefusal(DispatchOutcome outcome, string reason, int app, bool withSn, uint sn)
        {
            refusal.Begin(outcome, reason);
            refusal.From(replyTopics.ClientId(app));
            if (withSn) refusal.WithSn(sn);
        }

        // A refused 0x0093 is still answered (M2M acknowledges nothing, so the 0x0094 is the App's only sign that the
        // command arrived): with its sn and the current status, unchanged, so the App sees that nothing changed. The
        // refusal is not remembered as an answer: sent again, it is judged again, with the same result.
        private DispatchOutcome RefuseCommand(int app, bool withSn, uint sn)
        {
            if (withSn && statusReplies.WriteReport(p0, out int p0Length) == P0Error.None
                && FrameWriter.WriteBusinessWithSn(frame, 0, GizwitsCommand.BusinessWithSnAck, sn, p0, 0, p0Length, out int length) == FrameError.None)
            {
                refusal.Answered = sink.Publish(replyTopics.Topic(app), frame, 0, length);
            }

            return Report();
        }

        private DispatchOutcome Refuse(DispatchOutcome outcome, string reason)
        {
            refusal.Begin(outcome, reason);
            return Report();
        }

        private DispatchOutcome Report()
        {
            log.Emit(LogLevel.Warning, LogTag, LogSource, refusal);
            return refusal.Outcome;
        }
    }
}
