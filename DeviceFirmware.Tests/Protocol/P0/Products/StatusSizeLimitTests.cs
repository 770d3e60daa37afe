using DeviceFirmware.Protocol.P0;
using Xunit;
using static DeviceFirmware.Tests.Protocol.P0.Support.P0TestData;
using DeviceFirmware.Tests.Protocol.P0.Support;

namespace DeviceFirmware.Tests.Protocol.P0.Products
{
    /// <summary>
    /// ProductRules keeps the full status within 60000 bytes (business data is at most 65535 bytes, docs/protocol.md §3).
    /// Byte points are bounded by it; bit areas must be too, or a product whose sections are only bit areas grows
    /// past the limit.
    /// </summary>
    public class StatusSizeLimitTests
    {
        [Fact]
        public void A_byte_point_past_the_largest_status_is_refused()
        {
            ProductException e = Assert.Throws<ProductException>(() => ProductJson.Parse(ProductJsonText(
                Attr(0, "Far", "status_writable", "uint8", 60000, 0, 1, "byte", spec: Spec(0, 1)))));
            Assert.Contains("'Far'", e.Message, System.StringComparison.Ordinal);
            Assert.Contains("largest status", e.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_bit_area_of_60000_bytes_is_accepted()
        {
            // bit 479999 → 480000 bits → 60000 bytes: exactly the limit.
            Product p = ProductJson.Parse(ProductJsonText(Attr(0, "High_Bit", "status_writable", "bool", 0, 479999, 1, "bit")));
            Assert.Equal(60000, p.FullStatusSize);
        }

        [Fact]
        public void Two_full_bit_areas_are_refused()
        {
            // Writable bit area bytes 0..59999 (bit 479999); the alert section then starts at 60000 and its bool at
            // bit 479999 makes a second 60000-byte area: full status 120000 bytes, which no 0x04 can carry.
            ProductException e = Assert.Throws<ProductException>(() => ProductJson.Parse(ProductJsonText(
                Attr(0, "High_Bit", "status_writable", "bool", 0, 479999, 1, "bit"),
                Attr(1, "Alarm", "alert", "bool", 60000, 479999, 1, "bit"))));
            Assert.Contains("'Alarm'", e.Message, System.StringComparison.Ordinal);
            Assert.Contains("largest status", e.Message, System.StringComparison.Ordinal);
        }
    }
}
