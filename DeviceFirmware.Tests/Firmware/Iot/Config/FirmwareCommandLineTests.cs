using System;
using System.IO;
using DeviceFirmware.Iot.Config;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Config
{
    public class FirmwareCommandLineTests : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("fw-cli-").FullName;
        private readonly string product = Path.Combine(AppContext.BaseDirectory, "hardware", "products", "gokit.json");

        public void Dispose() => Directory.Delete(folder, true);

        private (int Code, FirmwareOptions? Options, string Errors) Run(params string[] args)
        {
            FirmwareOptions? seen = null;
            var stderr = new StringWriter();
            int code = FirmwareCommandLine.Run(args, new StringWriter(), stderr, o =>
            {
                seen = o;
                return 0;
            });
            return (code, seen, stderr.ToString());
        }

        [Fact]
        public void Command_line_values_reach_the_options()
        {
            var (code, options, errors) = Run("--did", "dev1", "--passcode", "PASS", "--m2m", "127.0.0.1:1883", "--product", product, "--board", "simulated", "--log-level", "info", "--keep-alive", "300");
            Assert.True(code == 0, errors);
            Assert.Equal("dev1", options!.Did);
            Assert.Equal("PASS", options.Passcode);
            Assert.Equal("127.0.0.1:1883", options.M2m);
            Assert.Equal("info", options.LogLevel);
            Assert.Equal(300, options.KeepAliveSeconds);
            Assert.Equal(60000, options.PingIntervalMs);
        }

        [Fact]
        public void The_command_line_wins_over_the_file_and_the_file_over_defaults()
        {
            string config = Path.Combine(folder, "fw.json");
            File.WriteAllText(config, "{ \"did\": \"fromfile\", \"passcode\": \"P\", \"m2m\": \"127.0.0.1:1\", \"product\": \"" + product.Replace("\\", "\\\\", StringComparison.Ordinal) + "\", \"board\": \"simulated\", \"reconnectStepMs\": 500, }");
            var (code, options, errors) = Run("--config", config, "--did", "fromcli");
            Assert.True(code == 0, errors);
            Assert.Equal("fromcli", options!.Did);
            Assert.Equal("P", options.Passcode);
            Assert.Equal(500, options.ReconnectStepMs);
        }

        [Fact]
        public void The_shipped_example_configuration_loads()
        {
            Assert.True(FirmwareCommandLine.TryLoadFile(Path.Combine(RepoPaths.Root, "hardware", "systemd", "config.example.json"), out FirmwareOptions? options, out string error), error);
            Assert.Equal("raspberry-pi-4", options!.Board);
            Assert.Null(options.Did);
        }

        [Fact]
        public void A_misspelt_key_in_the_file_is_an_error_naming_the_file()
        {
            string config = Path.Combine(folder, "bad.json");
            File.WriteAllText(config, "{ \"pasccode\": \"P\" }");
            var (code, options, errors) = Run("--config", config);
            Assert.Equal(FirmwareCommandLine.UsageError, code);
            Assert.Null(options);
            Assert.Contains("bad.json", errors, StringComparison.Ordinal);
            Assert.Contains("pasccode", errors, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("--m2m", "nohost", "--m2m")]
        [InlineData("--log-level", "loud", "--log-level")]
        [InlineData("--keep-alive", "601", "keepAliveSeconds")]
        [InlineData("--ping-interval-ms", "1000", "pingIntervalMs")]
        [InlineData("--did", "a/b", "--did")]
        [InlineData("--board", "no-such-board", "--board")]
        [InlineData("--sim-control", "127.0.0.1:x", "--sim-control")]
        public void Each_bad_value_is_named_and_nothing_runs(string option, string value, string named)
        {
            string[] args = { "--did", "dev1", "--passcode", "P", "--m2m", "127.0.0.1:1883", "--product", product, "--board", "simulated", option, value };
            var (code, options, errors) = Run(args);
            Assert.Equal(FirmwareCommandLine.UsageError, code);
            Assert.Null(options);
            Assert.Contains(named, errors, StringComparison.Ordinal);
        }

        [Fact]
        public void Sim_control_takes_the_simulated_board_or_a_board_file_but_not_a_real_board()
        {
            string boardFile = Path.Combine(RepoPaths.Root, "DeviceFirmware.Tests", "Hil", "Boards", "boiler-var-len-simulated.json");
            string[] common = { "--did", "dev1", "--passcode", "P", "--m2m", "127.0.0.1:1883", "--product", product, "--sim-control", "127.0.0.1:0" };
            var (code, _, errors) = Run([.. common, "--board", boardFile]);
            Assert.True(code == 0, errors);
            (code, _, errors) = Run([.. common, "--board", "raspberry-pi-4"]);
            Assert.Equal(FirmwareCommandLine.UsageError, code);
            Assert.Contains("--sim-control: only with --board simulated", errors, StringComparison.Ordinal);
        }

        [Fact]
        public void Without_did_or_gservice_it_says_how_to_get_an_identity()
        {
            var (code, _, errors) = Run("--m2m", "127.0.0.1:1883", "--product", product, "--board", "simulated", "--state-file", Path.Combine(folder, "none.json"));
            Assert.Equal(FirmwareCommandLine.UsageError, code);
            Assert.Contains("--gservice", errors, StringComparison.Ordinal);
        }

        [Fact]
        public void An_unknown_option_is_a_usage_error()
        {
            var (code, options, errors) = Run("--relay-on");
            Assert.Equal(FirmwareCommandLine.UsageError, code);
            Assert.Null(options);
            Assert.Contains("--relay-on", errors, StringComparison.Ordinal);
        }
    }
}
