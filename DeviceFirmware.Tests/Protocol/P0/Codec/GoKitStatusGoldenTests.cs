using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Codec
{
    /// <summary>Full status (0x03, 0x04) of the GoKit product, worked out by hand. Covers bool, enum, uint8, uint16 and the 2-byte writable bit area.</summary>
    public class GoKitStatusGoldenTests
    {
        // Full status, 12 bytes (see ProductLayoutTests):
        //   writable bit area, bytes 0..1, read as the 16-bit integer (b0 << 8) | b1:
        //     Relay = 1       → bit 0           → 0x0001
        //     LED_Color = 2   → bits 1..2 = 2<<1 → 0x0004  (Purple)
        //     Night_Mode = 1  → bit 8           → 0x0100  (lowest bit of the FIRST byte)
        //     area = 0x0105 → bytes 01 05
        //   LED_R = 16 → 10 · LED_G = 128 → 80 · LED_B = 254 → fe · Motor_Speed raw 7 (shown 7 - 5 = 2) → 07
        //   read-only: bit area byte 6: Button = 1 → 01 · Temperature raw 615 = 0x0267 → 02 67 (shown 0.1·615 - 40 = 21.5)
        //              · Humidity 55 = 0x37 → 37
        //   alert: byte 10: Alert_Over_Temperature = 0 → 00 · fault: byte 11: Fault_Sensor = 1 → 01
        private const string Status = "01 05 10 80 fe 07 01 02 67 37 00 01";

        private static DataPointValues StatusValues(Product p)
        {
            var v = new DataPointValues(p);
            v.Set(P0TestData.Id(p, "Relay"), 1);
            v.Set(P0TestData.Id(p, "LED_Color"), 2);
            v.Set(P0TestData.Id(p, "Night_Mode"), 1);
            v.Set(P0TestData.Id(p, "LED_R"), 16);
            v.Set(P0TestData.Id(p, "LED_G"), 128);
            v.Set(P0TestData.Id(p, "LED_B"), 254);
            v.Set(P0TestData.Id(p, "Motor_Speed"), 7);
            v.Set(P0TestData.Id(p, "Button"), 1);
            v.Set(P0TestData.Id(p, "Temperature"), 615);
            v.Set(P0TestData.Id(p, "Humidity"), 55);
            v.Set(P0TestData.Id(p, "Alert_Over_Temperature"), 0);
            v.Set(P0TestData.Id(p, "Fault_Sensor"), 1);
            return v;
        }

        [Theory]
        [InlineData(P0Action.Report, "04")]
        [InlineData(P0Action.ReadReply, "03")]
        public void Status_decodes(byte action, string actionHex)
        {
            Product p = P0TestData.GoKit();
            P0Message m = Golden.Decode(p, actionHex + Status);
            Assert.Equal(action, m.Action);
            Golden.Flagged(m, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            DataPointValues v = m.Values;
            Assert.True(v.GetBool(0));
            Assert.Equal(2, v.Get(1));
            Assert.Equal("Purple", p.Points[1].EnumValues[v.Get(1)]);
            Assert.True(v.GetBool(2));
            Assert.Equal(16, v.Get(3));
            Assert.Equal(128, v.Get(4));
            Assert.Equal(254, v.Get(5));
            Assert.Equal(7, v.Get(6));
            Assert.Equal(2.0, v.GetShown(6), 9);
            Assert.True(v.GetBool(7));
            Assert.Equal(615, v.Get(8));
            Assert.Equal(21.5, v.GetShown(8), 9);
            Assert.Equal(55, v.Get(9));
            Assert.False(v.GetBool(10));
            Assert.True(v.GetBool(11));
        }

        [Theory]
        [InlineData(P0Action.Report, "04")]
        [InlineData(P0Action.ReadReply, "03")]
        public void Status_encodes(byte action, string actionHex)
        {
            Product p = P0TestData.GoKit();
            DataPointValues v = StatusValues(p);
            string hex = Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteStatus(v, action, b, o, out n));
            Assert.Equal(Golden.Norm(actionHex + Status), hex);
        }

        [Theory]
        // Only Night_Mode (bit 8 of the 2-byte area) → lowest bit of the FIRST byte: 01 00.
        [InlineData("Night_Mode", 1, "04 01 00 00 00 00 00 00 00 00 00 00 00")]
        // Only Relay (bit 0) → lowest bit of the LAST byte of the area: 00 01.
        [InlineData("Relay", 1, "04 00 01 00 00 00 00 00 00 00 00 00 00")]
        // LED_Color = 3 (Pink) → bits 1..2 both set → 0x06 in the last area byte.
        [InlineData("LED_Color", 3, "04 00 06 00 00 00 00 00 00 00 00 00 00")]
        // LED_Color = 1 (Yellow) → bit 1 → 0x02.
        [InlineData("LED_Color", 1, "04 00 02 00 00 00 00 00 00 00 00 00 00")]
        // Motor_Speed raw 10 (max; shown +5) at byte 5.
        [InlineData("Motor_Speed", 10, "04 00 00 00 00 00 0a 00 00 00 00 00 00")]
        // Button: read-only bit area is byte 6 alone.
        [InlineData("Button", 1, "04 00 00 00 00 00 00 01 00 00 00 00 00")]
        // Temperature raw 1000 = 0x03e8 at bytes 7..8, big-endian.
        [InlineData("Temperature", 1000, "04 00 00 00 00 00 00 00 03 e8 00 00 00")]
        // Alert_Over_Temperature at byte 10, Fault_Sensor at byte 11.
        [InlineData("Alert_Over_Temperature", 1, "04 00 00 00 00 00 00 00 00 00 00 01 00")]
        [InlineData("Fault_Sensor", 1, "04 00 00 00 00 00 00 00 00 00 00 00 01")]
        public void One_point_at_its_position(string name, long raw, string hex)
        {
            Product p = P0TestData.GoKit();
            int id = P0TestData.Id(p, name);
            var v = new DataPointValues(p);
            v.Set(id, raw);
            Assert.Equal(Golden.Norm(hex), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteStatus(v, P0Action.Report, b, o, out n)));

            P0Message m = Golden.Decode(p, hex);
            for (int i = 0; i < p.Points.Length; i++) Assert.Equal(i == id ? raw : 0, m.Values.Get(i));
        }

        [Fact]
        public void Status_of_wrong_length_is_refused()
        {
            Product p = P0TestData.GoKit();
            var m = new P0Message(p);
            Assert.Equal(P0Error.WrongLength, Golden.DecodeRaw(m, "04" + Status + "00"));
            Assert.Equal(P0Error.WrongLength, Golden.DecodeRaw(m, "03 01 05 10 80 fe 07 01 02 67 37 00"));
            Assert.Equal(P0Error.WrongLength, Golden.DecodeRaw(m, "04"));
            Assert.Equal(0, m.FlaggedCount);
        }

        [Fact]
        public void WriteStatus_refuses_other_actions_and_small_buffers()
        {
            Product p = P0TestData.GoKit();
            DataPointValues v = StatusValues(p);
            byte[] buffer = new byte[13];
            Assert.Equal(P0Error.UnknownAction, P0Writer.WriteStatus(v, P0Action.Write, buffer, 0, out int n));
            Assert.Equal(0, n);
            Assert.Equal(P0Error.BufferTooSmall, P0Writer.WriteStatus(v, P0Action.Report, buffer, 1, out n));
            Assert.Equal(0, n);
            Assert.Equal(P0Error.None, P0Writer.WriteStatus(v, P0Action.Report, buffer, 0, out n));
            Assert.Equal(13, n);
        }
    }
}
