using System;
using System.Linq;
using DeviceFirmware.Protocol;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Core.Logging;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Dispatch
{
    /// <summary>
    /// The dispatcher with a var_len product (the ESP32 demo: 10 points, ids interleaved) and the answer family of a
    /// variable-length write on a standard product: <see cref="StatusReplies"/> through <see cref="Dispatcher"/>.
    /// </summary>
    public class StatusRepliesTests
    {
        private const string Did = "did12345";
        private const string App = "usrApp1";
        private readonly FakeTransport sink = new() { Online = true };
        private readonly FakeClock clock = new();

        private sealed record Device(Product Product, DataPointValues State, FakeOutputs Outputs, Dispatcher Dispatcher);

        private Device Make(Product product)
        {
            var outputs = new FakeOutputs(product.Points.Length);
            var state = new DataPointValues(product);
            var settings = new DeviceRuntimeSettings();
            var log = new LogEmitter(Did, sink, clock, settings, 256, 5, 1000);
            return new Device(product, state, outputs, new Dispatcher(Did, state, sink, outputs, log, settings, null, new DispatcherOptions()));
        }

        private static byte[] Frame(ushort command, string p0Hex, uint sn = 0)
        {
            byte[] p0 = P0TestData.Hex(p0Hex);
            var buffer = new byte[p0.Length + 32];
            FrameError error = command == GizwitsCommand.BusinessWithSn
                ? FrameWriter.WriteBusinessWithSn(buffer, 0, command, sn, p0, 0, p0.Length, out int length)
                : FrameWriter.WriteBusiness(buffer, 0, command, p0, 0, p0.Length, out length);
            Assert.Equal(FrameError.None, error);
            return buffer[..length];
        }

        private DispatchOutcome Send(Device device, byte[] frame) => device.Dispatcher.Handle($"app2dev/{Did}/{App}", frame, 0, frame.Length, false);

        /// <summary>The P0 of every published business frame (0x0091/0x0094) on <paramref name="topic"/>, as hex.</summary>
        private string[] P0On(string topic) => sink.Published.Where(p => p.Topic == topic).Select(p =>
        {
            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(p.Payload, 0, p.Payload.Length));
            return reader.Command is GizwitsCommand.BusinessReply or GizwitsCommand.BusinessWithSnAck
                ? P0TestData.ToHex(reader.Buffer, reader.BodyOffset, reader.BodyLength)
                : "command " + reader.Command.ToString("x4", System.Globalization.CultureInfo.InvariantCulture);
        }).ToArray();

        private static string Zeros(int bytes) => new string('0', 2 * bytes);

        [Fact]
        public void Var_len_write_0x11_is_answered_and_broadcast_as_0x14_with_every_point()
        {
            Device d = Make(VarLenFixtures.Esp32Demo());
            // 0x11: LED_OnOff (id 0) on, LED_R (id 2) = 0x40 → flags 00 05, packed 01, LED_R 40.
            Assert.Equal(DispatchOutcome.Handled, Send(d, Frame(GizwitsCommand.BusinessWithSn, "11 0005 01 40", 9)));
            Assert.Equal(1, d.Outputs.Applies);
            Assert.Equal(1, d.Outputs.Levels[0]);
            Assert.Equal(0x40, d.Outputs.Levels[2]);

            // Every point flagged (03 ff); packed: LED_OnOff bit 0 = 1 → 01; LED_R 40, LED_G/B 00, Motor_Speed 00; Text 100 × 00.
            string report = "1403ff01" + "40000000" + Zeros(100);
            Assert.Equal(new[] { report }, P0On($"dev2app/{Did}/{App}"));
            Assert.Equal(new[] { report }, P0On($"dev2app/{Did}"));
        }

        [Fact]
        public void Var_len_read_0x12_is_answered_with_0x13_of_the_points_asked_or_of_all_when_none()
        {
            Device d = Make(VarLenFixtures.Esp32Demo());
            d.State.Set(P0TestData.Id(d.Product, "Infrared"), 1);
            d.State.Set(P0TestData.Id(d.Product, "LED_B"), 0x33);
            // 0x12 of LED_B (id 4) and Infrared (id 6): flags 00 50 → 0x13: packed Infrared bit 0 = 01, LED_B 33.
            Assert.Equal(DispatchOutcome.Handled, Send(d, Frame(GizwitsCommand.BusinessWithSn, "12 0050", 3)));
            Assert.Equal(new[] { "13005001" + "33" }, P0On($"dev2app/{Did}/{App}"));
            Assert.Empty(P0On($"dev2app/{Did}"));
            Assert.Equal(0, d.Outputs.Applies);

            sink.Published.Clear();
            Assert.Equal(DispatchOutcome.Handled, Send(d, Frame(GizwitsCommand.Business, "12 0000")));
            // All: packed Infrared is bit 3 (after LED_OnOff 1 bit, LED_Color 2 bits) → 08; LED_B 33.
            Assert.Equal(new[] { "1303ff08" + "00003300" + Zeros(100) }, P0On($"dev2app/{Did}/{App}"));
        }

        [Fact]
        public void Var_len_refuses_fixed_layout_actions_and_read_only_writes_changing_nothing()
        {
            Device d = Make(VarLenFixtures.Esp32Demo());
            Assert.Equal(DispatchOutcome.RefusedBusinessData, Send(d, Frame(GizwitsCommand.BusinessWithSn, "02", 1)));
            Assert.Equal(P0Error.WrongProtocolType, d.Dispatcher.LastP0Error);
            Assert.Equal(DispatchOutcome.RefusedBusinessData, Send(d, Frame(GizwitsCommand.Business, "01 00 00 00 00 00 00")));
            Assert.Equal(P0Error.WrongProtocolType, d.Dispatcher.LastP0Error);
            // Infrared (id 6, read-only) flagged in a 0x11.
            Assert.Equal(DispatchOutcome.RefusedBusinessData, Send(d, Frame(GizwitsCommand.BusinessWithSn, "11 0040 01", 2)));
            Assert.Equal(P0Error.NotWritable, d.Dispatcher.LastP0Error);
            Assert.Equal(0, d.Outputs.Applies);
            Assert.Equal(0, d.State.Get(6));
            Assert.DoesNotContain(P0On($"dev2app/{Did}"), p => p.StartsWith("14", StringComparison.Ordinal));
        }

        [Fact]
        public void Var_len_repeat_window_answers_a_repeated_0x11_from_memory()
        {
            Device d = Make(VarLenFixtures.Esp32Demo());
            byte[] frame = Frame(GizwitsCommand.BusinessWithSn, "11 0001 01", 77);
            Assert.Equal(DispatchOutcome.Handled, Send(d, frame));
            string[] first = P0On($"dev2app/{Did}/{App}");
            sink.Published.Clear();
            Assert.Equal(DispatchOutcome.Repeated, Send(d, frame));
            Assert.Equal(1, d.Outputs.Applies);
            Assert.Equal(first, P0On($"dev2app/{Did}/{App}"));
        }

        [Fact]
        public void Var_len_broadcast_is_0x14_with_every_point()
        {
            Device d = Make(VarLenFixtures.Esp32Demo());
            d.State.Set(P0TestData.Id(d.Product, "Fault_LED"), 1);
            Assert.True(d.Dispatcher.BroadcastStatus());
            // Fault_LED is packed bit 5 (LED_OnOff 0, LED_Color 1..2, Infrared 3, Alert_1 4) → 20.
            Assert.Equal(new[] { "1403ff20" + "00000000" + Zeros(100) }, P0On($"dev2app/{Did}"));
        }

        [Fact]
        public void Standard_product_answers_a_0x11_write_in_the_variable_length_family_and_broadcasts_0x04()
        {
            Device d = Make(VarLenFixtures.Greenhouse());
            // 0x11 Fan on (id 0): flags 2 bytes (12 ids) 00 01, packed 01.
            Assert.Equal(DispatchOutcome.Handled, Send(d, Frame(GizwitsCommand.BusinessWithSn, "11 0001 01", 5)));
            Assert.Equal(1, d.Outputs.Levels[0]);
            // Answer: 0x14, flags 0f ff (12 ids), packed bool/enum in id order: Fan bit 0 = 1, Vent 1..2, Door 3,
            // alerts 4..5, faults 6..7 → 01; then Target 00, Irrigation 0000, Air 0000, Soil 00, Light 00000000.
            Assert.Equal(new[] { "140fff01" + "00" + "0000" + "0000" + "00" + "00000000" }, P0On($"dev2app/{Did}/{App}"));
            // The broadcast stays in the product's own family: 0x04 with the 14-byte full status, Fan = bit 0 of byte 0.
            Assert.Equal(new[] { "04" + "01" + Zeros(13) }, P0On($"dev2app/{Did}"));

            sink.Published.Clear();
            Assert.Equal(DispatchOutcome.Handled, Send(d, Frame(GizwitsCommand.BusinessWithSn, "01 01 01 00 0000", 6)));
            string fixedReport = "04" + "01" + Zeros(13);
            Assert.Equal(new[] { fixedReport }, P0On($"dev2app/{Did}/{App}"));
        }
    }
}
