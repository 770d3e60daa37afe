using System;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.Identity
{
    /// <summary>Topic parsing and identity checks on the receive path allocate nothing.</summary>
    public class IdentityAllocationTests
    {
        [Fact]
        public void Parse_app_2_dev_allocates_nothing()
        {
            string did = "abcDEF0123456789xyzABC";
            string topic = Topics.App2Dev(did, "usr0123456789abcdefghij");
            string other = Topics.App2Dev("otherdid", "usr1");
            int sink = 0;
            Action parse = () =>
            {
                sink += (int)Topics.ParseApp2Dev(topic, did, out int start, out int length) + start + length;
                sink += (int)Topics.ParseApp2Dev(other, did, out start, out length);
            };
            Assert.Equal(0, Allocations.Of(parse));
            Assert.NotEqual(0, sink);
        }

        [Fact]
        public void Is_valid_checks_allocate_nothing()
        {
            string topic = "app2dev/did1/usr0123456789abcdefghij";
            int sink = 0;
            Action check = () =>
            {
                sink += AppClientId.IsValid(topic, 13, 23) ? 1 : 0;
                sink += AppClientId.IsValid(topic, 0, 7) ? 1 : 0;
                sink += Did.IsValid(topic, 8, 4) ? 1 : 0;
                sink += AppUserName.TryParse("2$123$abc", out int a, out int b, out int c, out int d) ? a + b + c + d : 0;
            };
            Assert.Equal(0, Allocations.Of(check));
            Assert.NotEqual(0, sink);
        }
    }
}
