using System;
using System.IO;
using System.Linq;
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
    public class DispatcherTests
    {
        private const string Did = "did12345";
        private const string App = "usrApp1";
        private const string OtherApp = "usrApp2";
        private readonly Product product = ProductJson.Load(RepoPaths.Product("gokit"));
        private readonly FakeTransport sink = new() { Online = true };
        private readonly FakeClock clock = new();
        private readonly FakeOutputs outputs;
        private readonly DataPointValues state;
        private readonly DeviceRuntimeSettings settings = new();
        private readonly LogEmitter log;
        private readonly Dispatcher dispatcher;

        public DispatcherTests()
        {
            outputs = new FakeOutputs(product.Points.Length);
            state = new DataPointValues(product);
            log = new LogEmitter(Did, sink, clock, settings, 256, 5, 1000);
            dispatcher = new Dispatcher(Did, state, sink, outputs, log, settings, null, new DispatcherOptions());
        }

        // GoKit write: action 01, attr_flags 1 byte, writable section 6 bytes (2-byte bit area, R, G, B, motor).
        // Relay (id 0) flagged → flags 0x01; Relay=1 is bit 0 of the bit area = lowest bit of its LAST byte.
        private static readonly byte[] WriteRelayOn = { 0x01, 0x01, 0x00, 0x01, 0, 0, 0, 0 };

        private static byte[] Frame(ushort command, byte[] p0, uint sn = 0) => DeviceHarness.Frame(command, p0, sn);

        private DispatchOutcome Send(byte[] frame, string app = App, bool retained = false, string did = Did) =>
            dispatcher.Handle($"app2dev/{did}/{app}", frame, 0, frame.Length, retained);

        private FrameReader Decode(byte[] payload)
        {
            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(payload, 0, payload.Length));
            return reader;
        }

        [Fact]
        public void Write_moves_the_output_and_broadcasts_the_new_status()
        {
            Assert.Equal(DispatchOutcome.Handled, Send(Frame(GizwitsCommand.Business, WriteRelayOn)));
            Assert.Equal(1, outputs.Levels[0]);
            var (topic, payload) = Assert.Single(sink.Published);
            Assert.Equal($"dev2app/{Did}", topic);
            var reader = Decode(payload);
            Assert.Equal(GizwitsCommand.BusinessReply, reader.Command);
            var status = new P0Message(product);
            Assert.Equal(P0Error.None, status.Decode(reader.Buffer, reader.BodyOffset, reader.BodyLength));
            Assert.Equal(P0Action.Report, status.Action);
            Assert.Equal(1, status.Values.Get(0));
        }

        [Fact]
        public void Write_with_sn_is_answered_with_the_same_sn_and_broadcast()
        {
            Assert.Equal(DispatchOutcome.Handled, Send(Frame(GizwitsCommand.BusinessWithSn, WriteRelayOn, 0xDEADBEEF)));
            Assert.Equal(2, sink.Published.Count);
            var answer = sink.Published.Single(p => p.Topic == $"dev2app/{Did}/{App}");
            var reader = Decode(answer.Payload);
            Assert.Equal(GizwitsCommand.BusinessWithSnAck, reader.Command);
            Assert.Equal(0xDEADBEEFu, reader.Sn);
            Assert.Contains(sink.Published, p => p.Topic == $"dev2app/{Did}");
        }

        [Fact]
        public void Repeated_sn_is_answered_again_but_runs_once()
        {
            byte[] frame = Frame(GizwitsCommand.BusinessWithSn, WriteRelayOn, 7);
            Send(frame);
            byte[] first = sink.Published.Single(p => p.Topic.EndsWith(App, StringComparison.Ordinal)).Payload;
            sink.Published.Clear();
            Assert.Equal(DispatchOutcome.Repeated, Send(frame));
            Assert.Equal(1, outputs.Applies);
            var (topic, payload) = Assert.Single(sink.Published);
            Assert.Equal($"dev2app/{Did}/{App}", topic);
            Assert.Equal(first, payload);

            // The same sn from another App is a different request.
            Assert.Equal(DispatchOutcome.Handled, Send(frame, OtherApp));
            Assert.Equal(2, outputs.Applies);
        }

        [Fact]
        public void Read_is_answered_only_to_the_asking_app()
        {
            state.Set(9, 40); // Humidity
            Assert.Equal(DispatchOutcome.Handled, Send(Frame(GizwitsCommand.Business, new byte[] { P0Action.Read })));
            var (topic, payload) = Assert.Single(sink.Published);
            Assert.Equal($"dev2app/{Did}/{App}", topic);
            var reader = Decode(payload);
            Assert.Equal(P0Action.ReadReply, payload[reader.BodyOffset]);
            Assert.Equal(0, outputs.Applies);
        }

        [Fact]
        public void Settings_are_applied_and_confirmed()
        {
            byte[] buffer = new byte[16];
            FrameWriter.WriteSettings(buffer, 0, DeviceSettings.Compose(LogLevel.Info, false), out int length);
            Assert.Equal(DispatchOutcome.Handled, Send(buffer[..length]));
            Assert.False(settings.IndicatorLedEnabled);
            Assert.Equal(LogLevel.Info, log.Threshold);
            var (topic, payload) = Assert.Single(sink.Published);
            Assert.Equal($"dev2app/{Did}/{App}", topic);
            Assert.Equal(GizwitsCommand.SettingsAck, Decode(payload).Command);
        }

        [Fact]
        public void Reserved_settings_bits_are_ignored_with_a_warning()
        {
            byte[] buffer = new byte[16];
            FrameWriter.WriteSettings(buffer, 0, 0x8003, out int length);
            Send(buffer[..length]);
            Assert.Equal(LogLevel.Info, settings.LogLevel);
            Assert.Equal(0x0003, settings.Value);
            Assert.Contains(sink.Published, p => Decode(p.Payload).Command == GizwitsCommand.Log);
        }

        public static TheoryData<string, string, bool, byte[], DispatchOutcome> Refusals() => new()
        {
            { Did, App, true, new byte[] { 0x01, 0x01, 0x00, 0x01, 0, 0, 0, 0 }, DispatchOutcome.Retained },
            { "otherdid", App, false, new byte[] { 0x01, 0x01, 0x00, 0x01, 0, 0, 0, 0 }, DispatchOutcome.OtherDid },
            { Did, "usr+bad", false, new byte[] { 0x01, 0x01, 0x00, 0x01, 0, 0, 0, 0 }, DispatchOutcome.BadAppClientId },
            { Did, "usrABCDEFGHIJKLMNOPQRSTU", false, new byte[] { 0x01, 0x01, 0x00, 0x01, 0, 0, 0, 0 }, DispatchOutcome.BadAppClientId },
            { Did, App, false, new byte[] { 0x01, 0x01, 0x00, 0x01, 0, 0, 0 }, DispatchOutcome.RefusedBusinessData }, // one byte short
            { Did, App, false, new byte[] { 0x01, 0x41, 0x00, 0x01, 0, 0, 0, 11 }, DispatchOutcome.RefusedBusinessData }, // Motor_Speed 11 > max 10
            { Did, App, false, new byte[] { 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, DispatchOutcome.Ignored }, // a report sent to a device
        };

        [Theory]
        [MemberData(nameof(Refusals))]
        public void Refused_input_changes_nothing_and_is_logged_as_warning(string did, string app, bool retained, byte[] p0, DispatchOutcome expected)
        {
            Assert.Equal(expected, Send(Frame(GizwitsCommand.Business, p0), app, retained, did));
            Assert.Equal(0, outputs.Applies);
            Assert.All(outputs.Levels, level => Assert.Equal(0, level));
            var (topic, payload) = Assert.Single(sink.Published);
            Assert.Equal($"dev2app/{Did}", topic);
            var reader = Decode(payload);
            Assert.Equal(GizwitsCommand.Log, reader.Command);
            Assert.Equal((byte)LogLevel.Warning, reader.LogLevel);
        }

        [Fact]
        public void Malformed_frame_changes_nothing()
        {
            byte[] frame = Frame(GizwitsCommand.Business, WriteRelayOn);
            frame[4]++; // varlen no longer matches
            Assert.Equal(DispatchOutcome.MalformedFrame, Send(frame));
            Assert.Equal(FrameError.VarLenMismatch, dispatcher.LastFrameError);
            Assert.Equal(0, outputs.Applies);
        }

        [Fact]
        public void A_flood_of_bad_input_is_rate_limited_and_a_valid_command_is_still_answered()
        {
            byte[] bad = { 0, 0, 0, 3, 9, 9 };
            for (int i = 0; i < 1000; i++) Send(bad);
            Assert.Equal(5, log.Sent); // the bucket's burst
            Assert.Equal(995, log.Dropped);
            sink.Published.Clear();
            Assert.Equal(DispatchOutcome.Handled, Send(Frame(GizwitsCommand.BusinessWithSn, WriteRelayOn, 1)));
            Assert.Contains(sink.Published, p => p.Topic == $"dev2app/{Did}/{App}");
        }

        [Fact]
        public void Ten_thousand_commands_allocate_nothing_after_warm_up()
        {
            sink.Record = false;
            byte[] write = Frame(GizwitsCommand.BusinessWithSn, WriteRelayOn, 1);
            byte[] read = Frame(GizwitsCommand.Business, new byte[] { P0Action.Read });
            string topic = $"app2dev/{Did}/{App}";
            int sn = 0x10000;
            void WriteThenRead()
            {
                sn++; // a new sn each time (bytes 8..11: header 4, varlen 1, flags 1, command 2), so every write runs
                write[9] = (byte)(sn >> 16);
                write[10] = (byte)(sn >> 8);
                write[11] = (byte)sn;
                dispatcher.Handle(topic, write, 0, write.Length, false);
                dispatcher.Handle(topic, read, 0, read.Length, false);
            }

            // 5,000 writes + 5,000 reads a round, after a warm-up; the cleanest round counts (see Allocations.Of).
            long allocated = DeviceFirmware.Tests.Support.Allocations.Of(WriteThenRead, 5000);
            Assert.Equal(0, allocated);
            int calls = sn - 0x10000;
            Assert.True(calls >= 5200);
            Assert.Equal(calls, outputs.Applies); // every write ran: none was taken for a repeat
            Assert.Equal(3 * calls, sink.PublishCount); // 0x0094 + status broadcast per write, 0x0091 per read
        }
    }
}
