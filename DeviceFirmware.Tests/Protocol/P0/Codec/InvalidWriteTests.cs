using DeviceFirmware.Protocol.P0;
using Xunit;
using static DeviceFirmware.Tests.Protocol.P0.Support.P0TestData;
using DeviceFirmware.Tests.Protocol.P0.Support;

namespace DeviceFirmware.Tests.Protocol.P0.Codec
{
    /// <summary>
    /// Refused writes (0x01, 0x11) and other refused business data: the error, the point it names, Flagged all
    /// false, and applying the refused message to live values changes nothing.
    /// </summary>
    public class InvalidWriteTests
    {
        // Fan: writable bit area byte 0: Power bool bit 0, Speed enum [Low, Mid, High] bits 1..2 (index 3 is unused);
        //      Target uint8 byte 1 (10..30); Setpoint uint16 bytes 2..3 (100..500);
        //      read-only Reading uint8 byte 4. W = 4, attr_flags 1 byte, writable section 4 bytes, N = 5, variable flags 1 byte.
        private static Product Fan() => ProductJson.Parse(ProductJsonText(
            Attr(0, "Power", "status_writable", "bool", 0, 0, 1, "bit"),
            Attr(1, "Speed", "status_writable", "enum", 0, 1, 2, "bit", "[\"Low\",\"Mid\",\"High\"]"),
            Attr(2, "Target", "status_writable", "uint8", 1, 0, 1, "byte", spec: Spec(10, 30)),
            Attr(3, "Setpoint", "status_writable", "uint16", 2, 0, 2, "byte", spec: Spec(100, 500)),
            Attr(4, "Reading", "status_readonly", "uint8", 4, 0, 1, "byte", spec: Spec(0, 255))));

        // A valid write of all four writable points (flags 0x0f): Power 1, Speed 2 (2<<1 = 04 → byte 0 = 05), Target 10, Setpoint 100.
        private const string FanPrime = "01 0f 05 0a 00 64";

        // A valid GoKit write of every writable point (flags 0x7f).
        private const string GoKitPrime = "01 7f 01 05 10 80 fe 07";

        private static DataPointValues Live(Product p)
        {
            var live = new DataPointValues(p);
            for (int id = 0; id < p.Points.Length; id++)
            {
                DataPoint point = p.Points[id];
                live.Set(id, point.IsNumber ? point.Min + 1 : point.DataType == DataType.Enum ? 1 : 0);
            }

            return live;
        }

        /// <summary>Decodes a valid write first (so flags were set), then the refused data; checks the refusal applies nothing.</summary>
        private static void Refused(Product p, string prime, string hex, P0Error expected, int pointId)
        {
            var m = new P0Message(p);
            Assert.Equal(P0Error.None, Golden.DecodeRaw(m, prime));
            Assert.True(m.FlaggedCount > 0);

            DataPointValues live = Live(p);
            string before = Snapshot(live);
            Assert.Equal(expected, Golden.DecodeRaw(m, hex));
            Assert.Equal(expected, m.Error);
            Assert.Equal(pointId, m.ErrorPointId);
            Assert.All(m.Flagged, Assert.False);
            Assert.Equal(0, m.FlaggedCount);
            live.CopyFlagged(m.Values, m.Flagged);
            Assert.Equal(before, Snapshot(live));
        }

        [Theory]
        [InlineData("01 04 00 1f 00 64", 2)] // Target flagged, raw 31 > max 30
        [InlineData("01 04 00 09 00 64", 2)] // Target flagged, raw 9 < min 10
        [InlineData("01 08 00 0a 01 f5", 3)] // Setpoint flagged, 0x01f5 = 501 > max 500
        [InlineData("01 08 00 0a 00 63", 3)] // Setpoint flagged, 0x0063 = 99 < min 100
        [InlineData("01 05 01 05 00 64", 2)] // Power (valid) and Target 5 (< 10) flagged: the whole write is refused
        public void Write_value_out_of_range(string hex, int pointId) => Refused(Fan(), FanPrime, hex, P0Error.ValueOutOfRange, pointId);

        [Theory]
        [InlineData("01 02 06 0a 00 64", 1)] // Speed flagged, index 3 (3<<1 = 06) but only Low/Mid/High
        [InlineData("01 03 07 0a 00 64", 1)] // with Power flagged too: still refused, Power not applied
        public void Write_enum_out_of_range(string hex, int pointId) => Refused(Fan(), FanPrime, hex, P0Error.EnumOutOfRange, pointId);

        [Theory]
        [InlineData("01 04 00 0a 00")]       // attr_vals one byte short
        [InlineData("01 04 00 0a 00 64 00")] // one byte too many
        [InlineData("01 04")]                // flags only
        [InlineData("01")]                   // action only
        public void Write_of_wrong_length(string hex) => Refused(Fan(), FanPrime, hex, P0Error.WrongLength, -1);

        [Theory]
        [InlineData("01 10 00 0a 00 64", 4)] // bit 4 = Reading (read-only, id 4 ≥ W = 4)
        [InlineData("01 80 00 0a 00 64", 7)] // bit 7: no such point
        [InlineData("01 11 01 0a 00 64", 4)] // Power valid, but bit 4 too
        public void Write_flag_past_the_writable_points(string hex, int pointId) => Refused(Fan(), FanPrime, hex, P0Error.UnknownDataPoint, pointId);

        [Fact]
        public void GoKit_write_flagging_id_seven()
        {
            // GoKit W = 7 (ids 0..6); attr_flags bit 7 (0x80) is Button's id but Button is read-only.
            Refused(GoKit(), GoKitPrime, "01 80 00 00 00 00 00 00", P0Error.UnknownDataPoint, 7);
        }

        [Fact]
        public void GoKit_write_out_of_range()
        {
            // LED_R (id 3, bit 3 = 0x08) = 255 > max 254; Motor_Speed (id 6, 0x40) = 11 > max 10.
            Refused(GoKit(), GoKitPrime, "01 08 00 00 ff 00 00 00", P0Error.ValueOutOfRange, 3);
            Refused(GoKit(), GoKitPrime, "01 40 00 00 00 00 00 0b", P0Error.ValueOutOfRange, 6);
        }

        [Theory]
        [InlineData("11 04 1f", 2)]    // Target 31: no bool/enum flagged → no packed byte; then 1f
        [InlineData("11 04 09", 2)]    // Target 9 < 10
        [InlineData("11 08 01 f5", 3)] // Setpoint 501
        [InlineData("11 0c 0a 00 63", 3)] // Target 10 (ok) then Setpoint 99
        public void Variable_write_value_out_of_range(string hex, int pointId) => Refused(Fan(), FanPrime, hex, P0Error.ValueOutOfRange, pointId);

        [Fact]
        public void Variable_write_enum_out_of_range()
        {
            // Speed (bit 1 → 02) packed at bits 0..1 = 3 → 03.
            Refused(Fan(), FanPrime, "11 02 03", P0Error.EnumOutOfRange, 1);
        }

        [Theory]
        [InlineData("11 10 05", 4)]       // Reading (id 4, read-only)
        [InlineData("11 11 01 05", 4)]    // Power and Reading
        public void Variable_write_of_a_read_only_point(string hex, int pointId) => Refused(Fan(), FanPrime, hex, P0Error.NotWritable, pointId);

        [Fact]
        public void GoKit_variable_write_of_button()
        {
            // Button id 7 → flags 00 80; packed Button bit 0 = 1 → 01.
            Refused(GoKit(), GoKitPrime, "11 00 80 01", P0Error.NotWritable, 7);
            // Temperature id 8 → flags 01 00; then 02 67.
            Refused(GoKit(), GoKitPrime, "11 01 00 02 67", P0Error.NotWritable, 8);
        }

        [Fact]
        public void Variable_write_flag_past_the_last_point()
        {
            Refused(Fan(), FanPrime, "11 20", P0Error.UnknownDataPoint, 5);
        }

        [Theory]
        [InlineData("11 04")]       // Target's byte missing
        [InlineData("11 04 0a 00")] // one byte too many
        [InlineData("11")]          // flags missing
        public void Variable_write_of_wrong_length(string hex) => Refused(Fan(), FanPrime, hex, P0Error.WrongLength, -1);

        [Theory]
        [InlineData("00")]
        [InlineData("07 01 02")]
        [InlineData("10 00")]
        [InlineData("15 0f")]
        [InlineData("ff")]
        public void Unknown_action(string hex) => Refused(Fan(), FanPrime, hex, P0Error.UnknownAction, -1);

        [Fact]
        public void Empty_business_data()
        {
            Refused(Fan(), FanPrime, string.Empty, P0Error.Empty, -1);
            var m = new P0Message(Fan());
            Assert.Equal(P0Error.Empty, m.Decode(new byte[4], 4, 0));
        }

        [Fact]
        public void Invalid_arguments()
        {
            var m = new P0Message(Fan());
            Assert.Equal(P0Error.InvalidArguments, m.Decode(null!, 0, 0));
            Assert.Equal(P0Error.InvalidArguments, m.Decode(new byte[4], 3, 2));
            Assert.Equal(P0Error.InvalidArguments, m.Decode(new byte[4], -1, 1));
            Assert.Equal(P0Error.InvalidArguments, m.Decode(new byte[4], 0, -1));
            Assert.Equal(0, m.FlaggedCount);
        }

        [Fact]
        public void Unflagged_out_of_range_values_are_not_an_error()
        {
            // flags 01 → only Power. attr_vals: byte 0 = 07 → Power 1 and Speed 3 (bad index, unflagged);
            // Target ff (> 30, unflagged); Setpoint ffff (> 500, unflagged).
            Product p = Fan();
            var m = new P0Message(p);
            Assert.Equal(P0Error.None, Golden.DecodeRaw(m, "01 01 07 ff ff ff"));
            Assert.Equal(-1, m.ErrorPointId);
            Assert.Equal(new[] { 0 }, FlaggedIds(m.Flagged));

            DataPointValues live = Live(p);
            live.CopyFlagged(m.Values, m.Flagged);
            Assert.Equal(1, live.Get(0));  // Power applied
            Assert.Equal(1, live.Get(1));  // Speed unchanged (Live sets enums to 1)
            Assert.Equal(11, live.Get(2)); // Target unchanged (min + 1)
            Assert.Equal(101, live.Get(3));
        }

        [Fact]
        public void A_good_decode_after_a_refusal_works()
        {
            Product p = Fan();
            var m = new P0Message(p);
            Assert.Equal(P0Error.ValueOutOfRange, Golden.DecodeRaw(m, "01 04 00 1f 00 64"));
            Assert.Equal(P0Error.None, Golden.DecodeRaw(m, "01 04 00 1e 00 64"));
            Assert.Equal(P0Error.None, m.Error);
            Assert.Equal(-1, m.ErrorPointId);
            Assert.Equal(new[] { 2 }, FlaggedIds(m.Flagged));
            Assert.Equal(30, m.Values.Get(2));
        }

        [Fact]
        public void Writers_refuse_what_the_decoder_refuses()
        {
            Product p = Fan();
            var v = new DataPointValues(p);
            v.Set(2, 31);
            byte[] buffer = new byte[16];
            bool[] target = Flags(p, "Target");
            Assert.Equal(P0Error.ValueOutOfRange, P0Writer.WriteWrite(v, target, buffer, 0, out int n));
            Assert.Equal(0, n);
            Assert.Equal(P0Error.ValueOutOfRange, P0Writer.WriteVariable(P0Action.VariableWrite, v, target, buffer, 0, out n));
            Assert.Equal(0, n);
            v.Set(2, 10);
            v.Set(1, 3);
            bool[] speed = Flags(p, "Speed");
            Assert.Equal(P0Error.EnumOutOfRange, P0Writer.WriteWrite(v, speed, buffer, 0, out n));
            Assert.Equal(P0Error.EnumOutOfRange, P0Writer.WriteVariable(P0Action.VariableWrite, v, speed, buffer, 0, out n));
            Assert.Equal(P0Error.NotWritable, P0Writer.WriteVariable(P0Action.VariableWrite, v, Flags(p, "Reading"), buffer, 0, out n));
            Assert.Equal(0, n);
        }
    }
}
