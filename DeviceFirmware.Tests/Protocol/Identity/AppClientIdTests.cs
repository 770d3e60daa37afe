using System;
using System.Collections.Generic;
using DeviceFirmware.Protocol.Identity;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.Identity
{
    /// <summary>AppClientId: "usr" prefix (case-sensitive), then only [0-9a-zA-Z], 3 to 23 chars in all.</summary>
    public class AppClientIdTests
    {
        [Theory]
        [InlineData("usr")] // the prefix alone: length 3 is the minimum the code accepts
        [InlineData("usr1")]
        [InlineData("usrABCxyz019")]
        [InlineData("usr01234567890123456789")] // 23
        [InlineData("usrZZZZZZZZZZZZZZZZZZZZ")]
        public void Valid(string value)
        {
            Assert.True(AppClientId.IsValid(value));
        }

        [Theory]
        [InlineData("")]
        [InlineData("u")]
        [InlineData("us")]
        [InlineData("Usr1")]
        [InlineData("USR1")]
        [InlineData("usx1")]
        [InlineData("1usr")]
        [InlineData("xusr1")]
        [InlineData("usr012345678901234567890")] // 24
        [InlineData("usr+")]
        [InlineData("usr#")]
        [InlineData("usr/1")]
        [InlineData("usr 1")]
        [InlineData("usr-1")]
        [InlineData("usr_1")]
        [InlineData("usr.1")]
        public void Invalid(string value)
        {
            Assert.False(AppClientId.IsValid(value));
        }

        [Theory]
        [InlineData(0x00)]
        [InlineData(0x7F)]
        [InlineData(0xE9)]   // é
        [InlineData(0xFF11)] // fullwidth 1
        [InlineData(0x0660)] // Arabic-Indic digit zero (char.IsDigit is true)
        [InlineData(0x00B2)] // superscript two
        public void Non_ascii_or_control_is_invalid(int code)
        {
            string value = "usr1" + (char)code + "2";
            Assert.False(AppClientId.IsValid(value));
            Assert.True(AppClientId.IsValid("usr1" + "a" + "2"));
        }

        [Fact]
        public void Null_is_invalid()
        {
            Assert.False(AppClientId.IsValid(null!));
            Assert.False(AppClientId.IsValid(null!, 0, 3));
        }

        [Fact]
        public void Slice_is_checked()
        {
            string topic = "app2dev/did/usr1abc";
            Assert.True(AppClientId.IsValid(topic, 12, 7));
            Assert.True(AppClientId.IsValid(topic, 12, 3));
            Assert.False(AppClientId.IsValid(topic, 11, 8)); // starts at '/'
            Assert.False(AppClientId.IsValid(topic, 12, 8)); // past the end
            Assert.False(AppClientId.IsValid(topic, -1, 7));
            Assert.False(AppClientId.IsValid(topic, 12, 2));
            Assert.False(AppClientId.IsValid(topic, 0, 7));
        }

        [Fact]
        public void New_random_is_valid_full_length_and_distinct()
        {
            var random = new Random(12345);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < 1000; i++)
            {
                string id = AppClientId.NewRandom(random);
                Assert.Equal(AppClientId.MaxLength, id.Length);
                Assert.Equal(23, id.Length);
                Assert.StartsWith("usr", id, StringComparison.Ordinal);
                Assert.True(AppClientId.IsValid(id), id);
                Assert.True(seen.Add(id), "repeated " + id);
            }
        }

        [Fact]
        public void New_random_uses_the_whole_alphabet()
        {
            var random = new Random(7);
            var chars = new HashSet<char>();
            for (int i = 0; i < 500; i++) chars.UnionWith(AppClientId.NewRandom(random).Substring(3));
            Assert.Equal(62, chars.Count);
        }

        [Fact]
        public void New_random_is_deterministic_for_a_seed()
        {
            Assert.Equal(AppClientId.NewRandom(new Random(99)), AppClientId.NewRandom(new Random(99)));
            Assert.NotEqual(AppClientId.NewRandom(new Random(99)), AppClientId.NewRandom(new Random(100)));
        }
    }
}
