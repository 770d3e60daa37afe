using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Codec
{
    /// <summary>
    /// A product with three 3-bit enums in one 2-byte bit area, so that one enum straddles two bytes and the
    /// variable-length packed area spans two bytes.
    /// </summary>
    public class CrossByteGoldenTests
    {
        private static readonly string Eight = "[\"e0\",\"e1\",\"e2\",\"e3\",\"e4\",\"e5\",\"e6\",\"e7\"]";

        // A bits 0..2, B bits 3..5, C bits 6..8 → 9 bits → 2-byte bit area (bytes 0..1); Level uint8 at byte 2.
        // W = 4, full status 3 bytes, attr_flags 1 byte, variable flags 1 byte.
        private static Product Tri() => ProductJson.Parse(P0TestData.ProductJsonText(
            P0TestData.Attr(0, "A", "status_writable", "enum", 0, 0, 3, "bit", Eight),
            P0TestData.Attr(1, "B", "status_writable", "enum", 0, 3, 3, "bit", Eight),
            P0TestData.Attr(2, "C", "status_writable", "enum", 0, 6, 3, "bit", Eight),
            P0TestData.Attr(3, "Level", "status_writable", "uint8", 2, 0, 1, "byte", spec: P0TestData.Spec(0, 255))));

        // A = 5 (0b101), B = 2 (0b010), C = 7 (0b111):
        //   area = 5 | 2<<3 | 7<<6 = 5 + 16 + 448 = 469 = 0x01d5 → 01 d5 (C's top bit is the lowest bit of the FIRST byte)
        //   Level = 0x42
        private static DataPointValues Values(Product p)
        {
            var v = new DataPointValues(p);
            v.Set(0, 5);
            v.Set(1, 2);
            v.Set(2, 7);
            v.Set(3, 0x42);
            return v;
        }

        [Fact]
        public void Layout()
        {
            Product p = Tri();
            Assert.Equal(2, p.BitAreaSize(DataPointType.Writable));
            Assert.Equal(3, p.FullStatusSize);
            Assert.Equal(4, p.WritableCount);
            Assert.Equal(1, p.VariableFlagsSize);
        }

        [Fact]
        public void Status_with_straddling_enum()
        {
            Product p = Tri();
            const string hex = "04 01 d5 42";
            P0Message m = Golden.Decode(p, hex);
            Assert.Equal(new long[] { 5, 2, 7, 0x42 }, new[] { m.Values.Get(0), m.Values.Get(1), m.Values.Get(2), m.Values.Get(3) });
            DataPointValues v = Values(p);
            Assert.Equal(Golden.Norm(hex), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteStatus(v, P0Action.Report, b, o, out n)));
        }

        [Fact]
        public void Write_of_the_straddling_enum()
        {
            Product p = Tri();
            // attr_flags: C (id 2) → 0x04; attr_vals = the whole section 01 d5 42.
            const string hex = "01 04 01 d5 42";
            P0Message m = Golden.Decode(p, hex);
            Golden.Flagged(m, 2);
            Assert.Equal(7, m.Values.Get(2));
            DataPointValues v = Values(p);
            bool[] flags = { false, false, true, false };
            Assert.Equal(Golden.Norm(hex), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteWrite(v, flags, b, o, out n)));
        }

        [Fact]
        public void Variable_report_with_a_two_byte_packed_area()
        {
            Product p = Tri();
            // flags 0x0f; packed 9 bits in id order: A bits 0..2, B 3..5, C 6..8 → 0x01d5 → 01 d5 (2 bytes); Level 42.
            const string hex = "14 0f 01 d5 42";
            P0Message m = Golden.Decode(p, hex);
            Golden.Flagged(m, 0, 1, 2, 3);
            Assert.Equal(new long[] { 5, 2, 7, 0x42 }, new[] { m.Values.Get(0), m.Values.Get(1), m.Values.Get(2), m.Values.Get(3) });
            DataPointValues v = Values(p);
            bool[] all = { true, true, true, true };
            Assert.Equal(Golden.Norm(hex), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableReport, v, all, b, o, out n)));
        }

        [Fact]
        public void Variable_packing_starts_at_bit_zero_whatever_the_status_position()
        {
            Product p = Tri();
            DataPointValues v = Values(p);
            // B and C only: B = 2 at bits 0..2, C = 7 at bits 3..5 → 2 | 7<<3 = 58 = 0x3a (6 bits → 1 byte).
            bool[] bc = { false, true, true, false };
            Assert.Equal("14063a", Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableReport, v, bc, b, o, out n)));
            // 0x11 with A and C: A = 5 at bits 0..2, C = 7 at bits 3..5 → 5 | 56 = 61 = 0x3d.
            bool[] ac = { true, false, true, false };
            Assert.Equal("11053d", Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableWrite, v, ac, b, o, out n)));

            P0Message m = Golden.Decode(p, "11 05 3d");
            Golden.Flagged(m, 0, 2);
            Assert.Equal(5, m.Values.Get(0));
            Assert.Equal(7, m.Values.Get(2));
        }
    }
}
