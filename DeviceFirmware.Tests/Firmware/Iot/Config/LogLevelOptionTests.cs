using DeviceFirmware.Iot.Config;
using DeviceFirmware.Protocol;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Config
{
    public class LogLevelOptionTests
    {
        [Theory]
        [InlineData(null, LogLevel.Warning)]
        [InlineData("off", LogLevel.Off)]
        [InlineData("0", LogLevel.Off)]
        [InlineData("Error", LogLevel.Error)]
        [InlineData("2", LogLevel.Warning)]
        [InlineData("INFO", LogLevel.Info)]
        [InlineData("3", LogLevel.Info)]
        public void Names_and_numbers(string? text, LogLevel expected)
        {
            Assert.True(LogLevelOption.TryParse(text, out LogLevel level));
            Assert.Equal(expected, level);
        }

        [Theory]
        [InlineData("4")]
        [InlineData("debug")]
        public void Others_are_refused(string text) => Assert.False(LogLevelOption.TryParse(text, out _));
    }
}
