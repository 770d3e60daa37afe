using System.Text.Json;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.Cli
{
    public class FrameDecodeCommandTests
    {
        public static TheoryData<string> VectorNames => FrameVectors.Names();

        [Fact]
        public void Vectors_file_has_rows() => Assert.True(FrameVectors.All.Count >= 10);

        [Theory]
        [MemberData(nameof(VectorNames))]
        public void Decodes_vector(string name)
        {
            FrameVector v = FrameVectors.Get(name);
            CliResult r = CliRunner.Run("frame", "decode", v.FrameHex);

            Assert.Equal(0, r.ExitCode);
            Assert.Equal(string.Empty, r.Stderr);
            JsonElement json = r.Json();
            Assert.Equal(v.Command, json.GetProperty("command").GetString());
            Assert.Equal(v.Flags, json.GetProperty("flags").GetInt32());
            Assert.Equal(v.BodyHex, json.GetProperty("body").GetString());
            if (v.Sn.Length > 0) Assert.Equal(uint.Parse(v.Sn, System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("sn").GetUInt32());
            else Assert.False(json.TryGetProperty("sn", out _));
        }

        [Theory]
        [MemberData(nameof(VectorNames))]
        public void Vector_reencodes_to_same_bytes(string name)
        {
            FrameVector v = FrameVectors.Get(name);
            JsonElement json = CliRunner.Run("frame", "decode", v.FrameHex).Json();

            CliResult r = CliRunner.Run(EncodeArgs.FromDecoded(json));

            Assert.Equal(0, r.ExitCode);
            Assert.Equal(v.FrameHex, r.Line);
        }

        [Fact]
        public void Settings_fields()
        {
            JsonElement json = CliRunner.Run("frame", "decode", FrameVectors.Get("settings").FrameHex).Json();
            Assert.Equal(7, json.GetProperty("settings").GetInt32());
            Assert.Equal(3, json.GetProperty("logLevel").GetInt32());
            Assert.Equal("Info", json.GetProperty("logLevelName").GetString());
            Assert.True(json.GetProperty("indicatorLed").GetBoolean());
            Assert.False(json.GetProperty("reservedBits").GetBoolean());
        }

        [Fact]
        public void Settings_reserved_bits_reported()
        {
            JsonElement json = CliRunner.Run("frame", "decode", "00000003050000100009").Json();
            Assert.Equal(9, json.GetProperty("settings").GetInt32());
            Assert.Equal(1, json.GetProperty("logLevel").GetInt32());
            Assert.False(json.GetProperty("indicatorLed").GetBoolean());
            Assert.True(json.GetProperty("reservedBits").GetBoolean());
        }

        [Fact]
        public void Log_UTF8_fields()
        {
            CliResult r = CliRunner.Run("frame", "decode", FrameVectors.Get("log-utf8").FrameHex);
            JsonElement json = r.Json();
            Assert.Equal(2, json.GetProperty("level").GetInt32());
            Assert.Equal("relay", json.GetProperty("tag").GetString());
            Assert.Equal("Core", json.GetProperty("source").GetString());
            Assert.Equal("开关已打开 relay on", json.GetProperty("content").GetString());

            // Printed as UTF-8, not as \u escapes.
            Assert.Contains("开关已打开", r.Stdout, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Online_fields()
        {
            JsonElement json = CliRunner.Run("frame", "decode", FrameVectors.Get("online").FrameHex).Json();
            Assert.Equal("8266ffeeddcc", json.GetProperty("mac").GetString());
            Assert.Equal("ABCDEFGHIJ", json.GetProperty("passcode").GetString());
            Assert.True(json.GetProperty("online").GetBoolean());
            Assert.Equal("0x00000003", json.GetProperty("protocolVersion").GetString());
            Assert.Equal("0001", json.GetProperty("businessVersion").GetString());
        }

        [Fact]
        public void Output_is_one_line()
        {
            CliResult r = CliRunner.Run("frame", "decode", FrameVectors.Get("online").FrameHex);
            Assert.Equal(r.Line + System.Environment.NewLine, r.Stdout);
        }

        [Theory]
        [InlineData("00 00 00 03 0a 00 00 94 de ad be ef 03 01 02")]
        [InlineData("00:00:00:03:0A:00:00:94:DE:AD:BE:EF:03:01:02")]
        [InlineData("0x000000030A000094DEADBEEF030102")]
        [InlineData("0X000000030a000094deadbeef030102")]
        [InlineData("  000000030a000094deadbeef030102  ")]
        public void Accepts_hex_spellings(string hex)
        {
            CliResult r = CliRunner.Run("frame", "decode", hex);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(3735928559u, r.Json().GetProperty("sn").GetUInt32());
        }

        [Fact]
        public void Accepts_hex_split_over_arguments()
        {
            CliResult r = CliRunner.Run("frame", "decode", "00", "00", "00", "03", "03", "00", "00", "11");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("0x0011", r.Json().GetProperty("command").GetString());
        }

        [Theory]
        [InlineData("000000030b0000910400000010", "VarLenMismatch", 4)] // docs-report cut short
        [InlineData("000000040400009002", "BadFixedHeader", 3)]
        [InlineData("010000030400009002", "BadFixedHeader", 0)]
        [InlineData("000000", "TruncatedHeader", 3)]
        [InlineData("0000000303001234", "UnknownCommand", 6)]
        [InlineData("000000030c000012040000000000026869", "FieldOutOfRange", 8)] // log level 4
        [InlineData("00000003060000100007ff", "TrailingBytes", 10)]
        [InlineData("00000003050000930102", "BodyTooShort", 10)] // 0x0093 without a whole sn
        [InlineData("0000000380000000", "VarLenNotMinimal", 5)]
        [InlineData("00000003ffffffff7f", "VarLenTooLong", 8)]
        [InlineData("0000000306000012010003", "LengthPastEnd", 9)] // tag length 3, nothing after
        [InlineData("000000030b0000120100000001ff0000", "BadUtf8", 13)]
        public void Malformed_frame_is_exit_2_with_error_and_offset(string hex, string error, int offset)
        {
            CliResult r = CliRunner.Run("frame", "decode", hex);

            Assert.Equal(2, r.ExitCode);
            JsonElement json = r.Json();
            Assert.Equal(error, json.GetProperty("error").GetString());
            Assert.Equal(offset, json.GetProperty("offset").GetInt32());
            Assert.Equal($"{{\"error\":\"{error}\",\"offset\":{offset}}}", r.Line);
        }

        [Theory]
        [InlineData("000", "error: HEX has an odd number of digits")]
        [InlineData("0000zz03", "error: 'zz' at position 4 is not hex")]
        [InlineData("00 00 0g", "error: '0g' at position 6 is not hex")]
        [InlineData("00 0", "error: HEX has an odd number of digits")]
        [InlineData("0 0", "error: separator at position 1 splits a byte")]
        [InlineData("", "error: HEX is empty")]
        [InlineData("0x", "error: HEX is empty")]
        [InlineData(" : ", "error: HEX is empty")]
        public void Bad_hex_is_exit_2_with_message(string hex, string message)
        {
            CliResult r = CliRunner.Run("frame", "decode", hex);

            Assert.Equal(2, r.ExitCode);
            Assert.Equal(string.Empty, r.Stdout);
            Assert.Equal(message, r.Stderr.TrimEnd());
        }

        [Fact]
        public void Missing_hex_is_exit_2()
        {
            CliResult r = CliRunner.Run("frame", "decode");
            Assert.Equal(2, r.ExitCode);
            Assert.StartsWith("error: ", r.Stderr, System.StringComparison.Ordinal);
        }

        [Fact]
        public void No_subcommand_is_exit_2()
        {
            Assert.Equal(2, CliRunner.Run().ExitCode);
            Assert.Equal(2, CliRunner.Run("frame").ExitCode);
            Assert.Equal(2, CliRunner.Run("frame", "nonsense").ExitCode);
        }

        [Fact]
        public void Help_is_exit_0()
        {
            CliResult r = CliRunner.Run("frame", "decode", "--help");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("HEX", r.Stdout, System.StringComparison.Ordinal);
        }
    }
}
