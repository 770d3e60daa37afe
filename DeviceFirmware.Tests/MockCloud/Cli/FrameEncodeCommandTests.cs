using System;
using System.Text.Json;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.Cli
{
    public class FrameEncodeCommandTests
    {
        private static JsonElement RoundTrip(params string[] encodeArgs)
        {
            string[] args = new string[encodeArgs.Length + 2];
            args[0] = "frame";
            args[1] = "encode";
            encodeArgs.CopyTo(args, 2);
            CliResult encoded = CliRunner.Run(args);
            Assert.True(encoded.ExitCode == 0, encoded.Stderr);
            Assert.Matches("^[0-9a-f]+$", encoded.Line);

            CliResult decoded = CliRunner.Run("frame", "decode", encoded.Line);
            Assert.True(decoded.ExitCode == 0, decoded.Stdout + decoded.Stderr);
            return decoded.Json();
        }

        [Fact]
        public void Settings_0010_from_value()
        {
            JsonElement json = RoundTrip("--command", "0x0010", "--settings", "7");
            Assert.Equal("0x0010", json.GetProperty("command").GetString());
            Assert.Equal(7, json.GetProperty("settings").GetInt32());
            Assert.Equal("0007", json.GetProperty("body").GetString());
        }

        [Theory]
        [InlineData("3", "on", 7)]
        [InlineData("Warning", "on", 6)]
        [InlineData("off", "off", 0)]
        [InlineData("1", "off", 1)]
        public void Settings_0010_from_log_level_and_LED(string level, string led, int settings)
        {
            JsonElement json = RoundTrip("--command", "16", "--log-level", level, "--led", led);
            Assert.Equal(settings, json.GetProperty("settings").GetInt32());
            Assert.Equal(led == "on", json.GetProperty("indicatorLed").GetBoolean());
        }

        [Fact]
        public void Settings_ack_0011()
        {
            CliResult r = CliRunner.Run("frame", "encode", "--command", "0x0011");
            Assert.Equal("0000000303000011", r.Line);
            Assert.Equal("0x0011", RoundTrip("--command", "0x0011").GetProperty("command").GetString());
        }

        [Fact]
        public void Log_0012()
        {
            JsonElement json = RoundTrip("--command", "0x0012", "--level", "2", "--tag", "relay", "--source", "Core", "--content", "开关已打开 relay on 😀");
            Assert.Equal(2, json.GetProperty("level").GetInt32());
            Assert.Equal("relay", json.GetProperty("tag").GetString());
            Assert.Equal("Core", json.GetProperty("source").GetString());
            Assert.Equal("开关已打开 relay on 😀", json.GetProperty("content").GetString());
        }

        [Fact]
        public void At_sign_is_a_value_not_a_response_file()
        {
            JsonElement json = RoundTrip("--command", "0x0012", "--level", "3", "--tag", "@tag", "--content", "@nonexistent-file");
            Assert.Equal("@tag", json.GetProperty("tag").GetString());
            Assert.Equal("@nonexistent-file", json.GetProperty("content").GetString());
        }

        [Fact]
        public void Log_0012_matches_vector()
        {
            CliResult r = CliRunner.Run("frame", "encode", "--command", "0x0012", "--level", "2", "--tag", "relay", "--source", "Core", "--content", "开关已打开 relay on");
            Assert.Equal(FrameVectors.Get("log-utf8").FrameHex, r.Line);
        }

        [Fact]
        public void Log_0012_tag_at_limit()
        {
            JsonElement json = RoundTrip("--command", "0x0012", "--level", "3", "--tag", new string('t', 256));
            Assert.Equal(256, json.GetProperty("tag").GetString()!.Length);
        }

        [Theory]
        [InlineData("0x0090")]
        [InlineData("0x0091")]
        public void Business(string command)
        {
            JsonElement json = RoundTrip("--command", command, "--body", "01:02:ff");
            Assert.Equal(command, json.GetProperty("command").GetString());
            Assert.Equal("0102ff", json.GetProperty("body").GetString());
        }

        [Fact]
        public void Business_empty_body()
        {
            CliResult r = CliRunner.Run("frame", "encode", "--command", "0x0090");
            Assert.Equal("0000000303000090", r.Line);
        }

        [Fact]
        public void Business_large_body_takes_three_byte_varlen()
        {
            string body = Convert.ToHexStringLower(new byte[65535]);
            JsonElement json = RoundTrip("--command", "0x0091", "--body", body);
            Assert.Equal(body, json.GetProperty("body").GetString());
        }

        [Fact]
        public void Device_online_0092()
        {
            JsonElement json = RoundTrip("--command", "0x0092", "--mac", "8266ffeeddcc", "--passcode", "ABCDEFGHIJ", "--online", "false", "--business-version", "0001");
            Assert.Equal("8266ffeeddcc", json.GetProperty("mac").GetString());
            Assert.Equal("ABCDEFGHIJ", json.GetProperty("passcode").GetString());
            Assert.False(json.GetProperty("online").GetBoolean());
            Assert.Equal("0x00000003", json.GetProperty("protocolVersion").GetString());
            Assert.Equal("0001", json.GetProperty("businessVersion").GetString());
        }

        [Fact]
        public void Device_online_0092_matches_vector()
        {
            CliResult r = CliRunner.Run("frame", "encode", "--command", "0x0092", "--mac", "8266ffeeddcc", "--passcode", "ABCDEFGHIJ", "--online", "true", "--business-version", "0001", "--protocol-version", "3");
            Assert.Equal(FrameVectors.Get("online").FrameHex, r.Line);
        }

        [Theory]
        [InlineData("0x0093")]
        [InlineData("0x0094")]
        public void Business_with_sn(string command)
        {
            JsonElement json = RoundTrip("--command", command, "--sn", "0xdeadbeef", "--body", "030102");
            Assert.Equal(command, json.GetProperty("command").GetString());
            Assert.Equal(0xdeadbeefu, json.GetProperty("sn").GetUInt32());
            Assert.Equal("030102", json.GetProperty("body").GetString());
        }

        [Fact]
        public void Flags_are_patched_into_typed_frames()
        {
            JsonElement json = RoundTrip("--command", "0x0093", "--sn", "7", "--body", "02", "--flags", "0x80");
            Assert.Equal(0x80, json.GetProperty("flags").GetInt32());
            Assert.Equal(7u, json.GetProperty("sn").GetUInt32());
        }

        [Fact]
        public void Raw_writes_body_as_given()
        {
            CliResult r = CliRunner.Run("frame", "encode", "--command", "0x0093", "--raw", "--body", "0102");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("00000003050000930102", r.Line);

            // The strict decoder refuses what --raw wrote: 0x0093 needs a 4-byte sn.
            CliResult d = CliRunner.Run("frame", "decode", r.Line);
            Assert.Equal(2, d.ExitCode);
            Assert.Equal("BodyTooShort", d.Json().GetProperty("error").GetString());
        }

        [Fact]
        public void Unknown_command_is_written_raw()
        {
            CliResult r = CliRunner.Run("frame", "encode", "--command", "0x1234", "--body", "0102", "--flags", "1");
            Assert.Equal("00000003050112340102", r.Line);
        }

        [Theory]
        [InlineData("FieldOverLimit", "--command", "0x0012", "--level", "2", "--tag", "@257")]
        [InlineData("FieldOverLimit", "--command", "0x0012", "--level", "2", "--source", "@33")]
        [InlineData("FieldOverLimit", "--command", "0x0092", "--mac", "@33", "--passcode", "p", "--online", "true", "--business-version", "1")]
        [InlineData("FieldOverLimit", "--command", "0x0092", "--mac", "m", "--passcode", "p", "--online", "true", "--business-version", "@65")]
        [InlineData("FieldOutOfRange", "--command", "0x0012", "--level", "4")]
        [InlineData("FieldOutOfRange", "--command", "0x0012", "--level", "0")]
        public void Encode_error_is_exit_2_with_error_name(string error, params string[] options)
        {
            string[] args = new string[options.Length + 2];
            args[0] = "frame";
            args[1] = "encode";
            for (int i = 0; i < options.Length; i++)
            {
                // "@N" stands for a string of N letters.
                args[i + 2] = options[i].StartsWith('@') ? new string('x', int.Parse(options[i].AsSpan(1), provider: System.Globalization.CultureInfo.InvariantCulture)) : options[i];
            }

            CliResult r = CliRunner.Run(args);

            Assert.Equal(2, r.ExitCode);
            Assert.Equal($"{{\"error\":\"{error}\"}}", r.Line);
            Assert.Contains(error, r.Stderr, StringComparison.Ordinal);
        }

        [Fact]
        public void Lone_surrogate_is_bad_UTF8()
        {
            // Not InlineData: xunit's serialization of theory data would replace the lone surrogate.
            CliResult r = CliRunner.Run("frame", "encode", "--command", "0x0012", "--level", "1", "--content", "a\ud800b");
            Assert.Equal(2, r.ExitCode);
            Assert.Equal("{\"error\":\"BadUtf8\"}", r.Line);
        }

        [Fact]
        public void Business_data_over_limit_is_field_over_limit()
        {
            CliResult r = CliRunner.Run("frame", "encode", "--command", "0x0090", "--body", Convert.ToHexStringLower(new byte[65536]));
            Assert.Equal(2, r.ExitCode);
            Assert.Equal("{\"error\":\"FieldOverLimit\"}", r.Line);
        }

        [Theory]
        [InlineData("needs --sn", "--command", "0x0093", "--body", "02")]
        [InlineData("needs --level", "--command", "0x0012", "--tag", "t")]
        [InlineData("needs --settings", "--command", "0x0010")]
        [InlineData("needs --settings", "--command", "0x0010", "--log-level", "3")]
        [InlineData("not both", "--command", "0x0010", "--settings", "7", "--led", "on")]
        [InlineData("missing --passcode", "--command", "0x0092", "--mac", "m", "--online", "true", "--business-version", "1")]
        [InlineData("missing --online", "--command", "0x0092", "--mac", "m", "--passcode", "p", "--business-version", "1")]
        [InlineData("--tag does not apply", "--command", "0x0010", "--settings", "7", "--tag", "x")]
        [InlineData("--sn does not apply", "--command", "0x0093", "--raw", "--sn", "1")]
        [InlineData("--online does not apply", "--command", "0x0090", "--online", "true")]
        [InlineData("is required", "--body", "02")]
        [InlineData("not a number", "--command", "zz")]
        [InlineData("out of range", "--command", "0x10000")]
        [InlineData("out of range", "--command", "0x0093", "--sn", "4294967296")]
        [InlineData("out of range", "--command", "0x0090", "--flags", "256")]
        [InlineData("'zz' at position 2 is not hex", "--command", "0x0090", "--body", "01zz")]
        [InlineData("not 0-3", "--command", "0x0010", "--log-level", "4", "--led", "on")]
        public void Usage_error_is_exit_2_with_message(string message, params string[] options)
        {
            string[] args = new string[options.Length + 2];
            args[0] = "frame";
            args[1] = "encode";
            options.CopyTo(args, 2);

            CliResult r = CliRunner.Run(args);

            Assert.Equal(2, r.ExitCode);
            Assert.Equal(string.Empty, r.Stdout);
            Assert.StartsWith("error: ", r.Stderr, StringComparison.Ordinal);
            Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
        }
    }
}
