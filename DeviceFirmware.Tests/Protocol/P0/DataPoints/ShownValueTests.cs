using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.DataPoints
{
    /// <summary>Shown value y = ratio·x + addition and its inverse TryToRaw (rounded to nearest, bounded by min..max).</summary>
    public class ShownValueTests
    {
        /// <summary>A standalone uint16 point like GoKit's Temperature, for the bugs found while writing the generator and gizctl p0 (kept so they stay fixed).</summary>
        private static readonly DataPoint Temperature =
            new DataPoint(8, "Temperature", "Temperature", DataPointType.ReadOnly, DataType.UInt16, 7, 0, 2, false, null, 0, 1000, 0.1, -40);

        [Theory]
        [InlineData(615, 21.5)]   // 0.1·615 - 40
        [InlineData(0, -40.0)]    // min
        [InlineData(1000, 60.0)]  // max: 0.1·1000 - 40
        [InlineData(400, 0.0)]
        public void Temperature_shown(long raw, double shown)
        {
            DataPoint t = P0TestData.GoKit().Find("Temperature")!;
            Assert.Equal(shown, t.ToShown(raw), 9);
        }

        [Theory]
        [InlineData(21.5, 615)]
        [InlineData(21.54, 615)]  // 615.4 → 615
        [InlineData(21.56, 616)]  // 615.6 → 616
        [InlineData(-40.0, 0)]
        [InlineData(-40.04, 0)]   // -0.4 → nearest step is 0
        [InlineData(60.0, 1000)]
        public void Temperature_to_raw(double shown, long raw)
        {
            DataPoint t = P0TestData.GoKit().Find("Temperature")!;
            Assert.True(t.TryToRaw(shown, out long x));
            Assert.Equal(raw, x);
        }

        [Theory]
        [InlineData(-40.1)]  // → -1
        [InlineData(60.1)]   // → 1001
        [InlineData(1e30)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(double.NegativeInfinity)]
        public void Temperature_out_of_range(double shown)
        {
            DataPoint t = P0TestData.GoKit().Find("Temperature")!;
            Assert.False(t.TryToRaw(shown, out _));
        }

        [Theory]
        [InlineData(0, -5.0)]
        [InlineData(5, 0.0)]
        [InlineData(10, 5.0)]
        public void Motor_speed_shown(long raw, double shown)
        {
            DataPoint m = P0TestData.GoKit().Find("Motor_Speed")!;
            Assert.Equal(shown, m.ToShown(raw), 9);
            Assert.True(m.TryToRaw(shown, out long x));
            Assert.Equal(raw, x);
        }

        [Theory]
        [InlineData(2.4, true, 7)]
        [InlineData(2.6, true, 8)]
        [InlineData(-5.4, true, 0)]
        [InlineData(5.4, true, 10)]
        [InlineData(5.6, false, 11)]
        [InlineData(-5.6, false, -1)]
        public void Motor_speed_rounds_and_bounds(double shown, bool ok, long raw)
        {
            DataPoint m = P0TestData.GoKit().Find("Motor_Speed")!;
            Assert.Equal(ok, m.TryToRaw(shown, out long x));
            Assert.Equal(raw, x);
        }

        [Fact]
        public void NaN_is_not_a_value()
        {
            // (long)NaN is 0 on .NET, so TryToRaw(NaN) "rounds" to 0, which is inside min..max.
            DataPoint m = P0TestData.GoKit().Find("Motor_Speed")!;
            Assert.False(m.TryToRaw(double.NaN, out _));
            DataPoint t = P0TestData.GoKit().Find("Temperature")!;
            Assert.False(t.TryToRaw(double.NaN, out _));
        }

        [Theory]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(double.NegativeInfinity)]
        [InlineData(1e300)]
        [InlineData(-1e300)]
        public void Try_to_raw_refuses_values_that_are_not_numbers_or_far_out_of_range(double shown)
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
        public void Try_to_raw_still_rounds_to_the_nearest_step(double shown, long raw)
        {
            Assert.True(Temperature.TryToRaw(shown, out long actual));
            Assert.Equal(raw, actual);
        }

        [Theory]
        [InlineData(-40.06)]
        [InlineData(60.06)]
        public void Try_to_raw_refuses_just_outside(double shown) => Assert.False(Temperature.TryToRaw(shown, out _));
    }
}
