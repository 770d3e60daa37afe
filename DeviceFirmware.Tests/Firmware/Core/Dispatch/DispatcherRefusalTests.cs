using System;
using System.IO;
using System.Linq;
using System.Text;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Core.Logging;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Firmware.Core.Device;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Dispatch
{
    /// <summary>
    /// Issue 12: every 0x0093 gets exactly one 0x0094 with its sn (a refused one carries the unchanged status), refusals
    /// are Warnings that name the error, the offset or data point and the AppClientId; repeats need the same body within
    /// the window; writer results are checked and a failing custom handler is a refusal.
    /// </summary>
    public class DispatcherRefusalTests
    {
        private const string Did = "did12345";
        private const string App = "usrApp1";
        private static readonly byte[] WriteRelayOn = { 0x01, 0x01, 0x00, 0x01, 0, 0, 0, 0 };
        private static readonly byte[] WriteRelayOff = { 0x01, 0x01, 0x00, 0x00, 0, 0, 0, 0 };
        private static readonly byte[] WriteMotorTooFast = { 0x01, 0x40, 0x00, 0x00, 0, 0, 0, 11 }; // Motor_Speed 11 > max 10
        private readonly Product product = ProductJson.Load(RepoPaths.Product("gokit"));
        private readonly FakeTransport sink = new() { Online = true };
        private readonly FakeClock clock = new();
        private readonly FakeOutputs outputs;
        private readonly DataPointValues state;
        private readonly DeviceRuntimeSettings settings = new();
        private readonly LogEmitter log;

        public DispatcherRefusalTests()
        {
            outputs = new FakeOutputs(product.Points.Length);
            state = new DataPointValues(product);
            log = new LogEmitter(Did, sink, clock, settings, 256, 5, 1000);
        }

        private Dispatcher Dispatcher(ICustomCommandHandler? custom = null, int maxCustomReply = 64) =>
            new(Did, state, sink, outputs, log, settings, custom!, new DispatcherOptions { MaxCustomReplyBytes = maxCustomReply });

        private static byte[] Frame(ushort command, byte[] p0, uint sn = 0) => DeviceHarness.Frame(command, p0, sn);

        private static DispatchOutcome Send(Dispatcher dispatcher, byte[] frame, string app = App) =>
            dispatcher.Handle($"app2dev/{Did}/{app}", frame, 0, frame.Length, false);

        private static FrameReader Decode(byte[] payload)
        {
            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(payload, 0, payload.Length));
            return reader;
        }

        private (string Topic, byte[] Payload)[] Answers(uint sn) =>
            sink.Published.Where(p => Decode(p.Payload).Command == GizwitsCommand.BusinessWithSnAck && Decode(p.Payload).Sn == sn).ToArray();

        private string[] Warnings() => sink.Published
            .Select(p => Decode(p.Payload))
            .Where(r => r.Command == GizwitsCommand.Log && r.LogLevel == (byte)LogLevel.Warning)
            .Select(r => Encoding.UTF8.GetString(r.Buffer, r.ContentOffset, r.ContentLength))
            .ToArray();

        private byte[] CurrentStatus()
        {
            var buffer = new byte[product.MaxMessageSize];
            Assert.Equal(P0Error.None, P0Writer.WriteStatus(state, P0Action.Report, buffer, 0, out int length));
            return buffer[..length];
        }

        private void AssertAnsweredWithUnchangedStatus(uint sn, byte[] statusBefore)
        {
            var (topic, payload) = Assert.Single(Answers(sn));
            Assert.Equal($"dev2app/{Did}/{App}", topic);
            FrameReader reader = Decode(payload);
            Assert.Equal(statusBefore, reader.Buffer.AsSpan(reader.BodyOffset, reader.BodyLength).ToArray());
            Assert.Equal(statusBefore, CurrentStatus());
            Assert.Equal(0, outputs.Applies);
        }

        public static TheoryData<string, byte[], DispatchOutcome, string> RefusedCommands() => new()
        {
            { "bad P0", WriteMotorTooFast, DispatchOutcome.RefusedBusinessData, "P0Error ValueOutOfRange at data point Motor_Speed: 0x0093 sn 42 from usrApp1 refused, answered with the unchanged status" },
            { "one byte short", new byte[] { 0x01, 0x01, 0x00, 0x01, 0, 0, 0 }, DispatchOutcome.RefusedBusinessData, "P0Error WrongLength" },
            { "empty body", Array.Empty<byte>(), DispatchOutcome.RefusedBusinessData, "P0Error Empty: 0x0093 sn 42 from usrApp1" },
            { "unknown action", new byte[] { 0x7e }, DispatchOutcome.RefusedBusinessData, "P0Error UnknownAction: 0x0093 sn 42 from usrApp1" },
            { "a report sent to a device", new byte[] { 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, DispatchOutcome.Ignored, "P0 action not expected by a device: 0x0093 sn 42 from usrApp1" },
            { "custom without a handler", new byte[] { 0x05, 1, 2 }, DispatchOutcome.Ignored, "custom command (0x05) without a handler: 0x0093 sn 42" },
        };

        [Theory]
        [MemberData(nameof(RefusedCommands))]
        public void A_refused_0x0093_gets_exactly_one_0x0094_with_its_sn_and_the_unchanged_status_and_a_warning_naming_why(string what, byte[] p0, DispatchOutcome expected, string warning)
        {
            Dispatcher dispatcher = Dispatcher();
            byte[] before = CurrentStatus();
            Assert.Equal(expected, Send(dispatcher, Frame(GizwitsCommand.BusinessWithSn, p0, 42)));
            AssertAnsweredWithUnchangedStatus(42, before);
            string text = Assert.Single(Warnings());
            Assert.StartsWith(warning, text, StringComparison.Ordinal);
            Assert.Equal(text, dispatcher.LastRefusal.Build());
            Assert.True(dispatcher.LastRefusal.Answered, what);
            Assert.Equal(2, sink.Published.Count); // the answer and the warning, nothing else (no broadcast)
        }

        [Fact]
        public void A_refused_0x0090_is_not_answered_but_its_warning_names_the_data_point_and_the_app()
        {
            Dispatcher dispatcher = Dispatcher();
            Assert.Equal(DispatchOutcome.RefusedBusinessData, Send(dispatcher, Frame(GizwitsCommand.Business, WriteMotorTooFast), "usrRestarted9"));
            Assert.Equal("P0Error ValueOutOfRange at data point Motor_Speed: message from usrRestarted9 ignored", Assert.Single(Warnings()));
            Assert.Single(sink.Published);
        }

        [Fact]
        public void A_malformed_frame_warning_names_the_frame_error_its_offset_and_the_app()
        {
            Dispatcher dispatcher = Dispatcher();
            byte[] frame = Frame(GizwitsCommand.BusinessWithSn, WriteRelayOn, 5);
            frame[4]++; // varlen no longer matches
            Assert.Equal(DispatchOutcome.MalformedFrame, Send(dispatcher, frame));
            Assert.Equal("FrameError VarLenMismatch at offset 4: message from usrApp1 ignored", Assert.Single(Warnings()));
            Assert.Empty(Answers(5)); // its sn cannot be trusted: no answer
            Assert.Equal(FrameError.VarLenMismatch, dispatcher.LastRefusal.FrameError);
            Assert.Equal(4, dispatcher.LastRefusal.FrameErrorOffset);
            Assert.Equal(App, dispatcher.LastRefusal.AppClientId);
        }

        [Fact]
        public void Topic_level_refusals_say_what_was_refused()
        {
            Dispatcher dispatcher = Dispatcher();
            byte[] frame = Frame(GizwitsCommand.BusinessWithSn, WriteRelayOn, 1);
            dispatcher.Handle($"app2dev/{Did}/{App}", frame, 0, frame.Length, true);
            dispatcher.Handle($"app2dev/otherdid/{App}", frame, 0, frame.Length, false);
            dispatcher.Handle($"app2dev/{Did}/usr+bad", frame, 0, frame.Length, false);
            Assert.Equal(new[] { "retained message ignored", "message for another DID ignored", "message from an invalid AppClientId ignored" }, Warnings());
            Assert.Empty(Answers(1));
        }

        [Fact]
        public void Refusal_warnings_stay_within_the_content_limit_and_the_rate_limit()
        {
            var tight = new LogEmitter(Did, sink, clock, settings, 40, 5, 1000);
            var dispatcher = new Dispatcher(Did, state, sink, outputs, tight, settings, null!, new DispatcherOptions());
            for (uint sn = 1; sn <= 100; sn++) Send(dispatcher, Frame(GizwitsCommand.BusinessWithSn, WriteMotorTooFast, sn), "usrABCDEFGHIJKLMNOPQRST");
            string[] warnings = Warnings();
            Assert.Equal(5, warnings.Length);
            Assert.All(warnings, w => Assert.True(Encoding.UTF8.GetByteCount(w) <= 40, w));
            Assert.All(warnings, w => Assert.EndsWith(LogEmitter.TruncationMark, w, StringComparison.Ordinal));
            Assert.Equal(95, tight.Dropped);
            for (uint sn = 1; sn <= 100; sn++) Assert.Single(Answers(sn)); // the rate limit never costs an answer
        }

        [Fact]
        public void A_flood_of_refusals_builds_no_text_for_the_logs_the_rate_limit_drops()
        {
            Dispatcher dispatcher = Dispatcher();
            byte[] frame = Frame(GizwitsCommand.Business, WriteMotorTooFast);
            for (int i = 0; i < 10; i++) Send(dispatcher, frame); // spend the burst, warm up
            sink.Record = false;
            string topic = $"app2dev/{Did}/{App}";
            long allocated = DeviceFirmware.Tests.Support.Allocations.Of(() => dispatcher.Handle(topic, frame, 0, frame.Length, false), 1000);
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void The_same_app_and_sn_with_another_body_runs()
        {
            Dispatcher dispatcher = Dispatcher();
            Assert.Equal(DispatchOutcome.Handled, Send(dispatcher, Frame(GizwitsCommand.BusinessWithSn, WriteRelayOn, 1)));
            Assert.Equal(DispatchOutcome.Handled, Send(dispatcher, Frame(GizwitsCommand.BusinessWithSn, WriteRelayOff, 1)));
            Assert.Equal(2, outputs.Applies);
            Assert.Equal(0, outputs.Levels[0]); // the second command ran: the relay is off
            Assert.Equal(0, state.Get(0));
        }

        [Fact]
        public void A_true_repeat_inside_the_window_is_answered_from_memory_and_does_not_run()
        {
            Dispatcher dispatcher = Dispatcher();
            byte[] frame = Frame(GizwitsCommand.BusinessWithSn, WriteRelayOn, 1);
            Send(dispatcher, frame);
            byte[] first = Assert.Single(Answers(1)).Payload;
            sink.Published.Clear();
            clock.NowMs = RepeatWindow.DefaultWindowMs;
            Assert.Equal(DispatchOutcome.Repeated, Send(dispatcher, frame));
            Assert.Equal(1, outputs.Applies);
            Assert.Equal(first, Assert.Single(sink.Published).Payload);
        }

        [Fact]
        public void The_same_body_after_the_window_runs_again()
        {
            Dispatcher dispatcher = Dispatcher();
            byte[] frame = Frame(GizwitsCommand.BusinessWithSn, WriteRelayOn, 1);
            Send(dispatcher, frame);
            clock.NowMs = RepeatWindow.DefaultWindowMs + 1;
            Assert.Equal(DispatchOutcome.Handled, Send(dispatcher, frame));
            Assert.Equal(2, outputs.Applies);
        }

        [Fact]
        public void A_refused_0x0093_is_not_remembered_so_a_fixed_retry_runs()
        {
            Dispatcher dispatcher = Dispatcher();
            Send(dispatcher, Frame(GizwitsCommand.BusinessWithSn, WriteMotorTooFast, 3));
            Assert.Equal(DispatchOutcome.Handled, Send(dispatcher, Frame(GizwitsCommand.BusinessWithSn, WriteRelayOn, 3)));
            Assert.Equal(1, outputs.Applies);
        }

        private sealed class Handler : ICustomCommandHandler
        {
            public Func<byte[], int, int, int>? Answer { get; init; }

            public int Handle(byte[] request, int offset, int count, byte[] reply, int replyOffset, int replyCapacity) => Answer!(reply, replyOffset, replyCapacity);
        }

        public static TheoryData<string, string> FailingHandlers() => new()
        {
            { "throws", "custom handler threw: 0x0093 sn 9 from usrApp1 refused" },
            { "overflows", "custom handler answered more than the reply buffer holds: 0x0093 sn 9 from usrApp1 refused" },
            { "returns -5", "custom handler answered more than the reply buffer holds: 0x0093 sn 9" },
        };

        [Theory]
        [MemberData(nameof(FailingHandlers))]
        public void A_custom_handler_that_throws_or_overflows_is_a_refusal_and_nothing_empty_is_published_or_stored(string how, string warning)
        {
            var handler = new Handler
            {
                Answer = (reply, at, capacity) => how switch
                {
                    "throws" => throw new InvalidOperationException("product bug"),
                    "overflows" => capacity + 1,
                    _ => -5,
                },
            };
            Dispatcher dispatcher = Dispatcher(handler);
            byte[] before = CurrentStatus();
            byte[] frame = Frame(GizwitsCommand.BusinessWithSn, new byte[] { 0x05, 1, 2, 3 }, 9);
            Assert.Equal(DispatchOutcome.Ignored, Send(dispatcher, frame));
            AssertAnsweredWithUnchangedStatus(9, before);
            Assert.StartsWith(warning, Assert.Single(Warnings()), StringComparison.Ordinal);
            Assert.All(sink.Published, p => Assert.True(p.Payload.Length > 0));

            // Not stored: the same request is judged again (and refused again), not answered from memory.
            sink.Published.Clear();
            Assert.Equal(DispatchOutcome.Ignored, Send(dispatcher, frame));
        }

        [Fact]
        public void A_custom_handler_that_sends_nothing_still_answers_a_0x0093_once_with_an_empty_0x06()
        {
            Dispatcher dispatcher = Dispatcher(new Handler { Answer = (_, _, _) => -1 });
            Assert.Equal(DispatchOutcome.Handled, Send(dispatcher, Frame(GizwitsCommand.BusinessWithSn, new byte[] { 0x05, 1 }, 4)));
            FrameReader reader = Decode(Assert.Single(Answers(4)).Payload);
            Assert.Equal(new byte[] { P0Action.CustomToApp }, reader.Buffer.AsSpan(reader.BodyOffset, reader.BodyLength).ToArray());
            sink.Published.Clear();
            Assert.Equal(DispatchOutcome.Handled, Send(dispatcher, Frame(GizwitsCommand.Business, new byte[] { 0x05, 1 })));
            Assert.Empty(sink.Published); // a 0x0090 the handler chose not to answer stays unanswered
        }

        [Fact]
        public void A_custom_handler_filling_the_reply_buffer_exactly_is_answered()
        {
            Dispatcher dispatcher = Dispatcher(new Handler { Answer = (reply, at, capacity) => capacity }, maxCustomReply: 200);
            Assert.Equal(DispatchOutcome.Handled, Send(dispatcher, Frame(GizwitsCommand.BusinessWithSn, new byte[] { 0x05 }, 8)));
            FrameReader reader = Decode(Assert.Single(Answers(8)).Payload);
            Assert.Equal(P0Action.CustomToApp, reader.Buffer[reader.BodyOffset]);
            Assert.True(reader.BodyLength >= 201);
        }

        [Theory]
        [InlineData(LogLevel.Off)]
        [InlineData(LogLevel.Error)]
        public void A_0x0010_that_sets_off_or_error_still_reports_its_own_reserved_bits(LogLevel level)
        {
            Dispatcher dispatcher = Dispatcher();
            byte[] buffer = new byte[16];
            FrameWriter.WriteSettings(buffer, 0, 0x8000 | DeviceSettings.Compose(level, true), out int length);
            Assert.Equal(DispatchOutcome.Handled, Send(dispatcher, buffer[..length]));
            Assert.Equal(level, log.Threshold);
            Assert.Equal("0x0010 reserved bits ignored", Assert.Single(Warnings()));

            // The next one is judged by the new threshold: nothing at Off or Error.
            sink.Published.Clear();
            Send(dispatcher, buffer[..length]);
            Assert.Empty(Warnings());
        }
    }
}
