using System;
using DeviceFirmware.Tests.Support;
using Xunit;
using Utf8 = DeviceFirmware.Protocol.Text.Utf8;

namespace DeviceFirmware.Tests.Protocol.Text
{
    /// <summary>The Utf8 helpers used on the receive and send paths allocate nothing.</summary>
    public class Utf8AllocationTests
    {
        [Fact]
        public void Equals_find_invalid_get_byte_count_fit_prefix_and_write_allocate_nothing()
        {
            string text = "开关已打开 relay on 😀";
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
            byte[] buffer = new byte[64];
            int sink = 0;
            Action all = () =>
            {
                sink += Utf8.Equals(bytes, 0, bytes.Length, text) ? 1 : 0;
                sink += Utf8.Equals(bytes, 0, bytes.Length, "other") ? 1 : 0;
                sink += Utf8.FindInvalid(bytes, 0, bytes.Length);
                sink += Utf8.GetByteCount(text);
                sink += Utf8.FitPrefix(text, 10);
                sink += Utf8.Write(text, 0, text.Length, buffer, 0);
            };
            Assert.Equal(0, Allocations.Of(all));
            Assert.NotEqual(0, sink);
        }
    }
}
