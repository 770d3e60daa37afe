using DeviceFirmware.Tests.Support;
using Xunit;
using Utf8 = DeviceFirmware.Protocol.Text.Utf8;

namespace DeviceFirmware.Tests.Protocol.Text
{
    /// <summary>Utf8 on fixed examples: where FindInvalid points, FitPrefix at boundaries.</summary>
    public class Utf8Tests
    {
        [Theory]
        [InlineData("41c080", 1)]        // overlong 2-byte
        [InlineData("c1bf", 0)]          // overlong 2-byte
        [InlineData("80", 0)]            // lone continuation
        [InlineData("4142bf", 2)]
        [InlineData("eda080", 1)]        // surrogate: bad second byte
        [InlineData("edbfbf", 1)]
        [InlineData("e08080", 1)]        // overlong 3-byte
        [InlineData("f08f8080", 1)]      // overlong 4-byte
        [InlineData("f4908080", 1)]      // above U+10FFFF
        [InlineData("f5808080", 0)]
        [InlineData("ff", 0)]
        [InlineData("e4b8", 0)]          // truncated
        [InlineData("41e4", 1)]
        [InlineData("f0908080f09080", 4)] // second one truncated
        [InlineData("e4b841", 2)]        // bad third byte
        [InlineData("f09080c0", 3)]      // bad fourth byte
        public void Find_invalid_points_at_the_bad_byte(string hex, int index)
        {
            byte[] bytes = Hex.Parse("ee" + hex); // the leading byte is outside the checked range
            Assert.Equal(1 + index, Utf8.FindInvalid(bytes, 1, bytes.Length - 1));
        }

        [Theory]
        [InlineData("")]
        [InlineData("00417f")]
        [InlineData("c280dfbf")]
        [InlineData("e0a080ed9fbfee8080efbfbf")]
        [InlineData("f0908080f48fbfbf")]
        public void Find_invalid_accepts_boundaries(string hex)
        {
            byte[] bytes = Hex.Parse(hex);
            Assert.Equal(-1, Utf8.FindInvalid(bytes, 0, bytes.Length));
        }

        [Theory]
        [InlineData("aé中😀", 0, 0)]
        [InlineData("aé中😀", 1, 1)]
        [InlineData("aé中😀", 2, 1)]
        [InlineData("aé中😀", 3, 2)]
        [InlineData("aé中😀", 5, 2)]
        [InlineData("aé中😀", 6, 3)]
        [InlineData("aé中😀", 9, 3)]
        [InlineData("aé中😀", 10, 5)]
        [InlineData("aé中😀", 100, 5)]
        public void Fit_prefix_stops_before_a_char_that_does_not_fit(string text, int maxBytes, int chars)
        {
            Assert.Equal(chars, Utf8.FitPrefix(text, maxBytes));
        }

        [Fact]
        public void Fit_prefix_stops_at_a_lone_surrogate()
        {
            Assert.Equal(1, Utf8.FitPrefix("a\uD800b", 10));
            Assert.Equal(1, Utf8.FitPrefix("a\uDC00", 10));
            Assert.Equal(2, Utf8.FitPrefix("ab\uD83D", 10));
        }

        [Fact]
        public void Equals_refuses_null_and_length_mismatch()
        {
            byte[] hi = { 0x68, 0x69 };
            Assert.True(Utf8.Equals(hi, 0, 2, "hi"));
            Assert.False(Utf8.Equals(hi, 0, 2, null!));
            Assert.False(Utf8.Equals(hi, 0, 1, "hi"));
            Assert.False(Utf8.Equals(hi, 0, 2, "h"));
            Assert.False(Utf8.Equals(hi, 0, 2, "hj"));
        }
    }
}
