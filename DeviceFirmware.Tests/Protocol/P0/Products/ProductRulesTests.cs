using DeviceFirmware.Protocol.P0;
using Xunit;
using static DeviceFirmware.Tests.Protocol.P0.Support.P0TestData;
using DeviceFirmware.Tests.Protocol.P0.Support;

namespace DeviceFirmware.Tests.Protocol.P0.Products
{
    /// <summary>Each product rule refuses with a message naming the data point and the problem.</summary>
    public class ProductRulesTests
    {
        private const string W = "status_writable";
        private const string R = "status_readonly";

        private static readonly string Relay = Attr(0, "Relay", W, "bool", 0, 0, 1, "bit");
        private static readonly string Level = Attr(1, "Level", W, "uint8", 1, 0, 1, "byte", spec: Spec(0, 100));

        /// <summary>Parses, expects a ProductException whose message contains every fragment.</summary>
        private static void Refused(string json, params string[] fragments)
        {
            ProductException e = Assert.Throws<ProductException>(() => ProductJson.Parse(json));
            foreach (string fragment in fragments) Assert.Contains(fragment, e.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Valid_base_product_loads()
        {
            // The fragments used below are fine on their own, so each refusal comes from the one change made.
            Product p = ProductJson.Parse(ProductJsonText(Relay, Level, Attr(2, "Temp", R, "uint16", 2, 0, 2, "byte", spec: Spec(0, 1000))));
            Assert.Equal(4, p.FullStatusSize);
        }

        [Fact]
        public void Overlapping_byte_positions()
        {
            // Level at byte 1, Wide uint16 at bytes 1..2 → both use byte 1.
            Refused(ProductJsonText(Relay, Level, Attr(2, "Wide", W, "uint16", 1, 0, 2, "byte", spec: Spec(0, 1))),
                "'Level'", "'Wide'", "overlap");
        }

        [Fact]
        public void Overlapping_bits()
        {
            // Relay bit 0; Mode enum bits 0..1 → bit 0 used twice.
            Refused(ProductJsonText(Relay, Attr(1, "Mode", W, "enum", 0, 0, 2, "bit", "[\"a\",\"b\"]")),
                "'Mode'", "bits 0..1 overlap");
        }

        [Fact]
        public void Bool_of_two_bits()
        {
            Refused(ProductJsonText(Attr(0, "Fat_Bool", W, "bool", 0, 0, 2, "bit")), "'Fat_Bool'", "2 bits is wider than a bool");
        }

        [Fact]
        public void Enum_with_five_values_in_two_bits()
        {
            Refused(ProductJsonText(Attr(0, "Mode", W, "enum", 0, 0, 2, "bit", "[\"a\",\"b\",\"c\",\"d\",\"e\"]")),
                "'Mode'", "5 enum values do not fit in 2 bits");
        }

        [Fact]
        public void Enum_of_nine_bits()
        {
            Refused(ProductJsonText(Attr(0, "Mode", W, "enum", 0, 0, 9, "bit", "[\"a\"]")), "'Mode'", "9 bits does not fit an enum");
        }

        [Fact]
        public void Uint8_of_two_bytes()
        {
            Refused(ProductJsonText(Attr(0, "Speed", W, "uint8", 0, 0, 2, "byte", spec: Spec(0, 1))), "'Speed'", "uint8 takes 1 byte(s), not 2");
        }

        [Fact]
        public void Uint16_in_bits()
        {
            Refused(ProductJsonText(Attr(0, "Temp", W, "uint16", 0, 0, 16, "bit", spec: Spec(0, 1))), "'Temp'", "uint16 is measured in bytes");
        }

        [Fact]
        public void Min_above_max()
        {
            Refused(ProductJsonText(Attr(0, "Speed", W, "uint8", 0, 0, 1, "byte", spec: Spec(10, 5))), "'Speed'", "min 10 > max 5");
        }

        [Theory]
        [InlineData("uint8", 1, 256L, "0..255")]
        [InlineData("uint16", 2, 65536L, "0..65535")]
        [InlineData("uint32", 4, 4294967296L, "0..4294967295")]
        public void Max_over_the_types_range(string dataType, int len, long max, string range)
        {
            Refused(ProductJsonText(Attr(0, "Big", W, dataType, 0, 0, len, "byte", spec: Spec(0, max))), "'Big'", "does not fit a " + dataType, range);
        }

        [Fact]
        public void Negative_min()
        {
            Refused(ProductJsonText(Attr(0, "Big", W, "uint8", 0, 0, 1, "byte", spec: Spec(-1, 5))), "'Big'", "does not fit a uint8");
        }

        [Fact]
        public void Byte_point_inside_its_sections_bit_area()
        {
            // Relay makes byte 0 the writable bit area; a uint8 at byte 0 sits inside it.
            Refused(ProductJsonText(Relay, Attr(1, "Level", W, "uint8", 0, 0, 1, "byte", spec: Spec(0, 1))),
                "'Level'", "byte_offset 0 is before its section's byte-aligned area (which starts at byte 1)");
        }

        [Fact]
        public void Byte_point_inside_a_previous_section()
        {
            // Writable section = bytes 0..1 (Relay, Level) → read-only starts at 2; Temp at byte 1 is inside the writable section.
            Refused(ProductJsonText(Relay, Level, Attr(2, "Temp", R, "uint8", 1, 0, 1, "byte", spec: Spec(0, 1))),
                "'Temp'", "byte_offset 1 is before its section's byte-aligned area (which starts at byte 2)");
        }

        [Fact]
        public void Bit_point_not_at_its_section_start()
        {
            // Read-only starts at byte 2; a read-only bool at byte 3 is not in the section's bit area.
            Refused(ProductJsonText(Relay, Level, Attr(2, "Button", R, "bool", 3, 0, 1, "bit")),
                "'Button'", "bool sits in the bit area at the start of its section (byte 2), not at byte_offset 3");
        }

        [Fact]
        public void Writable_bit_point_not_at_byte_zero()
        {
            Refused(ProductJsonText(Attr(0, "Relay", W, "bool", 1, 0, 1, "bit")), "'Relay'", "(byte 0), not at byte_offset 1");
        }

        [Fact]
        public void Duplicate_ids()
        {
            Refused(ProductJsonText(Relay, Attr(0, "Relay_2", W, "bool", 0, 1, 1, "bit")), "'Relay_2'", "duplicate id 0");
        }

        [Fact]
        public void Duplicate_names()
        {
            Refused(ProductJsonText(Relay, Attr(1, "Relay", W, "bool", 0, 1, 1, "bit")), "'Relay'", "duplicate name");
        }

        [Fact]
        public void Ids_with_a_gap()
        {
            // Two points with ids 0 and 2: N = 2, so id 2 is outside 0..1.
            Refused(ProductJsonText(Relay, Attr(2, "Level", W, "uint8", 1, 0, 1, "byte", spec: Spec(0, 1))),
                "'Level'", "id 2 is outside 0..1");
        }

        [Fact]
        public void Writable_id_above_a_read_only_id()
        {
            // id 1 is read-only, id 2 writable: attr_flags bit i must be id i for i < W, so writable ids come first.
            Refused(ProductJsonText(Relay,
                    Attr(1, "Temp", R, "uint8", 2, 0, 1, "byte", spec: Spec(0, 1)),
                    Attr(2, "Level", W, "uint8", 1, 0, 1, "byte", spec: Spec(0, 1))),
                "'Level'", "writable data points must have the lowest ids");
        }

        [Fact]
        public void Unknown_data_type()
        {
            Refused(ProductJsonText(Attr(0, "Ratio", W, "float", 0, 0, 4, "byte")), "'Ratio'", "unknown data_type \"float\"");
        }

        [Fact]
        public void Unknown_type()
        {
            Refused(ProductJsonText(Attr(0, "Relay", "status_sometimes", "bool", 0, 0, 1, "bit")), "'Relay'", "unknown type \"status_sometimes\"");
        }

        [Fact]
        public void Unknown_unit()
        {
            Refused(ProductJsonText(Attr(0, "Relay", W, "bool", 0, 0, 1, "nibble")), "'Relay'", "unknown position unit \"nibble\"");
        }

        [Fact]
        public void Missing_position()
        {
            const string attr = "{\"id\":0,\"name\":\"Relay\",\"type\":\"status_writable\",\"data_type\":\"bool\",\"enum\":[]}";
            Refused(ProductJsonText(attr), "'Relay'", "missing \"position\"");
        }

        [Fact]
        public void Missing_position_field()
        {
            const string attr = "{\"id\":0,\"name\":\"Relay\",\"type\":\"status_writable\",\"data_type\":\"bool\",\"position\":{\"byte_offset\":0,\"len\":1,\"unit\":\"bit\"}}";
            Refused(ProductJsonText(attr), "'Relay'", "missing \"bit_offset\"");
        }

        [Fact]
        public void Number_without_uint_spec()
        {
            Refused(ProductJsonText(Attr(0, "Speed", W, "uint8", 0, 0, 1, "byte")), "'Speed'", "needs \"uint_spec\"");
        }

        [Fact]
        public void Invalid_json()
        {
            Refused("{\"entities\": [", "not valid JSON");
        }

        [Fact]
        public void Empty_attrs()
        {
            Refused(ProductJsonText(), "no data points");
        }

        [Fact]
        public void Missing_entities()
        {
            Refused("{\"name\":\"x\"}", "missing \"entities\"");
        }

        [Fact]
        public void Enum_without_values()
        {
            Refused(ProductJsonText(Attr(0, "Mode", W, "enum", 0, 0, 2, "bit")), "'Mode'", "an enum needs at least one value");
        }

        [Fact]
        public void Binary_in_bits()
        {
            Refused(ProductJsonText(Attr(0, "Blob", W, "binary", 0, 0, 8, "bit")), "'Blob'", "binary is measured in bytes");
        }

        [Fact]
        public void Ratio_zero()
        {
            Refused(ProductJsonText(Attr(0, "Speed", W, "uint8", 0, 0, 1, "byte", spec: Spec(0, 1, 0))), "'Speed'", "ratio 0");
        }

        [Fact]
        public void TryCreate_reports_the_error_without_throwing()
        {
            var points = new[]
            {
                new DataPoint(0, "Relay", "Relay", DataPointType.Writable, DataType.Bool, 0, 0, 1, true, null, 0, 0, 1, 0),
                new DataPoint(1, "Relay", "Relay again", DataPointType.Writable, DataType.Bool, 0, 1, 1, true, null, 0, 0, 1, 0),
            };
            Assert.False(Product.TryCreate("x", "k", points, out Product product, out string error));
            Assert.Null(product);
            Assert.Contains("'Relay'", error, System.StringComparison.Ordinal);
            Assert.Contains("duplicate name", error, System.StringComparison.Ordinal);

            Assert.False(Product.TryCreate("x", "k", System.Array.Empty<DataPoint>(), out product, out error));
            Assert.Contains("no data points", error, System.StringComparison.Ordinal);
        }

        [Fact]
        public void TryCreate_accepts_points_in_any_order()
        {
            var points = new[]
            {
                new DataPoint(1, "Level", "Level", DataPointType.Writable, DataType.UInt8, 1, 0, 1, false, null, 0, 9, 1, 0),
                new DataPoint(0, "Relay", "Relay", DataPointType.Writable, DataType.Bool, 0, 0, 1, true, null, 0, 0, 1, 0),
            };
            Assert.True(Product.TryCreate("x", "k", points, out Product product, out string error), error);
            Assert.Equal("Relay", product.Points[0].Name);
            Assert.Equal("Level", product.Points[1].Name);
        }

        [Fact]
        public void Load_names_the_file()
        {
            string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "p0-invalid-" + System.Guid.NewGuid().ToString("N") + ".json");
            System.IO.File.WriteAllText(path, ProductJsonText());
            try
            {
                ProductException e = Assert.Throws<ProductException>(() => ProductJson.Load(path));
                Assert.Contains(path, e.Message, System.StringComparison.Ordinal);
                Assert.Contains("no data points", e.Message, System.StringComparison.Ordinal);
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }
    }
}
