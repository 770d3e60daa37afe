using System;
using System.Linq;
using DeviceFirmware.Protocol.P0;
using Xunit;
using static DeviceFirmware.Tests.Protocol.P0.Support.P0TestData;
using DeviceFirmware.Tests.Protocol.P0.Support;

namespace DeviceFirmware.Tests.Protocol.P0.VarLen
{
    /// <summary>
    /// Hand-worked vectors of the var_len ESP32 demo (hardware/products/esp32-demo-var-len.json): 10 points, the shape
    /// of the public Gizwits ESP32 firmware's report (action 0x14, flags 03 ff, one packed byte, four uint8, a 100-byte
    /// binary), with positions that happen to follow that packing in id order.
    /// </summary>
    public class Esp32DemoVarLenGoldenTests
    {
        private static readonly Product Demo = VarLenFixtures.Esp32Demo();

        private static string Zeros(int bytes) => new string('0', 2 * bytes);

        // 0x14 with every point: flags 10 ids = 2 bytes, all set = 03 ff.
        //   packed (bool/enum in id order): LED_OnOff on → bit 0; LED_Color Purple (2) = 10 → bits 1..2 → bit 2;
        //     Infrared on → bit 3; Alert_1 off → bit 4; Fault_LED on → bit 5 → 0b0010_1101 = 0x2d
        //   LED_R 16 = 10, LED_G 32 = 20, LED_B 48 = 30, Motor_Speed +2 (addition -5 → raw 7) = 07
        //   Text "Hello" = 48 65 6c 6c 6f, zero padded to 100 bytes
        private static readonly string Report = "14 03ff 2d 10 20 30 07 48656c6c6f" + Zeros(95);

        private static DataPointValues ReportValues()
        {
            var v = new DataPointValues(Demo);
            v.Set(Id(Demo, "LED_OnOff"), 1);
            v.Set(Id(Demo, "LED_Color"), 2);
            v.Set(Id(Demo, "LED_R"), 16);
            v.Set(Id(Demo, "LED_G"), 32);
            v.Set(Id(Demo, "LED_B"), 48);
            v.Set(Id(Demo, "Motor_Speed"), 7);
            v.Set(Id(Demo, "Infrared"), 1);
            v.Set(Id(Demo, "Fault_LED"), 1);
            "Hello"u8.ToArray().CopyTo(v.Binary, v.BinaryOffset(Id(Demo, "Text")));
            return v;
        }

        [Fact]
        public void Report_0x14_has_the_public_firmwares_shape()
        {
            bool[] all = Enumerable.Repeat(true, 10).ToArray();
            string hex = Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableReport, ReportValues(), all, b, o, out n), 120);
            Assert.Equal(Golden.Norm(Report), hex);
            Assert.Equal(1 + 2 + 1 + 4 + 100, hex.Length / 2);
            P0Message m = Golden.Decode(Demo, Report);
            Assert.Equal(Snapshot(ReportValues()), Snapshot(m.Values));
            Assert.Equal(2.0, m.Values.GetShown(Id(Demo, "Motor_Speed")));
        }

        [Fact]
        public void Positions_that_follow_id_order_match_the_report_but_are_not_what_lays_it_out()
        {
            // In this export byte_offset is where each byte-aligned value sits after the flags of a full 0x14, and the
            // bool/enum bit_offsets are their places in the packed byte: a coincidence of id order, not a layout rule.
            byte[] body = Hex(Report).AsSpan(1 + Demo.VariableFlagsSize).ToArray();
            DataPointValues expected = ReportValues();
            foreach (DataPoint p in Demo.Points.Where(p => !p.IsBitField && p.DataType != DataType.Binary))
            {
                Assert.Equal(expected.Get(p.Id), body[p.ByteOffset]);
            }

            foreach (DataPoint p in Demo.Points.Where(p => p.IsBitField))
            {
                Assert.Equal(expected.Get(p.Id), BitArea.Read(body, 0, 1, p.BitOffset, p.Length));
            }

            // The boiler has every position 0/0 and still round-trips: positions are not used.
            Assert.All(VarLenFixtures.Boiler().Points, p => Assert.Equal(0, p.ByteOffset));
        }

        // 0x11 of LED_Color Yellow (id 1), Motor_Speed +5 (id 5, raw 10) and Text "AB" (id 9):
        //   flags bits 1, 5, 9 → 0x0222 = 02 22; packed: LED_Color 01 in bits 0..1 → 01; Motor_Speed 0a; Text 41 42 + 98 × 00
        private static readonly string Write = "11 0222 01 0a 4142" + Zeros(98);

        [Fact]
        public void Write_0x11_round_trips_exactly()
        {
            P0Message m = Golden.Decode(Demo, Write);
            Golden.Flagged(m, 1, 5, 9);
            Assert.Equal(1, m.Values.Get(1));
            Assert.Equal(5.0, m.Values.GetShown(5));
            Assert.Equal(Golden.Norm(Write), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableWrite, m.Values, m.Flagged, b, o, out n), 120));
        }

        [Fact]
        public void Write_0x11_with_Infrared_flagged_is_NotWritable()
        {
            var m = new P0Message(Demo);
            Assert.Equal(P0Error.NotWritable, Golden.DecodeRaw(m, "11 0040 01")); // bit 6 = Infrared (read-only)
            Assert.Equal(Id(Demo, "Infrared"), m.ErrorPointId);
        }

        // 0x12 of LED_R (id 2), Infrared (6), Fault_LED (8): bits 2,6,8 → 0x0144; the 0x13: packed Infrared bit 0,
        // Fault_LED bit 1 = 0x03; LED_R 10.
        [Fact]
        public void Read_0x12_and_reply_0x13_exactly()
        {
            P0Message read = Golden.Decode(Demo, "12 0144");
            Golden.Flagged(read, 2, 6, 8);
            Assert.Equal("13014403" + "10", Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableReadReply, ReportValues(), read.Flagged, b, o, out n)));
        }

        [Theory]
        [InlineData("11 0400")]      // bit 10: no such id (10 points)
        [InlineData("14 8000")]      // bit 15
        public void Flags_past_the_last_id_are_UnknownDataPoint(string hex)
        {
            var m = new P0Message(Demo);
            Assert.Equal(P0Error.UnknownDataPoint, Golden.DecodeRaw(m, hex));
        }

        [Theory]
        [InlineData("14 03ff 2d 10 20 30 07")]     // the binary missing
        [InlineData("12 0144 00")]                 // a read carries flags only
        [InlineData("11 0222 01 0a")]              // Text missing
        [InlineData("13 00")]                      // half the flags
        public void Wrong_lengths_are_refused(string hex)
        {
            var m = new P0Message(Demo);
            Assert.Equal(P0Error.WrongLength, Golden.DecodeRaw(m, hex));
            Assert.Equal(0, m.FlaggedCount);
        }
    }
}
