using DeviceFirmware.Iot.Config;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Config
{
    public class HostPortTests
    {
        [Theory]
        [InlineData("127.0.0.1:1883", "127.0.0.1", 1883)]
        [InlineData("m2m.example.com:8883", "m2m.example.com", 8883)]
        [InlineData("[::1]:1", "::1", 1)]
        [InlineData("localhost:65535", "localhost", 65535)]
        public void Parses_host_and_port(string text, string host, int port)
        {
            Assert.True(HostPort.TryParse(text, out HostPort value, out _));
            Assert.Equal(host, value.Host);
            Assert.Equal(port, value.Port);
        }

        [Theory]
        [InlineData("")]
        [InlineData("127.0.0.1")]
        [InlineData("127.0.0.1:")]
        [InlineData(":1883")]
        [InlineData("host:0")]
        [InlineData("host:65536")]
        [InlineData("host:-1")]
        [InlineData("host:18x3")]
        public void Refuses_what_is_not_host_port(string text)
        {
            Assert.False(HostPort.TryParse(text, out _, out string error));
            Assert.NotEmpty(error);
        }
    }
}
