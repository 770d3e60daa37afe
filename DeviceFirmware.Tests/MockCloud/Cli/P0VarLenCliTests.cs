using System;
using System.IO;
using System.Text.Json;
using DeviceFirmware.MockCloud;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.Cli
{
    /// <summary><c>gizctl p0 encode/decode</c> for var_len products and the <c>--action</c>/<c>--point</c> options.</summary>
    public class P0VarLenCliTests
    {
        private static readonly string Demo = VarLenFixtures.PathOf("esp32-demo-var-len.json");
        private static readonly string Boiler = VarLenFixtures.PathOf("boiler-thermostat-var-len.json");
        private static readonly string Greenhouse = VarLenFixtures.PathOf("greenhouse-standard.json");

        private static (int Exit, string Out) Run(params string[] args)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            int exit = Program.Run(args, stdout, stderr);
            return (exit, stdout.ToString().TrimEnd('\n', '\r'));
        }

        private static string Zeros(int bytes) => new string('0', 2 * bytes);

        private static (string Error, string? Point) Error(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            return (root.GetProperty("error").GetString()!, root.TryGetProperty("dataPoint", out JsonElement point) ? point.GetString() : null);
        }

        [Fact]
        public void A_var_len_write_is_0x11_by_default()
        {
            // LED_Color Yellow (id 1), Motor_Speed +5 (id 5, raw 10), Text "AB" (id 9): flags 02 22, packed 01, 0a, 41 42 + 98 × 00.
            Assert.Equal((0, "110222010a4142" + Zeros(98)), Run("p0", "encode", "--product", Demo, "--write", "LED_Color=Yellow", "Motor_Speed=5", "Text=4142"));
            Assert.Equal((0, "110222010a4142" + Zeros(98)), Run("p0", "encode", "--product", Demo, "--action", "0x11", "--write", "LED_Color=1", "Motor_Speed=5", "Text=4142"));
        }

        [Fact]
        public void A_var_len_write_flagging_a_read_only_point_is_NotWritable_naming_it()
        {
            var (exit, output) = Run("p0", "encode", "--product", Boiler, "--write", "Power=true", "Room_Temperature=21");
            Assert.Equal(2, exit);
            Assert.Equal(("NotWritable", "Room_Temperature"), Error(output));

            (exit, output) = Run("p0", "decode", "--product", Boiler, "11 000000000008 0265");
            Assert.Equal(2, exit);
            Assert.Equal(("NotWritable", "Room_Temperature"), Error(output));
        }

        [Fact]
        public void A_var_len_read_is_0x12_of_the_points_asked_or_of_all()
        {
            Assert.Equal((0, "1203ff"), Run("p0", "encode", "--product", Demo, "--read"));
            Assert.Equal((0, "120144"), Run("p0", "encode", "--product", Demo, "--read", "--point", "LED_R", "Infrared", "Fault_LED"));
            Assert.Equal((0, "120144"), Run("p0", "encode", "--product", Demo, "--action", "12", "--point", "Fault_LED", "--point", "LED_R", "--point", "Infrared"));
            Assert.Equal((0, "{\"action\":\"0x12\",\"read\":[\"LED_R\",\"Infrared\",\"Fault_LED\"]}"), Run("p0", "decode", "--product", Demo, "120144"));
        }

        [Fact]
        public void Read_replies_and_reports_encode_with_any_point_and_decode_back()
        {
            // 0x13 of LED_R 16, Infrared on, Fault_LED on: flags 01 44, packed 03, LED_R 10.
            Assert.Equal((0, "1301440310"), Run("p0", "encode", "--product", Demo, "--action", "0x13", "--write", "LED_R=16", "Infrared=1", "Fault_LED=true"));
            Assert.Equal((0, "{\"action\":\"0x13\",\"values\":{\"LED_R\":16,\"Infrared\":true,\"Fault_LED\":true}}"), Run("p0", "decode", "--product", Demo, "1301440310"));

            // 0x14 of Room_Temperature 21.3 (raw 613) and Status_Word Heating: flags bit 3 and bit 43, packed 01, 02 65.
            Assert.Equal((0, "14080000000008010265"), Run("p0", "encode", "--product", Boiler, "--action", "0x14", "--write", "Room_Temperature=21.3", "Status_Word=Heating"));
            Assert.Equal((0, "{\"action\":\"0x14\",\"values\":{\"Room_Temperature\":21.3,\"Status_Word\":1}}"), Run("p0", "decode", "--product", Boiler, "14080000000008010265"));
        }

        [Fact]
        public void A_standard_report_is_0x04_with_every_point_the_unnamed_ones_zero()
        {
            // Greenhouse: Air_Temperature -12.3 (raw 877 = 03 6d at bytes 5..6 of the 14-byte status), every other raw value 0.
            Assert.Equal((0, "04" + Zeros(5) + "036d" + Zeros(7)), Run("p0", "encode", "--product", Greenhouse, "--action", "0x04", "--write", "Air_Temperature=-12.3"));
        }

        [Theory]
        [InlineData("0x01", "0100")]
        [InlineData("0x02", "02")]
        [InlineData("0x04", "0400")]
        public void Fixed_layout_actions_are_WrongProtocolType_for_a_var_len_product(string action, string hex)
        {
            string[] args = action == "0x02"
                ? new[] { "p0", "encode", "--product", Demo, "--action", action }
                : new[] { "p0", "encode", "--product", Demo, "--action", action, "--write", "LED_R=1" };
            var (exit, output) = Run(args);
            Assert.Equal(2, exit);
            Assert.Equal("WrongProtocolType", Error(output).Error);

            var decoded = Run("p0", "decode", "--product", Demo, hex);
            Assert.Equal(2, decoded.Exit);
            Assert.Equal("WrongProtocolType", Error(decoded.Out).Error);
        }

        [Theory]
        [InlineData("--action", "0x05")]
        [InlineData("--action", "0x15")]
        [InlineData("--action", "zz")]
        public void Bad_actions_are_refused(string option, string value)
        {
            var (exit, output) = Run("p0", "encode", "--product", Demo, option, value, "--write", "LED_R=1");
            Assert.Equal(2, exit);
            Assert.Equal("BadArguments", Error(output).Error);
        }

        [Fact]
        public void Point_belongs_to_a_variable_read_only()
        {
            var (exit, output) = Run("p0", "encode", "--product", Demo, "--action", "0x14", "--write", "LED_R=1", "--point", "LED_R");
            Assert.Equal(2, exit);
            Assert.Equal("BadArguments", Error(output).Error);
            Assert.Equal(("UnknownDataPoint", "Nope"), Error(Run("p0", "encode", "--product", Demo, "--read", "--point", "Nope").Out));
        }
    }
}
