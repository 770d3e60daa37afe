using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Codec
{
    /// <summary>The two-relay switch, worked out by hand: binary (Schedule, 4 bytes) and uint32 (Uptime_Minutes) in every action.</summary>
    public class SwitchGoldenTests
    {
        // Full status, 10 bytes: byte 0 bit area (Relay_1 bit 0, Relay_2 bit 1); Schedule bytes 1..4;
        // Uptime_Minutes bytes 5..8 big-endian; alert empty; Fault_Relay bit 0 of byte 9.
        //   Relay_1 = 1, Relay_2 = 0 → 01; Schedule = 08 00 17 30; Uptime = 123456 = 0x0001e240 → 00 01 e2 40; Fault_Relay = 1 → 01
        private const string Status = "04 01 08 00 17 30 00 01 e2 40 01";

        // Uptime at its max 4294967295 = 0xffffffff, everything else 0 (shown = raw: ratio 1, addition 0).
        private const string StatusMaxUptime = "03 00 00 00 00 00 ff ff ff ff 00";

        // 0x01: Relay_2 (id 1) = 1 and Schedule (id 2) = 06 00 12 00:
        //   attr_flags bit 1 + bit 2 = 0x06; vals: bit area Relay_2 at bit 1 → 02; Schedule 06 00 12 00
        private const string Write = "01 06 02 06 00 12 00";

        // 0x11: Schedule only: flags bit 2 → 04; no bool/enum flagged → packed area 0 bytes; then de ad be ef.
        private const string VariableWrite = "11 04 de ad be ef";

        // 0x12: Relay_1 (0) and Fault_Relay (4): bits 0 and 4 → 0x11.
        private const string VariableRead = "12 11";

        // 0x13: Uptime only: bit 3 → 08; no packed area; 00 01 e2 40.
        private const string VariableReadReply = "13 08 00 01 e2 40";

        // 0x14: all five: flags 0x1f; packed Relay_1=1 bit 0, Relay_2=0 bit 1, Fault_Relay=1 bit 2 → 0b101 = 05;
        //   then Schedule (id 2) 08 00 17 30, then Uptime (id 3) 00 01 e2 40.
        private const string VariableReport = "14 1f 05 08 00 17 30 00 01 e2 40";

        private static DataPointValues StatusValues(Product p)
        {
            var v = new DataPointValues(p);
            v.Set(0, 1);
            v.Set(1, 0);
            SetSchedule(v, 0x08, 0x00, 0x17, 0x30);
            v.Set(3, 123456);
            v.Set(4, 1);
            return v;
        }

        private static void SetSchedule(DataPointValues v, params byte[] bytes) => bytes.CopyTo(v.Binary, v.BinaryOffset(2));

        private static string Schedule(DataPointValues v) => P0TestData.ToHex(v.Binary, v.BinaryOffset(2), 4);

        [Fact]
        public void Status_decodes()
        {
            Product p = P0TestData.Switch();
            P0Message m = Golden.Decode(p, Status);
            Golden.Flagged(m, 0, 1, 2, 3, 4);
            Assert.True(m.Values.GetBool(0));
            Assert.False(m.Values.GetBool(1));
            Assert.Equal("08001730", Schedule(m.Values));
            Assert.Equal(0, m.Values.Get(2)); // binary points have raw 0
            Assert.Equal(123456, m.Values.Get(3));
            Assert.True(m.Values.GetBool(4));
        }

        [Fact]
        public void Status_encodes()
        {
            DataPointValues v = StatusValues(P0TestData.Switch());
            Assert.Equal(Golden.Norm(Status), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteStatus(v, P0Action.Report, b, o, out n)));
        }

        [Fact]
        public void Uint32_max_round_trips()
        {
            Product p = P0TestData.Switch();
            P0Message m = Golden.Decode(p, StatusMaxUptime);
            Assert.Equal(4294967295L, m.Values.Get(3));
            Assert.Equal(4294967295.0, m.Values.GetShown(3));

            var v = new DataPointValues(p);
            v.Set(3, 4294967295L);
            Assert.Equal(Golden.Norm(StatusMaxUptime), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteStatus(v, P0Action.ReadReply, b, o, out n)));
        }

        [Fact]
        public void Write_decodes_and_encodes()
        {
            Product p = P0TestData.Switch();
            P0Message m = Golden.Decode(p, Write);
            Golden.Flagged(m, 1, 2);
            Assert.True(m.Values.GetBool(1));
            Assert.Equal("06001200", Schedule(m.Values));

            var v = new DataPointValues(p);
            v.Set(1, 1);
            SetSchedule(v, 0x06, 0x00, 0x12, 0x00);
            bool[] flags = P0TestData.Flags(p, "Relay_2", "Schedule");
            Assert.Equal(Golden.Norm(Write), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteWrite(v, flags, b, o, out n)));
        }

        [Fact]
        public void Applying_a_binary_write_copies_only_that_point()
        {
            Product p = P0TestData.Switch();
            P0Message m = Golden.Decode(p, Write);
            var live = new DataPointValues(p);
            live.Set(0, 1);      // Relay_1 on, not in the write's flags
            live.Set(3, 42);
            live.CopyFlagged(m.Values, m.Flagged);
            Assert.True(live.GetBool(0));
            Assert.True(live.GetBool(1));
            Assert.Equal("06001200", Schedule(live));
            Assert.Equal(42, live.Get(3));
        }

        [Fact]
        public void Variable_write_binary_only()
        {
            Product p = P0TestData.Switch();
            P0Message m = Golden.Decode(p, VariableWrite);
            Golden.Flagged(m, 2);
            Assert.Equal("deadbeef", Schedule(m.Values));

            var v = new DataPointValues(p);
            SetSchedule(v, 0xde, 0xad, 0xbe, 0xef);
            bool[] flags = P0TestData.Flags(p, "Schedule");
            Assert.Equal(Golden.Norm(VariableWrite), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableWrite, v, flags, b, o, out n)));
        }

        [Fact]
        public void Variable_read()
        {
            Product p = P0TestData.Switch();
            Golden.Flagged(Golden.Decode(p, VariableRead), 0, 4);
            bool[] flags = P0TestData.Flags(p, "Relay_1", "Fault_Relay");
            var v = new DataPointValues(p);
            Assert.Equal(Golden.Norm(VariableRead), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableRead, v, flags, b, o, out n)));
        }

        [Fact]
        public void Variable_read_reply_uint32()
        {
            Product p = P0TestData.Switch();
            P0Message m = Golden.Decode(p, VariableReadReply);
            Golden.Flagged(m, 3);
            Assert.Equal(123456, m.Values.Get(3));

            var v = new DataPointValues(p);
            v.Set(3, 123456);
            bool[] flags = P0TestData.Flags(p, "Uptime_Minutes");
            Assert.Equal(Golden.Norm(VariableReadReply), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableReadReply, v, flags, b, o, out n)));
        }

        [Fact]
        public void Variable_report_everything()
        {
            Product p = P0TestData.Switch();
            P0Message m = Golden.Decode(p, VariableReport);
            Golden.Flagged(m, 0, 1, 2, 3, 4);
            Assert.Equal(1, m.Values.Get(0));
            Assert.Equal(0, m.Values.Get(1));
            Assert.Equal("08001730", Schedule(m.Values));
            Assert.Equal(123456, m.Values.Get(3));
            Assert.Equal(1, m.Values.Get(4));

            DataPointValues v = StatusValues(p);
            bool[] all = { true, true, true, true, true };
            Assert.Equal(Golden.Norm(VariableReport), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableReport, v, all, b, o, out n)));
        }
    }
}
