using DeviceFirmware.Protocol.Identity;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.Identity
{
    /// <summary>The App's MQTT user name 2$appid$uid.</summary>
    public class AppUserNameTests
    {
        [Fact]
        public void Builds_the_seed_example()
        {
            Assert.Equal("2$123$abc", AppUserName.Build("123", "abc"));
        }

        [Theory]
        [InlineData("", "abc")]
        [InlineData("123", "")]
        [InlineData("1$3", "abc")]
        [InlineData("123", "a$c")]
        [InlineData("123", "a\nc")]
        [InlineData("1\u007F3", "abc")]
        public void Build_refuses(string appId, string uid)
        {
            Assert.Null(AppUserName.Build(appId, uid));
        }

        [Fact]
        public void Build_refuses_null()
        {
            Assert.Null(AppUserName.Build(null!, "abc"));
            Assert.Null(AppUserName.Build("123", null!));
        }

        [Theory]
        [InlineData("2$123$abc", 2, 3, 6, 3)]
        [InlineData("2$a$b", 2, 1, 4, 1)]
        [InlineData("2$d6b1c3e2f$0123456789abcdef0123456789abcdef", 2, 9, 12, 32)]
        [InlineData("2$app id$u:d", 2, 6, 9, 3)]
        public void Try_parse_gives_the_ranges(string userName, int appIdStart, int appIdLength, int uidStart, int uidLength)
        {
            Assert.True(AppUserName.TryParse(userName, out int a, out int b, out int c, out int d));
            Assert.Equal((appIdStart, appIdLength, uidStart, uidLength), (a, b, c, d));
        }

        [Fact]
        public void Try_parse_of_build_round_trips()
        {
            string built = AppUserName.Build("e4f2a1", "9c0d")!;
            Assert.True(AppUserName.TryParse(built, out int a, out int b, out int c, out int d));
            Assert.Equal("e4f2a1", built.Substring(a, b));
            Assert.Equal("9c0d", built.Substring(c, d));
        }

        [Theory]
        [InlineData("")]
        [InlineData("2")]
        [InlineData("2$")]
        [InlineData("2$123")]
        [InlineData("2$123$")]
        [InlineData("2$$abc")]
        [InlineData("2$$")]
        [InlineData("2$1$")]
        [InlineData("3$123$abc")]
        [InlineData("1$123$abc")]
        [InlineData("2#123$abc")]
        [InlineData("x2$123$abc")]
        [InlineData("2$123$abc$")]
        [InlineData("2$12$3$abc")]
        [InlineData("2$123$ab\nc")]
        [InlineData("2$1\u00003$abc")]
        [InlineData("2$123abc")]
        public void Try_parse_refuses(string userName)
        {
            Assert.False(AppUserName.TryParse(userName, out _, out _, out _, out _));
        }

        [Fact]
        public void Try_parse_refuses_null()
        {
            Assert.False(AppUserName.TryParse(null!, out _, out _, out _, out _));
        }
    }
}
