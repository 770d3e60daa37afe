using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Codec
{
    /// <summary>
    /// Variable-length actions 0x11–0x14 of the GoKit product, worked out by hand. 12 points → 2 flag bytes,
    /// read as a big-endian 16-bit integer: id i is bit i (ids 8..11 live in the FIRST flag byte).
    /// </summary>
    public class GoKitVariableGoldenTests
    {
        // 0x11: LED_Color (1) = 1 Yellow, Night_Mode (2) = 1, LED_G (4) = 0x20, Motor_Speed (6) = 10 (shown +5).
        //   flags: bits 1,2,4,6 = 0x02+0x04+0x10+0x40 = 0x0056 → 00 56
        //   packed bool/enum, id order, from bit 0: LED_Color 2 bits = 01 at bits 0..1; Night_Mode at bit 2 → 0b101 = 0x05 (3 bits → 1 byte)
        //   then numbers in id order: LED_G 20, Motor_Speed 0a
        private const string Write = "11 00 56 05 20 0a";

        // 0x12: Temperature (8), Fault_Sensor (11): bits 8, 11 = 0x0900 → 09 00; no values.
        private const string Read = "12 09 00";

        // 0x13: same flags; packed: Fault_Sensor = 1 at bit 0 → 01; numbers: Temperature 615 = 02 67.
        //   (bool/enum come first even though Fault_Sensor's id is higher than Temperature's.)
        private const string ReadReply = "13 09 00 01 02 67";

        // 0x14: Relay (0) = 0, Button (7) = 1, Humidity (9) = 55, Alert_Over_Temperature (10) = 1.
        //   flags: bits 0,7,9,10 = 0x0001+0x0080+0x0200+0x0400 = 0x0681 → 06 81
        //   packed: Relay bit 0 = 0, Button bit 1 = 1, Alert bit 2 = 1 → 0b110 = 0x06
        //   numbers: Humidity 37
        private const string Report = "14 06 81 06 37";

        // 0x14 with all 12 points (values of the status golden vector):
        //   flags 0x0fff → 0f ff
        //   packed (7 bits): Relay=1 bit 0 (0x01); LED_Color=2 bits 1..2 (2<<1 = 0x04); Night_Mode=1 bit 3 (0x08);
        //                    Button=1 bit 4 (0x10); Alert=0 bit 5; Fault_Sensor=1 bit 6 (0x40) → 0x5d
        //   numbers in id order: LED_R 10, LED_G 80, LED_B fe, Motor 07, Temperature 02 67, Humidity 37
        private const string ReportAll = "14 0f ff 5d 10 80 fe 07 02 67 37";

        [Fact]
        public void Variable_write_decodes()
        {
            Product p = P0TestData.GoKit();
            P0Message m = Golden.Decode(p, Write);
            Assert.Equal(P0Action.VariableWrite, m.Action);
            Golden.Flagged(m, 1, 2, 4, 6);
            Assert.Equal(1, m.Values.Get(1));
            Assert.Equal(1, m.Values.Get(2));
            Assert.Equal(0x20, m.Values.Get(4));
            Assert.Equal(10, m.Values.Get(6));
            Assert.Equal(5.0, m.Values.GetShown(6), 9);
        }

        [Fact]
        public void Variable_write_encodes()
        {
            Product p = P0TestData.GoKit();
            var v = new DataPointValues(p);
            v.Set(1, 1);
            v.Set(2, 1);
            v.Set(4, 0x20);
            v.Set(6, 10);
            v.Set(3, 99); // unflagged: must not appear
            bool[] flags = P0TestData.Flags(p, "LED_Color", "Night_Mode", "LED_G", "Motor_Speed");
            Assert.Equal(Golden.Norm(Write), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableWrite, v, flags, b, o, out n)));
        }

        [Fact]
        public void Variable_read_is_flags_only()
        {
            Product p = P0TestData.GoKit();
            P0Message m = Golden.Decode(p, Read);
            Assert.Equal(P0Action.VariableRead, m.Action);
            Golden.Flagged(m, 8, 11);

            var v = new DataPointValues(p);
            v.Set(8, 615); // values are ignored by 0x12
            bool[] flags = P0TestData.Flags(p, "Temperature", "Fault_Sensor");
            Assert.Equal(Golden.Norm(Read), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableRead, v, flags, b, o, out n)));

            // A 0x12 with anything after the flags is refused.
            Assert.Equal(P0Error.WrongLength, Golden.DecodeRaw(new P0Message(p), Read + "00"));
        }

        [Fact]
        public void Variable_read_reply_decodes_and_encodes()
        {
            Product p = P0TestData.GoKit();
            P0Message m = Golden.Decode(p, ReadReply);
            Assert.Equal(P0Action.VariableReadReply, m.Action);
            Golden.Flagged(m, 8, 11);
            Assert.Equal(615, m.Values.Get(8));
            Assert.Equal(21.5, m.Values.GetShown(8), 9);
            Assert.True(m.Values.GetBool(11));

            var v = new DataPointValues(p);
            v.Set(8, 615);
            v.Set(11, 1);
            bool[] flags = P0TestData.Flags(p, "Temperature", "Fault_Sensor");
            Assert.Equal(Golden.Norm(ReadReply), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableReadReply, v, flags, b, o, out n)));
        }

        [Fact]
        public void Variable_report_decodes_and_encodes()
        {
            Product p = P0TestData.GoKit();
            P0Message m = Golden.Decode(p, Report);
            Assert.Equal(P0Action.VariableReport, m.Action);
            Golden.Flagged(m, 0, 7, 9, 10);
            Assert.Equal(0, m.Values.Get(0));
            Assert.Equal(1, m.Values.Get(7));
            Assert.Equal(55, m.Values.Get(9));
            Assert.Equal(1, m.Values.Get(10));

            var v = new DataPointValues(p);
            v.Set(7, 1);
            v.Set(9, 55);
            v.Set(10, 1);
            bool[] flags = P0TestData.Flags(p, "Relay", "Button", "Humidity", "Alert_Over_Temperature");
            Assert.Equal(Golden.Norm(Report), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableReport, v, flags, b, o, out n)));
        }

        [Fact]
        public void Variable_report_of_every_point()
        {
            Product p = P0TestData.GoKit();
            P0Message m = Golden.Decode(p, ReportAll);
            Golden.Flagged(m, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            long[] expected = { 1, 2, 1, 0x10, 0x80, 0xfe, 7, 1, 615, 55, 0, 1 };
            for (int id = 0; id < expected.Length; id++) Assert.Equal(expected[id], m.Values.Get(id));

            var v = new DataPointValues(p);
            for (int id = 0; id < expected.Length; id++) v.Set(id, expected[id]);
            bool[] all = new bool[12];
            for (int id = 0; id < all.Length; id++) all[id] = true;
            string hex = Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableReport, v, all, b, o, out n));
            Assert.Equal(Golden.Norm(ReportAll), hex);
            Assert.Equal(11, hex.Length / 2); // 1 + 2 + 1 + 7, as in ProductLayoutTests
        }

        [Fact]
        public void Variable_with_no_flags_is_just_the_flags()
        {
            Product p = P0TestData.GoKit();
            P0Message m = Golden.Decode(p, "14 00 00");
            Golden.Flagged(m);
            var v = new DataPointValues(p);
            Assert.Equal("140000", Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableReport, v, new bool[12], b, o, out n)));
        }

        [Fact]
        public void Variable_length_mismatch_is_refused()
        {
            Product p = P0TestData.GoKit();
            var m = new P0Message(p);
            Assert.Equal(P0Error.WrongLength, Golden.DecodeRaw(m, "14 06 81 06"));       // Humidity missing
            Assert.Equal(P0Error.WrongLength, Golden.DecodeRaw(m, "14 06 81 06 37 00")); // one byte too many
            Assert.Equal(P0Error.WrongLength, Golden.DecodeRaw(m, "13 09"));             // flags cut short
            Assert.Equal(P0Error.WrongLength, Golden.DecodeRaw(m, "14"));
            Assert.Equal(0, m.FlaggedCount);
        }

        [Fact]
        public void Variable_flag_for_an_id_past_the_last_point_is_refused()
        {
            Product p = P0TestData.GoKit();
            var m = new P0Message(p);
            // bit 12 = 0x1000 → flags 10 00; GoKit has ids 0..11.
            Assert.Equal(P0Error.UnknownDataPoint, Golden.DecodeRaw(m, "14 10 00"));
            Assert.Equal(12, m.ErrorPointId);
            // bit 15 = 0x8000.
            Assert.Equal(P0Error.UnknownDataPoint, Golden.DecodeRaw(m, "13 80 00"));
            Assert.Equal(15, m.ErrorPointId);
            Assert.Equal(0, m.FlaggedCount);
        }

        [Fact]
        public void WriteVariable_refuses_other_actions()
        {
            Product p = P0TestData.GoKit();
            var v = new DataPointValues(p);
            byte[] buffer = new byte[32];
            foreach (byte action in new byte[] { 0x01, 0x04, 0x10, 0x15 })
            {
                Assert.Equal(P0Error.UnknownAction, P0Writer.WriteVariable(action, v, new bool[12], buffer, 0, out int n));
                Assert.Equal(0, n);
            }

            Assert.Equal(P0Error.BufferTooSmall, P0Writer.WriteVariable(P0Action.VariableReport, v, new bool[12], buffer, 30, out int m));
            Assert.Equal(0, m);
        }
    }
}
