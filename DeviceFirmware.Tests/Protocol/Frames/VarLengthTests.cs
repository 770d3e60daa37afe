using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.Frames
{
    /// <summary>The variable length of docs/protocol.md §2 (MQTT Remaining Length).</summary>
    public class VarLengthTests
    {
        public static TheoryData<int, string> Vectors() => new()
        {
            { 0, "00" },
            { 127, "7f" },
            { 128, "8001" },
            { 173, "ad01" },
            { 16383, "ff7f" },
            { 16384, "808001" },
            { 2097151, "ffff7f" },
            { 2097152, "80808001" },
            { 268435455, "ffffff7f" },
        };

        [Theory]
        [MemberData(nameof(Vectors))]
        public void Writes_vector(int value, string hex)
        {
            byte[] buffer = new byte[8];
            int size = VarLength.Write(buffer, 2, value);
            Assert.Equal(hex.Length / 2, size);
            Assert.Equal(size, VarLength.SizeOf(value));
            Assert.Equal(hex, Hex.Of(buffer, 2, size));
            Assert.Equal(0, buffer[2 + size]);
        }

        [Theory]
        [MemberData(nameof(Vectors))]
        public void Reads_vector(int value, string hex)
        {
            // Surrounded by bytes with the continuation bit set, which must not be touched.
            byte[] buffer = Hex.Parse("ff" + hex + "ff");
            Assert.Equal(FrameError.None, VarLength.Read(buffer, 1, buffer.Length, out int read, out int size));
            Assert.Equal(value, read);
            Assert.Equal(hex.Length / 2, size);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(268435456)]
        [InlineData(int.MaxValue)]
        [InlineData(int.MinValue)]
        public void Out_of_range_value_is_not_written(int value)
        {
            byte[] buffer = new byte[8];
            Assert.Equal(0, VarLength.SizeOf(value));
            Assert.Equal(0, VarLength.Write(buffer, 0, value));
            Assert.All(buffer, b => Assert.Equal(0, b));
        }

        [Fact]
        public void Fifth_byte_is_too_long()
        {
            byte[] buffer = Hex.Parse("8080808001");
            Assert.Equal(FrameError.VarLenTooLong, VarLength.Read(buffer, 0, buffer.Length, out _, out int size));
            Assert.Equal(4, size);
        }

        [Fact]
        public void Four_continuation_bytes_are_too_long_even_without_a_fifth()
        {
            byte[] buffer = Hex.Parse("ffffffff");
            Assert.Equal(FrameError.VarLenTooLong, VarLength.Read(buffer, 0, buffer.Length, out _, out _));
        }

        [Theory]
        [InlineData("8000", 1)]
        [InlineData("ff00", 1)]
        [InlineData("808000", 2)]
        [InlineData("ff8000", 2)]
        [InlineData("80808000", 3)]
        public void Non_minimal_is_refused_at_the_zero_group(string hex, int badIndex)
        {
            byte[] buffer = Hex.Parse(hex);
            Assert.Equal(FrameError.VarLenNotMinimal, VarLength.Read(buffer, 0, buffer.Length, out _, out int size));
            Assert.Equal(badIndex, size);
        }

        [Theory]
        [InlineData("", 0)]
        [InlineData("80", 1)]
        [InlineData("ff80", 2)]
        [InlineData("808080", 3)]
        public void Truncated_reports_where_the_next_byte_was_needed(string hex, int missingIndex)
        {
            byte[] buffer = Hex.Parse(hex + "01"); // the byte that would end it is past `end`
            Assert.Equal(FrameError.TruncatedHeader, VarLength.Read(buffer, 0, buffer.Length - 1, out _, out int size));
            Assert.Equal(missingIndex, size);
        }
    }
}
