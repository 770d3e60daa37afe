using DeviceFirmware.Protocol;
using Xunit;

namespace DeviceFirmware.Tests.Protocol
{
    /// <summary>The 0x0010 settings bits (docs/protocol.md §3 [ours]): bits 0–1 log level, bit 2 LED, bits 3–15 reserved.</summary>
    public class DeviceSettingsTests
    {
        [Theory]
        [InlineData(0, LogLevel.Off)]
        [InlineData(1, LogLevel.Error)]
        [InlineData(2, LogLevel.Warning)]
        [InlineData(3, LogLevel.Info)]
        [InlineData(0xFFFC, LogLevel.Off)]
        [InlineData(0xFFFD, LogLevel.Error)]
        [InlineData(0x0006, LogLevel.Warning)]
        [InlineData(0xFFFF, LogLevel.Info)]
        public void Log_level_is_bits_0_to_1(int settings, LogLevel expected)
        {
            Assert.Equal(expected, DeviceSettings.GetLogLevel(settings));
        }

        [Theory]
        [InlineData(0x0004, true)]
        [InlineData(0x0007, true)]
        [InlineData(0xFFFF, true)]
        [InlineData(0x0000, false)]
        [InlineData(0x0003, false)]
        [InlineData(0xFFFB, false)]
        public void LED_is_bit_2(int settings, bool expected)
        {
            Assert.Equal(expected, DeviceSettings.IsIndicatorLedEnabled(settings));
        }

        [Fact]
        public void Each_reserved_bit_is_detected_and_nothing_else_is()
        {
            for (int bit = 0; bit < 16; bit++)
            {
                Assert.Equal(bit >= 3, DeviceSettings.HasReservedBits(1 << bit));
            }

            Assert.False(DeviceSettings.HasReservedBits(0x0007));
            Assert.True(DeviceSettings.HasReservedBits(0xFFFF));
        }

        [Fact]
        public void Masks_partition_sixteen_bits()
        {
            Assert.Equal(0x0003, DeviceSettings.LogLevelMask);
            Assert.Equal(0x0004, DeviceSettings.IndicatorLedBit);
            Assert.Equal(0xFFF8, DeviceSettings.ReservedMask);
            Assert.Equal(0xFFFF, DeviceSettings.LogLevelMask | DeviceSettings.IndicatorLedBit | DeviceSettings.ReservedMask);
            Assert.Equal(0, DeviceSettings.LogLevelMask & DeviceSettings.IndicatorLedBit);
            Assert.Equal(0, (DeviceSettings.LogLevelMask | DeviceSettings.IndicatorLedBit) & DeviceSettings.ReservedMask);
        }

        [Theory]
        [InlineData(LogLevel.Off, false, 0x0000)]
        [InlineData(LogLevel.Error, false, 0x0001)]
        [InlineData(LogLevel.Warning, false, 0x0002)]
        [InlineData(LogLevel.Info, false, 0x0003)]
        [InlineData(LogLevel.Off, true, 0x0004)]
        [InlineData(LogLevel.Error, true, 0x0005)]
        [InlineData(LogLevel.Warning, true, 0x0006)]
        [InlineData(LogLevel.Info, true, 0x0007)]
        public void Compose_round_trips(LogLevel level, bool led, int expected)
        {
            int settings = DeviceSettings.Compose(level, led);
            Assert.Equal(expected, settings);
            Assert.Equal(level, DeviceSettings.GetLogLevel(settings));
            Assert.Equal(led, DeviceSettings.IsIndicatorLedEnabled(settings));
            Assert.False(DeviceSettings.HasReservedBits(settings));
        }

        [Fact]
        public void Decompose_and_compose_recover_every_value_minus_reserved_bits()
        {
            for (int settings = 0; settings <= 0xFFFF; settings++)
            {
                int again = DeviceSettings.Compose(DeviceSettings.GetLogLevel(settings), DeviceSettings.IsIndicatorLedEnabled(settings));
                Assert.Equal(settings & 0x0007, again);
                Assert.Equal((settings & 0xFFF8) != 0, DeviceSettings.HasReservedBits(settings));
            }
        }

        [Fact]
        public void Default_is_warning_with_LED_on()
        {
            Assert.Equal(0x0006, DeviceSettings.Default);
            Assert.Equal(LogLevel.Warning, DeviceSettings.GetLogLevel(DeviceSettings.Default));
            Assert.True(DeviceSettings.IsIndicatorLedEnabled(DeviceSettings.Default));
            Assert.False(DeviceSettings.HasReservedBits(DeviceSettings.Default));
        }

        [Fact]
        public void Log_level_values_are_the_wire_values()
        {
            Assert.Equal(0, (int)LogLevel.Off);
            Assert.Equal(1, (int)LogLevel.Error);
            Assert.Equal(2, (int)LogLevel.Warning);
            Assert.Equal(3, (int)LogLevel.Info);
        }
    }
}
