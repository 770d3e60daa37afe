using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Codec
{
    /// <summary>Action 0x01 (write) of the GoKit product, worked out by hand: attr_flags (1 byte, W = 7) + the 6-byte writable section.</summary>
    public class GoKitWriteGoldenTests
    {
        // Night_Mode (id 2) = 1 and Motor_Speed (id 6) = raw 0 (shown 0 - 5 = -5):
        //   attr_flags: bit 2 + bit 6 = 0x04 + 0x40 = 0x44
        //   attr_vals:  bit area 0x0100 (Night_Mode bit 8 → first byte) → 01 00; LED_R/G/B 00 00 00; Motor_Speed 00
        private const string NightAndMotor = "01 44 01 00 00 00 00 00";

        // LED_Color (id 1) = 3 (Pink) and LED_R (id 3) = 254 (its max):
        //   attr_flags: bit 1 + bit 3 = 0x02 + 0x08 = 0x0a
        //   attr_vals:  bit area 3<<1 = 0x0006 → 00 06; LED_R fe; 00 00 00
        private const string ColorAndRed = "01 0a 00 06 fe 00 00 00";

        // Only Relay (id 0) flagged = 1, while attr_vals also carries LED_G = 0x80 (unflagged, must not apply):
        //   attr_flags 0x01; bit area 0x0001 → 00 01; LED_R 00; LED_G 80; LED_B 00; Motor 00
        private const string RelayOnly = "01 01 00 01 00 80 00 00";

        [Fact]
        public void Night_mode_and_motor_decode()
        {
            Product p = P0TestData.GoKit();
            P0Message m = Golden.Decode(p, NightAndMotor);
            Assert.Equal(P0Action.Write, m.Action);
            Golden.Flagged(m, 2, 6);
            Assert.True(m.Values.GetBool(2));
            Assert.Equal(0, m.Values.Get(6));
            Assert.Equal(-5.0, m.Values.GetShown(6), 9);
        }

        [Fact]
        public void Night_mode_and_motor_encode()
        {
            Product p = P0TestData.GoKit();
            var v = new DataPointValues(p);
            v.Set(2, 1);
            v.Set(6, 0);
            bool[] flags = P0TestData.Flags(p, "Night_Mode", "Motor_Speed");
            Assert.Equal(Golden.Norm(NightAndMotor), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteWrite(v, flags, b, o, out n)));
        }

        [Fact]
        public void Color_and_red_decode_and_encode()
        {
            Product p = P0TestData.GoKit();
            P0Message m = Golden.Decode(p, ColorAndRed);
            Golden.Flagged(m, 1, 3);
            Assert.Equal(3, m.Values.Get(1));
            Assert.Equal(254, m.Values.Get(3));

            var v = new DataPointValues(p);
            v.Set(1, 3);
            v.Set(3, 254);
            bool[] flags = P0TestData.Flags(p, "LED_Color", "LED_R");
            Assert.Equal(Golden.Norm(ColorAndRed), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteWrite(v, flags, b, o, out n)));
        }

        [Fact]
        public void Relay_only_applies_only_the_relay()
        {
            Product p = P0TestData.GoKit();
            P0Message m = Golden.Decode(p, RelayOnly);
            Golden.Flagged(m, 0);
            Assert.True(m.Values.GetBool(0));

            var live = new DataPointValues(p);
            live.Set(4, 7); // LED_G currently 7
            live.CopyFlagged(m.Values, m.Flagged);
            Assert.True(live.GetBool(0));
            Assert.Equal(7, live.Get(4)); // the 0x80 in attr_vals was not flagged

            // Encoding writes the whole writable section (LED_G too) but flags only Relay.
            var v = new DataPointValues(p);
            v.Set(0, 1);
            v.Set(4, 0x80);
            bool[] flags = P0TestData.Flags(p, "Relay");
            Assert.Equal(Golden.Norm(RelayOnly), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteWrite(v, flags, b, o, out n)));
        }

        [Fact]
        public void Write_with_no_flags_is_valid_and_applies_nothing()
        {
            Product p = P0TestData.GoKit();
            P0Message m = Golden.Decode(p, "01 00 01 05 10 80 fe 07");
            Golden.Flagged(m);
        }

        [Fact]
        public void WriteWrite_refuses_non_writable_flag_and_out_of_range_value()
        {
            Product p = P0TestData.GoKit();
            var v = new DataPointValues(p);
            byte[] buffer = new byte[16];
            Assert.Equal(P0Error.NotWritable, P0Writer.WriteWrite(v, P0TestData.Flags(p, "Button"), buffer, 0, out int n));
            Assert.Equal(0, n);
            v.Set(6, 11); // Motor_Speed max 10
            Assert.Equal(P0Error.ValueOutOfRange, P0Writer.WriteWrite(v, P0TestData.Flags(p, "Motor_Speed"), buffer, 0, out n));
            Assert.Equal(0, n);
            v.Set(6, 10);
            Assert.Equal(P0Error.BufferTooSmall, P0Writer.WriteWrite(v, P0TestData.Flags(p, "Motor_Speed"), buffer, 9, out n));
            Assert.Equal(0, n);
            Assert.Equal(P0Error.None, P0Writer.WriteWrite(v, P0TestData.Flags(p, "Motor_Speed"), buffer, 8, out n));
            Assert.Equal(8, n);
        }
    }
}
