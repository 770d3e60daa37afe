using System;
using System.IO;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.Iot.Config;
using DeviceFirmware.Iot.Hosting;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Config
{
    /// <summary><c>--mqtt-version 3.1|3.1.1</c> and the <c>mqttVersion</c> key: 3.1 (MQIsdp/3) unless told otherwise.</summary>
    public class MqttVersionOptionTests : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("fw-mqttv-").FullName;
        private readonly string product = Path.Combine(AppContext.BaseDirectory, "hardware", "products", "gokit.json");

        public void Dispose() => Directory.Delete(folder, true);

        private (int Code, FirmwareOptions? Options, string Errors) Run(params string[] args)
        {
            FirmwareOptions? seen = null;
            var stderr = new StringWriter();
            string[] all = [.. new[] { "--did", "dev1", "--passcode", "P", "--m2m", "127.0.0.1:1883", "--product", product, "--board", "simulated" }, .. args];
            int code = FirmwareCommandLine.Run(all, new StringWriter(), stderr, o =>
            {
                seen = o;
                return 0;
            });
            return (code, seen, stderr.ToString());
        }

        private static MqttVersion VersionOf(FirmwareOptions options) => FirmwareService.MqttConnectionFor(new HostPort("127.0.0.1", 1883), options).Version;

        [Fact]
        public void Without_the_option_the_device_speaks_MQTT_3_1()
        {
            var (code, options, errors) = Run();
            Assert.True(code == 0, errors);
            Assert.Null(options!.MqttVersion);
            Assert.Equal(MqttVersion.V3_1, VersionOf(options));
            Assert.Equal(MqttVersion.V3_1, VersionOf(new FirmwareOptions()));
        }

        [Theory]
        [InlineData("3.1", MqttVersion.V3_1)]
        [InlineData("3.1.1", MqttVersion.V3_1_1)]
        public void The_option_chooses_the_version(string text, MqttVersion expected)
        {
            var (code, options, errors) = Run("--mqtt-version", text);
            Assert.True(code == 0, errors);
            Assert.Equal(expected, VersionOf(options!));
        }

        [Fact]
        public void The_config_key_is_mqttVersion_and_the_command_line_wins()
        {
            string config = Path.Combine(folder, "fw.json");
            File.WriteAllText(config, "{ \"mqttVersion\": \"3.1.1\" }");
            Assert.Equal(MqttVersion.V3_1_1, VersionOf(Run("--config", config).Options!));
            Assert.Equal(MqttVersion.V3_1, VersionOf(Run("--config", config, "--mqtt-version", "3.1").Options!));
        }

        [Theory]
        [InlineData("5")]
        [InlineData("3.2")]
        [InlineData("")]
        public void Another_version_is_refused_naming_the_option(string text)
        {
            var (code, _, errors) = Run("--mqtt-version", text);
            Assert.Equal(FirmwareCommandLine.UsageError, code);
            Assert.Contains("--mqtt-version", errors, StringComparison.Ordinal);
        }

        [Fact]
        public void Names_and_protocol_names_are_the_wire_ones()
        {
            Assert.Equal("MQIsdp", MqttVersions.ProtocolName(MqttVersion.V3_1));
            Assert.Equal("MQTT", MqttVersions.ProtocolName(MqttVersion.V3_1_1));
            Assert.Equal(3, (int)MqttVersion.V3_1);
            Assert.Equal(4, (int)MqttVersion.V3_1_1);
            Assert.Equal("3.1.1", MqttVersions.Name(MqttVersion.V3_1_1));
            Assert.True(MqttVersions.TryParse("4", out MqttVersion four));
            Assert.Equal(MqttVersion.V3_1_1, four);
        }
    }
}
