using System;
using DeviceFirmware.Core;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core
{
    public class Fnv1aTests
    {
        [Fact]
        public void The_hash_is_32_bit_fnv_1a()
        {
            // FNV-1a test vectors: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
            Assert.Equal(0x811c9dc5u, Fnv1a.Of(Array.Empty<byte>(), 0, 0));
            Assert.Equal(0xe40c292cu, Fnv1a.Of(new[] { (byte)'a' }, 0, 1));
            Assert.Equal(0xbf9cf968u, Fnv1a.Of("foobar"u8.ToArray(), 0, 6));
        }

        [Fact]
        public void A_string_hashes_as_its_ascii_bytes_do()
        {
            Assert.Equal(Fnv1a.Of("foobar"u8.ToArray(), 0, 6), Fnv1a.Of("foobar"));
            Assert.Equal(0x811c9dc5u, Fnv1a.Of(string.Empty));
        }
    }
}
