using System;
using System.Linq;
using DeviceFirmware.Protocol.P0;
using Xunit;
using static DeviceFirmware.Tests.Protocol.P0.Support.P0TestData;
using DeviceFirmware.Tests.Protocol.P0.Support;

namespace DeviceFirmware.Tests.Protocol.P0.VarLen
{
    /// <summary>
    /// The product model of both protocol types: <c>protocolType</c> from the export, var_len's free id order and
    /// meaningless positions, refusals that stay specific and name the point, and the fixed-layout actions a
    /// var_len product does not speak.
    /// </summary>
    public class VarLenProductTests
    {
        private const string W = "status_writable";
        private const string R = "status_readonly";

        /// <summary>A console export with the given protocolType (null: the key is left out) around <paramref name="attrs"/>.</summary>
        private static string Export(string? protocolType, params string[] attrs)
        {
            string type = protocolType == null ? string.Empty : "\"protocolType\":" + protocolType + ",";
            return "{\"name\":\"T\",\"product_key\":\"k\"," + type + "\"entities\":[{\"id\":0,\"name\":\"entity0\",\"attrs\":[" + string.Join(",", attrs) + "]}]}";
        }

        // Interleaved like the real exports: writable id 0, read-only id 1, writable id 2; every position 0/0.
        private static readonly string[] Interleaved =
        {
            Attr(0, "Power", W, "bool", 0, 0, 1, "bit"),
            Attr(1, "Reading", R, "uint16", 0, 0, 2, "byte", spec: Spec(0, 1000, 0.1, -40)),
            Attr(2, "Level", W, "uint8", 0, 0, 1, "byte", spec: Spec(0, 100)),
        };

        private static void Refused(string json, params string[] fragments)
        {
            ProductException e = Assert.Throws<ProductException>(() => ProductJson.Parse(json));
            foreach (string fragment in fragments) Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ProtocolType_is_read_from_the_export_and_defaults_to_standard()
        {
            string standardAttrs = Attr(0, "Power", W, "bool", 0, 0, 1, "bit");
            Assert.Equal(P0ProtocolType.Standard, ProductJson.Parse(Export(null, standardAttrs)).ProtocolType);
            Assert.Equal(P0ProtocolType.Standard, ProductJson.Parse(Export("\"standard\"", standardAttrs)).ProtocolType);
            Product v = ProductJson.Parse(Export("\"var_len\"", Interleaved));
            Assert.Equal(P0ProtocolType.VariableLength, v.ProtocolType);
            Assert.True(v.IsVariableLength);
        }

        [Theory]
        [InlineData("\"fixed\"", "unknown protocolType \"fixed\"")]
        [InlineData("\"VAR_LEN\"", "unknown protocolType \"VAR_LEN\"")]
        [InlineData("3", "unknown protocolType \"3\"")]
        public void Unknown_protocolType_is_refused_not_guessed(string value, string message) =>
            Refused(Export(value, Interleaved), message, "(standard, var_len)");

        [Fact]
        public void Interleaved_ids_are_var_len_only_and_the_standard_refusal_names_the_point()
        {
            Product v = ProductJson.Parse(Export("\"var_len\"", Interleaved));
            Assert.Equal(new[] { "Power", "Reading", "Level" }, v.Points.Select(p => p.Name));
            Assert.Equal(2, v.WritableCount);
            Refused(Export("\"standard\"", Interleaved), "data point 'Level'", "writable data points must have the lowest ids");
        }

        [Fact]
        public void Var_len_positions_are_not_used_any_values_are_accepted()
        {
            // Negative and overlapping positions: meaningless for var_len, so accepted (a standard product refuses both).
            string[] odd =
            {
                Attr(0, "A", W, "bool", -3, 99, 1, "bit"),
                Attr(1, "B", R, "uint8", 0, 0, 1, "byte", spec: Spec(0, 9)),
                Attr(2, "C", W, "uint8", 0, 0, 1, "byte", spec: Spec(0, 9)),
            };
            Product v = ProductJson.Parse(Export("\"var_len\"", odd));
            Assert.Equal(0, v.FullStatusSize);
            Assert.Equal(1 + 1 + 1 + 2, v.MaxMessageSize); // action, 1 flag byte, 1 packed byte, B and C
            Refused(Export("\"standard\"", odd), "data point 'A'", "negative position");
        }

        [Theory]
        [InlineData(1, 1, "data point 'Reading'", "duplicate id 1")]
        [InlineData(1, 5, "data point 'Reading'", "id 5 is outside 0..2")]
        public void Var_len_still_refuses_duplicate_ids_and_gaps(int firstId, int secondId, string point, string problem)
        {
            string[] attrs =
            {
                Attr(0, "Power", W, "bool", 0, 0, 1, "bit"),
                Attr(firstId, "Level", W, "uint8", 0, 0, 1, "byte", spec: Spec(0, 100)),
                Attr(secondId, "Reading", R, "uint16", 0, 0, 2, "byte", spec: Spec(0, 1000)),
            };
            Refused(Export("\"var_len\"", attrs), point, problem);
        }

        [Theory]
        [InlineData("bool", 2, "bit", null, "bit field of 2 bits is wider than a bool")]
        [InlineData("uint16", 1, "byte", "{\"min\":0,\"max\":5,\"ratio\":1,\"addition\":0}", "a uint16 takes 2 byte(s), not 1")]
        [InlineData("uint8", 1, "byte", "{\"min\":9,\"max\":5,\"ratio\":1,\"addition\":0}", "min 9 > max 5")]
        [InlineData("uint8", 1, "byte", "{\"min\":0,\"max\":300,\"ratio\":1,\"addition\":0}", "does not fit a uint8")]
        [InlineData("binary", 0, "byte", null, "binary needs a length of at least 1 byte")]
        public void Var_len_still_refuses_bad_types_and_ranges_naming_the_point(string dataType, int len, string unit, string? spec, string problem)
        {
            string bad = Attr(1, "Bad", R, dataType, 0, 0, len, unit, spec: spec);
            Refused(Export("\"var_len\"", Attr(0, "Power", W, "bool", 0, 0, 1, "bit"), bad), "data point 'Bad'", problem);
        }

        [Fact]
        public void Var_len_sizes_cover_all_ids()
        {
            Product boiler = VarLenFixtures.Boiler();
            Assert.Equal(44, boiler.Points.Length);
            Assert.Equal(6, boiler.VariableFlagsSize);       // ceil(44 / 8)
            Assert.Equal(0, boiler.AttrFlagsSize);           // no 0x01 for var_len
            Assert.Equal(0, boiler.FullStatusSize);          // no fixed layout
            Assert.Equal(18, boiler.WritableCount);         // ids 0 1 2 5 6 10 12 13 16 19 23 24 28 30 34 35 39 42
            Assert.Equal(112 + 16 + 8, boiler.BinaryStorageSize);
            Assert.Equal(176, boiler.MaxMessageSize);        // 1 + 6 flags + 4 packed (28 bits) + 165 value bytes
            Assert.All(boiler.Points, p => Assert.Equal((0, 0), (p.ByteOffset, p.BitOffset)));
            Assert.Equal(Enumerable.Range(0, 44), boiler.Points.Select(p => p.Id));
        }

        [Fact]
        public void A_var_len_product_refuses_the_fixed_layout_actions()
        {
            Product demo = VarLenFixtures.Esp32Demo();
            foreach (string hex in new[] { "01 00 00", "02", "03 00", "04 00" })
            {
                var m = new P0Message(demo);
                Assert.Equal(P0Error.WrongProtocolType, Golden.DecodeRaw(m, hex));
                Assert.Equal(0, m.FlaggedCount);
                Assert.Equal(-1, m.ErrorPointId);
            }

            var values = new DataPointValues(demo);
            byte[] buffer = new byte[demo.MaxMessageSize];
            Assert.Equal(P0Error.WrongProtocolType, P0Writer.WriteStatus(values, P0Action.Report, buffer, 0, out int n));
            Assert.Equal(0, n);
            Assert.Equal(P0Error.WrongProtocolType, P0Writer.WriteStatus(values, P0Action.ReadReply, buffer, 0, out n));
            Assert.Equal(P0Error.WrongProtocolType, P0Writer.WriteWrite(values, Flags(demo, "LED_R"), buffer, 0, out n));
            Assert.Equal(0, n);
        }

        [Fact]
        public void Standard_and_var_len_products_with_the_same_points_are_not_the_same()
        {
            DataPoint[] points = { new DataPoint(0, "A", "A", DataPointType.Writable, DataType.Bool, 0, 0, 1, true, null, 0, 0, 1, 0) };
            Assert.True(Product.TryCreate("p", "k", P0ProtocolType.Standard, points, out Product standard, out _));
            Assert.True(Product.TryCreate("p", "k", P0ProtocolType.VariableLength, points, out Product variable, out _));
            Assert.False(standard.SameAs(variable));
            Assert.True(Product.TryCreate("p", "k", points, out Product byDefault, out _));
            Assert.True(standard.SameAs(byDefault));
            Assert.False(Product.TryCreate("p", "k", (P0ProtocolType)7, points, out _, out string error));
            Assert.Equal("unknown protocol type 7", error);
        }

        [Fact]
        public void A_var_len_product_too_large_for_a_message_is_refused_naming_the_point()
        {
            DataPoint[] points =
            {
                new DataPoint(0, "Small", "Small", DataPointType.Writable, DataType.Binary, 0, 0, 100, false, null, 0, 0, 1, 0),
                new DataPoint(1, "Huge", "Huge", DataPointType.ReadOnly, DataType.Binary, 0, 0, int.MaxValue, false, null, 0, 0, 1, 0),
            };
            Assert.False(Product.TryCreate("p", "k", P0ProtocolType.VariableLength, points, out _, out string error));
            Assert.StartsWith("data point 'Huge': ", error, StringComparison.Ordinal);
        }
    }
}
