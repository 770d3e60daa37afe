using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Core.Indicator;
using DeviceFirmware.Protocol;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Indicator
{
    public class IndicatorLedTests
    {
        private static int LitCount(IndicatorLed led, int periodMs, int stepMs)
        {
            int lit = 0;
            for (int t = 0; t < periodMs; t += stepMs) if (led.IsLit(t)) lit++;
            return lit;
        }

        [Fact]
        public void Connected_is_steady_on()
        {
            var led = new IndicatorLed(new DeviceRuntimeSettings()) { Pattern = LedPattern.Connected };
            Assert.Equal(100, LitCount(led, 10000, 100));
        }

        [Fact]
        public void Connecting_blinks_slowly_and_error_fast()
        {
            var led = new IndicatorLed(new DeviceRuntimeSettings()) { Pattern = LedPattern.Connecting };
            Assert.True(led.IsLit(0));
            Assert.True(led.IsLit(999));
            Assert.False(led.IsLit(1000));
            Assert.Equal(50, LitCount(led, 10000, 100));
            led.Pattern = LedPattern.Error;
            Assert.True(led.IsLit(0));
            Assert.False(led.IsLit(200));
            Assert.True(led.IsLit(400));
        }

        [Theory]
        [InlineData(LedPattern.Connecting)]
        [InlineData(LedPattern.Connected)]
        [InlineData(LedPattern.Error)]
        public void Dark_when_the_app_turned_it_off(LedPattern pattern)
        {
            var settings = new DeviceRuntimeSettings();
            settings.Apply(DeviceSettings.Compose(LogLevel.Warning, false));
            var led = new IndicatorLed(settings) { Pattern = pattern };
            Assert.Equal(0, LitCount(led, 10000, 50));
        }
    }
}
