using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Codec
{
    /// <summary>
    /// P0Writer promises "a flagged value out of range is refused, never cut". A status (0x03/0x04) and a
    /// variable report (0x13/0x14) carry their points just as a write carries its flagged ones, so a value that
    /// does not fit its field must be refused rather than silently truncated to different bits.
    /// </summary>
    public class WriterNeverCutsTests
    {

        [Theory]
        [InlineData("LED_Color", 5L, P0Error.EnumOutOfRange)]   // 0b101 in 2 bits → written as 01 (Yellow)
        [InlineData("Relay", 2L, P0Error.ValueOutOfRange)]      // 0b10 in 1 bit → written as 0
        [InlineData("LED_R", 300L, P0Error.ValueOutOfRange)]    // 0x12c in 1 byte → written as 0x2c
        [InlineData("Temperature", 70000L, P0Error.ValueOutOfRange)] // 0x11170 in 2 bytes → written as 0x1170
        public void Status_refuses_a_value_that_does_not_fit(string name, long raw, P0Error expected)
        {
            Product p = P0TestData.GoKit();
            var v = new DataPointValues(p);
            v.Set(P0TestData.Id(p, name), raw);
            byte[] buffer = new byte[p.MaxMessageSize];
            Assert.Equal(expected, P0Writer.WriteStatus(v, P0Action.Report, buffer, 0, out int n));
            Assert.Equal(0, n);
        }

        [Theory]
        [InlineData(P0Action.VariableReport)]
        [InlineData(P0Action.VariableReadReply)]
        public void Variable_report_refuses_a_value_that_does_not_fit(byte action)
        {
            Product p = P0TestData.GoKit();
            var v = new DataPointValues(p);
            v.Set(P0TestData.Id(p, "LED_Color"), 5);
            byte[] buffer = new byte[p.MaxMessageSize];
            Assert.Equal(P0Error.EnumOutOfRange, P0Writer.WriteVariable(action, v, P0TestData.Flags(p, "LED_Color"), buffer, 0, out int n));
            Assert.Equal(0, n);
        }
    }
}
