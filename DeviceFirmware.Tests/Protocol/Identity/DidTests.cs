using DeviceFirmware.Protocol.Identity;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.Identity
{
    /// <summary>Did: 1 to 64 printable ASCII chars (0x21–0x7E) other than '/', '+', '#'.</summary>
    public class DidTests
    {
        [Theory]
        [InlineData("a")]
        [InlineData("abcDEF0123456789xyzABC")]
        [InlineData("did-with.dots_and~tilde!$%&'()*,;=?@[]^`{|}\"<>:\\")]
        public void Valid(string did)
        {
            Assert.True(Did.IsValid(did));
        }

        [Fact]
        public void Length_limit_is_64()
        {
            Assert.Equal(64, Did.MaxLength);
            Assert.True(Did.IsValid(new string('d', 64)));
            Assert.False(Did.IsValid(new string('d', 65)));
            Assert.False(Did.IsValid(""));
            Assert.False(Did.IsValid(null!));
        }

        [Theory]
        [InlineData('/')]
        [InlineData('+')]
        [InlineData('#')]
        [InlineData(' ')]
        [InlineData('\0')]
        [InlineData('\t')]
        [InlineData('\n')]
        [InlineData((char)0x1F)]
        [InlineData((char)0x7F)]
        [InlineData((char)0x80)]
        [InlineData('é')]
        [InlineData('中')]
        public void Forbidden_char_anywhere_is_invalid(char c)
        {
            Assert.False(Did.IsValid(c.ToString()));
            Assert.False(Did.IsValid("ab" + c));
            Assert.False(Did.IsValid(c + "ab"));
            Assert.False(Did.IsValid("a" + c + "b"));
            Assert.True(Did.IsValid("a" + "x" + "b"));
        }

        [Fact]
        public void Slice_is_checked()
        {
            string topic = "app2dev/did1/usr1";
            Assert.True(Did.IsValid(topic, 8, 4));
            Assert.False(Did.IsValid(topic, 8, 5)); // includes '/'
            Assert.False(Did.IsValid(topic, 8, 0));
            Assert.False(Did.IsValid(topic, 14, 4)); // past the end
            Assert.False(Did.IsValid(topic, -1, 2));
        }
    }
}
