using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Products
{
    /// <summary>The P0 layout of both reference products, worked out by hand from their JSON (docs/protocol.md §5).</summary>
    public class ProductLayoutTests
    {
        [Fact]
        public void GoKit_layout()
        {
            Product p = P0TestData.GoKit();

            // ids 0..6 are status_writable (Relay, LED_Color, Night_Mode, LED_R, LED_G, LED_B, Motor_Speed) → W = 7.
            Assert.Equal(7, p.WritableCount);
            // attr_flags = ceil(7/8) = 1 byte.
            Assert.Equal(1, p.AttrFlagsSize);
            // 12 points (ids 0..11) → variable flags = ceil(12/8) = 2 bytes.
            Assert.Equal(12, p.Points.Length);
            Assert.Equal(2, p.VariableFlagsSize);

            // Writable section: bit area at byte 0. Relay bit 0 (1 bit), LED_Color bits 1..2, Night_Mode bit 8
            // → highest bit used = 8 → 9 bits → ceil(9/8) = 2 bytes (bytes 0..1).
            // Byte points: LED_R 2, LED_G 3, LED_B 4, Motor_Speed 5 → section = bytes 0..5 = 6 bytes.
            Assert.Equal(0, p.SectionStart(DataPointType.Writable));
            Assert.Equal(2, p.BitAreaSize(DataPointType.Writable));
            Assert.Equal(6, p.SectionSize(DataPointType.Writable));
            Assert.Equal(6, p.WritableSectionSize);

            // Read-only: starts at 6. Button bit 0 → 1-byte bit area (byte 6); Temperature uint16 at 7..8,
            // Humidity uint8 at 9 → bytes 6..9 = 4 bytes.
            Assert.Equal(6, p.SectionStart(DataPointType.ReadOnly));
            Assert.Equal(1, p.BitAreaSize(DataPointType.ReadOnly));
            Assert.Equal(4, p.SectionSize(DataPointType.ReadOnly));

            // Alert: starts at 10; Alert_Over_Temperature bit 0 → 1 byte.
            Assert.Equal(10, p.SectionStart(DataPointType.Alert));
            Assert.Equal(1, p.BitAreaSize(DataPointType.Alert));
            Assert.Equal(1, p.SectionSize(DataPointType.Alert));

            // Fault: starts at 11; Fault_Sensor bit 0 → 1 byte.
            Assert.Equal(11, p.SectionStart(DataPointType.Fault));
            Assert.Equal(1, p.BitAreaSize(DataPointType.Fault));
            Assert.Equal(1, p.SectionSize(DataPointType.Fault));

            // Full status = 6 + 4 + 1 + 1 = 12 bytes. No binary points.
            Assert.Equal(12, p.FullStatusSize);
            Assert.Equal(0, p.BinaryStorageSize);

            // Longest message: write 1+1+6 = 8; status 1+12 = 13;
            // variable with everything flagged: 1 + 2 flags + ceil((1+2+1+1+1+1)=7/8)=1 packed + bytes (1+1+1+1+2+1)=7 → 11.
            // max(8, 13, 11) = 13.
            Assert.Equal(13, p.MaxMessageSize);
        }

        [Fact]
        public void Switch_layout()
        {
            Product p = P0TestData.Switch();

            // Relay_1, Relay_2, Schedule writable → W = 3, attr_flags 1 byte; 5 points → variable flags 1 byte.
            Assert.Equal(3, p.WritableCount);
            Assert.Equal(1, p.AttrFlagsSize);
            Assert.Equal(5, p.Points.Length);
            Assert.Equal(1, p.VariableFlagsSize);

            // Writable: bit area byte 0 (bits 0 and 1 → 1 byte), Schedule binary bytes 1..4 → 5 bytes.
            Assert.Equal(0, p.SectionStart(DataPointType.Writable));
            Assert.Equal(1, p.BitAreaSize(DataPointType.Writable));
            Assert.Equal(5, p.WritableSectionSize);

            // Read-only: starts at 5, no bit points → bit area 0; Uptime_Minutes uint32 at 5..8 → 4 bytes.
            Assert.Equal(5, p.SectionStart(DataPointType.ReadOnly));
            Assert.Equal(0, p.BitAreaSize(DataPointType.ReadOnly));
            Assert.Equal(4, p.SectionSize(DataPointType.ReadOnly));

            // Alert: empty, starts (and ends) at 9.
            Assert.Equal(9, p.SectionStart(DataPointType.Alert));
            Assert.Equal(0, p.BitAreaSize(DataPointType.Alert));
            Assert.Equal(0, p.SectionSize(DataPointType.Alert));

            // Fault: starts at 9; Fault_Relay bit 0 → 1 byte.
            Assert.Equal(9, p.SectionStart(DataPointType.Fault));
            Assert.Equal(1, p.BitAreaSize(DataPointType.Fault));
            Assert.Equal(1, p.SectionSize(DataPointType.Fault));

            // Full status 5 + 4 + 0 + 1 = 10; binary storage = Schedule's 4 bytes.
            Assert.Equal(10, p.FullStatusSize);
            Assert.Equal(4, p.BinaryStorageSize);

            // write 1+1+5 = 7; status 1+10 = 11; variable 1 + 1 + ceil(3 bits/8)=1 + (4+4) = 11 → 11.
            Assert.Equal(11, p.MaxMessageSize);
        }

        [Fact]
        public void Points_are_indexed_by_id_and_carry_their_json_fields()
        {
            Product p = P0TestData.GoKit();
            for (int i = 0; i < p.Points.Length; i++) Assert.Equal(i, p.Points[i].Id);

            DataPoint night = p.Find("Night_Mode")!;
            Assert.Equal(2, night.Id);
            Assert.Equal(DataType.Bool, night.DataType);
            Assert.Equal(8, night.BitOffset);
            Assert.True(night.IsBitField);

            DataPoint color = p.Find("LED_Color")!;
            Assert.Equal(new[] { "Custom", "Yellow", "Purple", "Pink" }, color.EnumValues);
            Assert.Equal(2, color.Length);
            Assert.True(color.LengthInBits);

            DataPoint temp = p.Find("Temperature")!;
            Assert.Equal(DataPointType.ReadOnly, temp.Type);
            Assert.Equal(DataType.UInt16, temp.DataType);
            Assert.True(temp.IsNumber);
            Assert.Equal(0, temp.Min);
            Assert.Equal(1000, temp.Max);
            Assert.Equal(0.1, temp.Ratio);
            Assert.Equal(-40, temp.Addition);

            Assert.Null(p.Find("No_Such_Point"));
            Assert.Equal("GoKit Reference", p.Name);
            Assert.Equal("6f3074fe43894547a4f1314bd7e3ae0b", p.ProductKey);

            DataPoint uptime = P0TestData.Switch().Find("Uptime_Minutes")!;
            Assert.Equal(DataType.UInt32, uptime.DataType);
            Assert.Equal(4294967295L, uptime.Max);
        }

        [Fact]
        public void Loading_twice_gives_the_same_product()
        {
            Assert.True(P0TestData.GoKit().SameAs(P0TestData.GoKit()));
            Assert.False(P0TestData.GoKit().SameAs(P0TestData.Switch()));
        }
    }
}
