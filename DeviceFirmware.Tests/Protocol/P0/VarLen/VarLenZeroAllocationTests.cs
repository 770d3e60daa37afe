using System;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Core.Logging;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Firmware.Core;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.VarLen
{
    /// <summary>The var_len receive/apply/report loop allocates nothing once warmed up (the 44-point boiler).</summary>
    public class VarLenZeroAllocationTests
    {
        private const int Loops = 1000;

        // 0x11: Power on (id 0), Mode Winter (id 1), Heating_Relay on (id 5): flags bits 0,1,5 = 00 00 00 00 00 23;
        // packed Power bit 0, Mode bits 1..2 = 01, Heating_Relay bit 3 → 0b1011 = 0b.
        private static readonly byte[] Write = P0TestData.Hex("11 000000000023 0b");

        private static long Measure(Action body) => DeviceFirmware.Tests.Support.Allocations.Of(body, Loops);

        [Fact]
        public void Decode_0x11_apply_and_report_0x14_allocate_nothing()
        {
            Product p = VarLenFixtures.Boiler();
            var message = new P0Message(p);
            var live = new DataPointValues(p);
            bool[] all = new bool[p.Points.Length];
            Array.Fill(all, true);
            byte[] output = new byte[p.MaxMessageSize];
            int failures = 0;
            long allocated = Measure(() =>
            {
                if (message.Decode(Write, 0, Write.Length) != P0Error.None || message.FlaggedCount != 3) failures++;
                live.CopyFlagged(message.Values, message.Flagged);
                if (P0Writer.WriteVariable(P0Action.VariableReport, live, all, output, 0, out int n) != P0Error.None || n != p.MaxMessageSize) failures++;
                if (message.Decode(output, 0, n) != P0Error.None || message.FlaggedCount != 44) failures++;
            });
            Assert.Equal(0, failures);
            Assert.Equal(0, allocated);
            Assert.True(live.GetBool(5));
        }

        [Fact]
        public void Refusals_allocate_nothing()
        {
            var message = new P0Message(VarLenFixtures.Boiler());
            byte[] notWritable = P0TestData.Hex("11 000000000008 0265");
            byte[] fixedLayout = P0TestData.Hex("04 00");
            int failures = 0;
            long allocated = Measure(() =>
            {
                if (message.Decode(notWritable, 0, notWritable.Length) != P0Error.NotWritable) failures++;
                if (message.Decode(fixedLayout, 0, fixedLayout.Length) != P0Error.WrongProtocolType) failures++;
            });
            Assert.Equal(0, failures);
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void The_dispatcher_answers_0x11_and_0x12_without_allocating()
        {
            Product p = VarLenFixtures.Boiler();
            var sink = new FakeTransport { Online = true, Record = false };
            var state = new DataPointValues(p);
            var settings = new DeviceRuntimeSettings();
            var dispatcher = new Dispatcher("did1", state, sink, new FakeOutputs(p.Points.Length), new LogEmitter("did1", sink, new FakeClock(), settings, 256, 5, 1000),
                settings, null, new DispatcherOptions());
            byte[] write = Frame(GizwitsCommand.Business, Write);
            byte[] read = Frame(GizwitsCommand.Business, P0TestData.Hex("12 000000000000"));
            const string topic = "app2dev/did1/usrApp1";
            int failures = 0;
            long allocated = Measure(() =>
            {
                if (dispatcher.Handle(topic, write, 0, write.Length, false) != DispatchOutcome.Handled) failures++;
                if (dispatcher.Handle(topic, read, 0, read.Length, false) != DispatchOutcome.Handled) failures++;
            });
            Assert.Equal(0, failures);
            Assert.Equal(0, allocated);
            Assert.True(sink.PublishCount > 0);
        }

        private static byte[] Frame(ushort command, byte[] p0)
        {
            var buffer = new byte[p0.Length + 32];
            Assert.Equal(FrameError.None, FrameWriter.WriteBusiness(buffer, 0, command, p0, 0, p0.Length, out int length));
            return buffer[..length];
        }
    }
}
