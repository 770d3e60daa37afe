using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.P0;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0
{
    /// <summary>Bugs found in DeviceFirmware.Protocol while writing the generator and gizctl p0 (kept here so they stay fixed).</summary>
    public class GeneratorFoundBugsTests
    {
        private static readonly DataPoint Temperature =
            new DataPoint(8, "Temperature", "Temperature", DataPointType.ReadOnly, DataType.UInt16, 7, 0, 2, false, null, 0, 1000, 0.1, -40);

        [Theory]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(double.NegativeInfinity)]
        [InlineData(1e300)]
        [InlineData(-1e300)]
        public void TryToRawRefusesValuesThatAreNotNumbersOrFarOutOfRange(double shown)
        {
            // A failed sensor reading (NaN) used to become raw 0, i.e. a valid -40 °C report.
            Assert.False(Temperature.TryToRaw(shown, out _));
        }

        [Theory]
        [InlineData(21.5, 615)]
        [InlineData(-40.0, 0)]
        [InlineData(-40.04, 0)]
        [InlineData(60.0, 1000)]
        [InlineData(60.04, 1000)]
        public void TryToRawStillRoundsToTheNearestStep(double shown, long raw)
        {
            Assert.True(Temperature.TryToRaw(shown, out long actual));
            Assert.Equal(raw, actual);
        }

        [Theory]
        [InlineData(-40.06)]
        [InlineData(60.06)]
        public void TryToRawRefusesJustOutside(double shown) => Assert.False(Temperature.TryToRaw(shown, out _));

        [Fact]
        public void App2DevTopicComparesTheDidWithoutStringCompareOrdinal()
        {
            // Topics used string.CompareOrdinal, which nanoFramework's mscorlib 1.17.11 lacks; the in-place
            // comparison that replaced it must behave the same.
            string client = AppClientId.NewRandom(new System.Random(7));
            string topic = Topics.App2Dev("did0123456789abcdefABC", client);
            Assert.Equal(TopicError.None, Topics.ParseApp2Dev(topic, "did0123456789abcdefABC", out int start, out int length));
            Assert.Equal(client, topic.Substring(start, length));
            Assert.Equal(TopicError.OtherDid, Topics.ParseApp2Dev(topic, "did0123456789abcdefABD", out _, out _));
            Assert.Equal(TopicError.OtherDid, Topics.ParseApp2Dev(topic, "did0123456789abcdefAB", out _, out _));
        }
    }
}
