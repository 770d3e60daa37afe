using System;
using System.IO;
using System.Text.Json;
using DeviceFirmware.MockCloud;
using DeviceFirmware.MockCloud.Cli;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.Cli
{
    /// <summary><c>gizctl p0</c> run in-process through <see cref="Program.Run"/>.</summary>
    public class P0CliTests
    {
        private static readonly string GoKit = Path.Combine(P0GeneratorRepo.ProductsDir, "gokit.json");
        private static readonly string TwoRelay = Path.Combine(P0GeneratorRepo.ProductsDir, "two-relay-switch.json");

        private static (int Exit, string Out, string Err) Run(params string[] args)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            int exit = Program.Run(args, stdout, stderr);
            return (exit, stdout.ToString().TrimEnd('\n', '\r'), stderr.ToString());
        }

        // GoKit full status (12 bytes), by hand:
        //   writable bit area (2 bytes, read as a big-endian integer: bit 0 = lowest bit of the LAST byte,
        //   bit 8 = lowest bit of the FIRST byte):
        //     Relay on       bit 0      -> byte 1 |= 0x01
        //     LED_Color 2    bits 1..2  -> 0b10 << 1 = 0x04 into byte 1  => byte 1 = 0x05
        //     Night_Mode on  bit 8      -> byte 0 = 0x01
        //   LED_R 10 = 0x0a, LED_G 20 = 0x14, LED_B 30 = 0x1e
        //   Motor_Speed raw 8 = 0x08   (shown 1*8 - 5 = 3)
        //   read-only bit area (1 byte): Button on -> 0x01
        //   Temperature raw 615 = 0x0267 (shown 0.1*615 - 40 = 21.5, which in doubles is 21.499999999999996)
        //   Humidity 40 = 0x28
        //   alert bit area: Alert_Over_Temperature on -> 0x01 ; fault bit area: Fault_Sensor off -> 0x00
        private const string Report = "04 01 05 0a 14 1e 08 01 02 67 28 01 00";

        [Fact]
        public void Decodes_a_GoKit_report()
        {
            var (exit, output, _) = Run("p0", "decode", "--product", GoKit, Report);
            Assert.Equal(0, exit);
            Assert.Equal(
                "{\"action\":\"0x04\",\"values\":{\"Relay\":true,\"LED_Color\":2,\"Night_Mode\":true,\"LED_R\":10,\"LED_G\":20,\"LED_B\":30,"
                + "\"Motor_Speed\":3,\"Button\":true,\"Temperature\":21.5,\"Humidity\":40,\"Alert_Over_Temperature\":true,\"Fault_Sensor\":false}}",
                output);
        }

        [Fact]
        public void Hex_may_be_one_token_with_colons_in_any_case()
        {
            var (exit, output, _) = Run("p0", "decode", "--product", GoKit, "04:01:05:0A:14:1E:08:01:02:67:28:01:00");
            Assert.Equal(0, exit);
            Assert.Contains("\"Temperature\":21.5", output, StringComparison.Ordinal);
        }

        // Write 0x01: attr_flags = 1 byte (7 writable points); Relay is id 0 (bit 0), Motor_Speed id 6 (bit 6) -> 0x41.
        // Writable section (6 bytes): bit area 00 01 (Relay bit 0 = lowest bit of the last bit-area byte),
        // LED_R/G/B 00 00 00, Motor_Speed raw = (-5 - -5) / 1 = 0 -> 00.
        private const string RelayOnMotorMinus5 = "0141000100000000";

        [Fact]
        public void Encodes_a_write_exactly()
        {
            var (exit, output, _) = Run("p0", "encode", "--product", GoKit, "--write", "Relay=true", "Motor_Speed=-5");
            Assert.Equal(0, exit);
            Assert.Equal(RelayOnMotorMinus5, output);

            var repeated = Run("p0", "encode", "--product", GoKit, "--write", "Relay=1", "--write", "Motor_Speed=-5");
            Assert.Equal((0, RelayOnMotorMinus5), (repeated.Exit, repeated.Out));
        }

        [Fact]
        public void Decoding_a_write_shows_only_the_flagged_points()
        {
            // Same write but with LED_R = 0xff in the unflagged bytes: it must not appear.
            var (exit, output, _) = Run("p0", "decode", "--product", GoKit, "01 41 00 01 ff 00 00 00");
            Assert.Equal(0, exit);
            Assert.Equal("{\"action\":\"0x01\",\"values\":{\"Relay\":true,\"Motor_Speed\":-5}}", output);
        }

        [Fact]
        public void Encode_enum_by_label_or_index_and_variable_write()
        {
            // 0x11: flags over all 12 points = 2 bytes; LED_Color id 1 and Night_Mode id 2 -> 00 06;
            // packed bits: LED_Color 3 (Pink) at bits 0..1, Night_Mode 1 at bit 2 -> 0x07.
            Assert.Equal((0, "11000607"), Pick(Run("p0", "encode", "--product", GoKit, "--variable", "--write", "LED_Color=Pink", "Night_Mode=true")));
            Assert.Equal((0, "11000607"), Pick(Run("p0", "encode", "--product", GoKit, "--variable", "--write", "LED_Color=3", "Night_Mode=1")));
            Assert.Equal("{\"action\":\"0x11\",\"values\":{\"LED_Color\":3,\"Night_Mode\":true}}", Run("p0", "decode", "--product", GoKit, "11000607").Out);
        }

        [Fact]
        public void Encodes_binary_zero_padded()
        {
            // attr_flags: Relay_2 id 1, Schedule id 2 -> 0x06; bit area 0x02; Schedule de ad 00 00.
            Assert.Equal((0, "010602dead0000"), Pick(Run("p0", "encode", "--product", TwoRelay, "--write", "Schedule=DE:AD", "Relay_2=true")));
            Assert.Equal(2, Run("p0", "encode", "--product", TwoRelay, "--write", "Schedule=0102030405").Exit);
        }

        [Fact]
        public void Decodes_UInt32_and_binary() =>
            Assert.Equal(
                "{\"action\":\"0x04\",\"values\":{\"Relay_1\":true,\"Relay_2\":true,\"Schedule\":\"deadbeef\",\"Uptime_Minutes\":4294967295,\"Fault_Relay\":true}}",
                Run("p0", "decode", "--product", TwoRelay, "04 03 de ad be ef ff ff ff ff 01").Out);

        [Fact]
        public void Out_of_range_names_the_point()
        {
            var (exit, output, _) = Run("p0", "encode", "--product", GoKit, "--write", "Motor_Speed=9");
            Assert.Equal(2, exit);
            Assert.Equal("{\"error\":\"ValueOutOfRange\",\"dataPoint\":\"Motor_Speed\",\"message\":\"shown value 9 is outside -5..5\"}", output);
        }

        [Fact]
        public void Decoding_an_out_of_range_write_names_the_point()
        {
            // Motor_Speed raw 11 > max 10.
            var (exit, output, _) = Run("p0", "decode", "--product", GoKit, "01 40 00 00 00 00 00 0b");
            Assert.Equal(2, exit);
            using JsonDocument json = JsonDocument.Parse(output);
            Assert.Equal("ValueOutOfRange", json.RootElement.GetProperty("error").GetString());
            Assert.Equal("Motor_Speed", json.RootElement.GetProperty("dataPoint").GetString());
        }

        [Theory]
        [InlineData("Foo=1", "UnknownDataPoint", "Foo")]
        [InlineData("Button=1", "NotWritable", "Button")]
        [InlineData("Relay=maybe", "BadValue", "Relay")]
        [InlineData("LED_Color=Green", "BadValue", "LED_Color")]
        [InlineData("LED_Color=4", "EnumOutOfRange", "LED_Color")]
        [InlineData("LED_R=NaN", "BadValue", "LED_R")]
        [InlineData("LED_R=255", "ValueOutOfRange", "LED_R")]
        public void Refused_writes_exit_two_naming_the_point(string assignment, string error, string point)
        {
            var (exit, output, _) = Run("p0", "encode", "--product", GoKit, "--write", assignment);
            Assert.Equal(2, exit);
            using JsonDocument json = JsonDocument.Parse(output);
            Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
            Assert.Equal(point, json.RootElement.GetProperty("dataPoint").GetString());
        }

        [Fact]
        public void Read_is_02_and_decodes_to_empty_values()
        {
            Assert.Equal((0, "02"), Pick(Run("p0", "encode", "--product", GoKit, "--read")));
            Assert.Equal((0, "{\"action\":\"0x02\",\"values\":{}}"), Pick(Run("p0", "decode", "--product", GoKit, "02")));
        }

        [Fact]
        public void Variable_read_lists_the_points_asked_for() =>
            // flags 00 c1: ids 0 (Relay), 6 (Motor_Speed), 7 (Button).
            Assert.Equal((0, "{\"action\":\"0x12\",\"read\":[\"Relay\",\"Motor_Speed\",\"Button\"]}"), Pick(Run("p0", "decode", "--product", GoKit, "12 00 c1")));

        [Fact]
        public void Custom_data_is_a_payload() =>
            Assert.Equal((0, "{\"action\":\"0x06\",\"payload\":\"cafe\"}"), Pick(Run("p0", "decode", "--product", GoKit, "06CAFE")));

        [Theory]
        [InlineData("0g")]
        [InlineData("041")]
        public void Bad_hex_exits_two(string hex)
        {
            var (exit, output, _) = Run("p0", "decode", "--product", GoKit, hex);
            Assert.Equal(2, exit);
            Assert.Equal("BadHex", JsonDocument.Parse(output).RootElement.GetProperty("error").GetString());
        }

        [Fact]
        public void Wrong_length_exits_two()
        {
            var (exit, output, _) = Run("p0", "decode", "--product", GoKit, "0400");
            Assert.Equal(2, exit);
            Assert.Equal("WrongLength", JsonDocument.Parse(output).RootElement.GetProperty("error").GetString());
        }

        [Fact]
        public void Invalid_product_exits_two()
        {
            string file = Path.Combine(Path.GetTempPath(), "p0cli-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(file, "{\"name\":\"x\",\"entities\":[{\"attrs\":[]}]}");
            try
            {
                var (exit, output, _) = Run("p0", "decode", "--product", file, "02");
                Assert.Equal(2, exit);
                using JsonDocument json = JsonDocument.Parse(output);
                Assert.Equal("ProductInvalid", json.RootElement.GetProperty("error").GetString());
                Assert.Contains("no data points", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
                Assert.Equal(2, Run("p0", "encode", "--product", file + ".missing", "--read").Exit);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void Generate_reproduces_the_committed_table()
        {
            var (exit, output, _) = Run("p0", "generate", "--product", GoKit, "--class", "GoKitProduct");
            Assert.Equal(0, exit);
            string committed = File.ReadAllText(P0GeneratorRepo.GeneratedFile("GoKitProduct")).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.Equal(committed.TrimEnd('\n'), output);
        }

        [Fact]
        public void Generate_writes_a_file_with_the_default_class_name()
        {
            string file = Path.Combine(Path.GetTempPath(), "p0cli-" + Guid.NewGuid().ToString("N") + ".g.cs");
            try
            {
                var (exit, output, err) = Run("p0", "generate", "--product", TwoRelay, "--namespace", "My.Products", "--output", file);
                Assert.Equal(0, exit);
                Assert.Equal(string.Empty, output);
                Assert.Contains("wrote", err, StringComparison.Ordinal);
                string source = File.ReadAllText(file);
                Assert.Contains("namespace My.Products", source, StringComparison.Ordinal);
                Assert.Contains("public static class TwoRelaySwitchProduct", source, StringComparison.Ordinal);
                Assert.Contains("// from hardware/products/two-relay-switch.json by gizctl p0 generate; do not edit.", source, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void Generate_refuses_a_bad_class_name() =>
            Assert.Equal(2, Run("p0", "generate", "--product", GoKit, "--class", "not valid").Exit);

        [Fact]
        public void Missing_required_option_is_a_command_line_error() =>
            Assert.Equal(2, Run("p0", "decode", "02").Exit); // gizctl exits 2 on every usage error

        [Theory]
        [InlineData(0.1, -40.0, 615, "21.5")]
        [InlineData(0.1, -40.0, 0, "-40")]
        [InlineData(0.1, -40.0, 400, "0")]
        [InlineData(1.0, -5.0, 8, "3")]
        [InlineData(0.01, 0.0, 12345, "123.45")]
        [InlineData(0.5, -40.5, 3, "-39")]
        [InlineData(1.0, 0.0, 4294967295L, "4294967295")]
        [InlineData(0.3333333333333333, 0.0, 3, "1")]
        public void Shown_values_are_rounded_to_the_decimals_of_ratio_and_addition(double ratio, double addition, long raw, string shown)
        {
            var point = new DataPoint(0, "P", "P", DataPointType.ReadOnly, DataType.UInt32, 0, 0, 4, false, null, 0, 4294967295L, ratio, addition);
            Assert.Equal(shown, P0Json.FormatShown(point, raw));
        }

        private static (int, string) Pick((int Exit, string Out, string Err) result) => (result.Exit, result.Out);
    }
}
