using System;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Text;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.Frames
{
    /// <summary>The strict writers refuse what the protocol forbids, never cut it, and report length 0.</summary>
    public class FrameWriterErrorTests
    {
        private static readonly byte[] Big = new byte[200_000];

        private static FrameError Log(int level, string? tag, string? source, string? content, out int length) =>
            FrameWriter.WriteLog(Big, 0, level, tag!, source!, content!, out length);

        [Theory]
        [InlineData(0)]
        [InlineData(4)]
        [InlineData(-1)]
        [InlineData(255)]
        public void Log_level_out_of_range(int level)
        {
            Assert.Equal(FrameError.FieldOutOfRange, Log(level, "t", "s", "c", out int length));
            Assert.Equal(0, length);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void Log_level_in_range(int level)
        {
            Assert.Equal(FrameError.None, Log(level, "t", "s", "c", out int length));
            Assert.Equal(8 + 1 + 6 + 3, length);
            Assert.Equal(level, Big[8]);
        }

        [Fact]
        public void Log_tag_limit_is_256_bytes()
        {
            Assert.Equal(FrameError.None, Log(1, new string('t', 256), "", "", out _));
            Assert.Equal(FrameError.FieldOverLimit, Log(1, new string('t', 257), "", "", out int length));
            Assert.Equal(0, length);
            // 85 three-byte chars = 255 bytes fit; one more char (258 bytes) does not.
            Assert.Equal(FrameError.None, Log(1, new string('中', 85), "", "", out _));
            Assert.Equal(FrameError.FieldOverLimit, Log(1, new string('中', 86), "", "", out _));
        }

        [Fact]
        public void Log_source_limit_is_32_bytes_counting_multi_byte_chars()
        {
            Assert.Equal(FrameError.None, Log(1, "", new string('s', 32), "", out _));
            Assert.Equal(FrameError.FieldOverLimit, Log(1, "", new string('s', 33), "", out _));

            string twoByte16 = new string('é', 16); // 16 chars, 32 bytes
            Assert.Equal(FrameError.None, Log(1, "", twoByte16, "", out int length));
            Assert.Equal(8 + 1 + 2 + 2 + 32 + 2, length);
            Assert.Equal(32, Big[8 + 1 + 2 + 1]); // source length low byte: not cut
            Assert.Equal(FrameError.FieldOverLimit, Log(1, "", twoByte16 + "a", "", out length)); // 17 chars, 33 bytes
            Assert.Equal(0, length);
            Assert.Equal(FrameError.FieldOverLimit, Log(1, "", new string('é', 17), "", out _)); // 34 bytes
            // 8 non-BMP characters are 16 chars but 32 bytes; one more is 36 bytes.
            Assert.Equal(FrameError.None, Log(1, "", string.Concat(System.Linq.Enumerable.Repeat("😀", 8)), "", out _));
            Assert.Equal(FrameError.FieldOverLimit, Log(1, "", string.Concat(System.Linq.Enumerable.Repeat("😀", 9)), "", out _));
        }

        [Fact]
        public void Log_content_limit_is_65535_bytes()
        {
            Assert.Equal(FrameError.None, Log(3, "", "", new string('c', 65535), out int length));
            Assert.Equal(FrameWriter.FrameLength(1 + 6 + 65535), length);
            Assert.Equal(FrameError.FieldOverLimit, Log(3, "", "", new string('c', 65536), out length));
            Assert.Equal(0, length);
            Assert.Equal(FrameError.FieldOverLimit, Log(3, "", "", new string('c', 65534) + "é", out _));
        }

        [Theory]
        // UTF-16 code units as hex: xunit's serialization would turn a lone surrogate literal into U+FFFD.
        [InlineData("d800", 0)]
        [InlineData("dc00", 0)]
        [InlineData("0061 d83d", 1)]
        [InlineData("de00 d83d", 2)]
        [InlineData("d83d 0078", 0)]
        [InlineData("d83d de00 dc00", 2)]
        public void Log_lone_surrogate_is_bad_UTF8(string units, int field)
        {
            string text = string.Concat(System.Array.ConvertAll(units.Split(' '), u => ((char)System.Convert.ToUInt16(u, 16)).ToString()));
            Assert.Equal(-1, Utf8.GetByteCount(text));
            string tag = field == 0 ? text : "";
            string source = field == 1 ? text : "";
            string content = field == 2 ? text : "";
            Assert.Equal(FrameError.BadUtf8, Log(1, tag, source, content, out int length));
            Assert.Equal(0, length);
        }

        [Fact]
        public void Log_null_strings_are_empty()
        {
            Assert.Equal(FrameError.None, Log(2, null, null, null, out int length));
            Assert.Equal("000000030a00001202000000000000", Hex.Of(Big, 0, length));
        }

        [Fact]
        public void Device_online_limits()
        {
            byte[] b = Big;
            string s32 = new string('m', 32);
            string s64 = new string('v', 64);
            Assert.Equal(FrameError.None, FrameWriter.WriteDeviceOnline(b, 0, s32, s32, true, 3, s64, out int length));
            Assert.Equal(FrameWriter.FrameLength(2 + 32 + 2 + 32 + 1 + 4 + 2 + 64), length);

            Assert.Equal(FrameError.FieldOverLimit, FrameWriter.WriteDeviceOnline(b, 0, s32 + "m", "p", true, 3, "1", out length));
            Assert.Equal(0, length);
            Assert.Equal(FrameError.FieldOverLimit, FrameWriter.WriteDeviceOnline(b, 0, "m", s32 + "p", true, 3, "1", out _));
            Assert.Equal(FrameError.FieldOverLimit, FrameWriter.WriteDeviceOnline(b, 0, "m", "p", true, 3, s64 + "v", out _));
            Assert.Equal(FrameError.FieldOverLimit, FrameWriter.WriteDeviceOnline(b, 0, new string('é', 17), "p", true, 3, "1", out _));
            Assert.Equal(FrameError.None, FrameWriter.WriteDeviceOnline(b, 0, new string('é', 16), "p", true, 3, "1", out _));
            Assert.Equal(FrameError.BadUtf8, FrameWriter.WriteDeviceOnline(b, 0, "m", "\uD800", true, 3, "1", out _));
            Assert.Equal(FrameError.BadUtf8, FrameWriter.WriteDeviceOnline(b, 0, "m", "p", true, 3, "\uDFFF", out _));
        }

        [Fact]
        public void Business_data_limit_is_65535()
        {
            byte[] data = new byte[65536];
            Assert.Equal(FrameError.FieldOverLimit, FrameWriter.WriteBusiness(Big, 0, GizwitsCommand.Business, data, 0, 65536, out int length));
            Assert.Equal(0, length);
            Assert.Equal(FrameError.None, FrameWriter.WriteBusiness(Big, 0, GizwitsCommand.BusinessReply, data, 0, 65535, out length));
            Assert.Equal(4 + 3 + 3 + 65535, length);
            Assert.Equal(FrameError.FieldOverLimit, FrameWriter.WriteBusinessWithSn(Big, 0, GizwitsCommand.BusinessWithSn, 1, data, 0, 65536, out length));
            Assert.Equal(0, length);
            Assert.Equal(FrameError.None, FrameWriter.WriteBusinessWithSn(Big, 0, GizwitsCommand.BusinessWithSnAck, 1, data, 0, 65535, out length));
            Assert.Equal(4 + 3 + 3 + 4 + 65535, length);
        }

        [Theory]
        [InlineData(GizwitsCommand.BusinessWithSn)]
        [InlineData(GizwitsCommand.BusinessWithSnAck)]
        [InlineData(GizwitsCommand.Settings)]
        [InlineData(GizwitsCommand.Log)]
        [InlineData(GizwitsCommand.DeviceOnline)]
        [InlineData(0x0013)]
        [InlineData(0xFFFF)]
        public void Write_business_refuses_other_commands(int command)
        {
            Assert.Equal(FrameError.UnknownCommand, FrameWriter.WriteBusiness(Big, 0, command, new byte[] { 2 }, 0, 1, out int length));
            Assert.Equal(0, length);
        }

        [Theory]
        [InlineData(GizwitsCommand.Business)]
        [InlineData(GizwitsCommand.BusinessReply)]
        [InlineData(GizwitsCommand.SettingsAck)]
        [InlineData(0x0095)]
        public void Write_business_with_sn_refuses_other_commands(int command)
        {
            Assert.Equal(FrameError.UnknownCommand, FrameWriter.WriteBusinessWithSn(Big, 0, command, 7, new byte[] { 2 }, 0, 1, out int length));
            Assert.Equal(0, length);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(0x10000)]
        [InlineData(int.MinValue)]
        public void Settings_out_of_range(int settings)
        {
            Assert.Equal(FrameError.FieldOutOfRange, FrameWriter.WriteSettings(Big, 0, settings, out int length));
            Assert.Equal(0, length);
        }

        public static TheoryData<string> AllCommands() => new() { "0090", "0091", "0093", "0094", "0010", "0011", "0012", "0092" };

        private static FrameError WriteSample(string command, byte[] buffer, int offset, out int length)
        {
            byte[] data = new byte[130]; // a 2-byte varlen for the business commands
            switch (command)
            {
                case "0090": return FrameWriter.WriteBusiness(buffer, offset, GizwitsCommand.Business, data, 0, data.Length, out length);
                case "0091": return FrameWriter.WriteBusiness(buffer, offset, GizwitsCommand.BusinessReply, data, 0, data.Length, out length);
                case "0093": return FrameWriter.WriteBusinessWithSn(buffer, offset, GizwitsCommand.BusinessWithSn, 5, data, 0, data.Length, out length);
                case "0094": return FrameWriter.WriteBusinessWithSn(buffer, offset, GizwitsCommand.BusinessWithSnAck, 5, data, 0, data.Length, out length);
                case "0010": return FrameWriter.WriteSettings(buffer, offset, 6, out length);
                case "0011": return FrameWriter.WriteSettingsAck(buffer, offset, out length);
                case "0012": return FrameWriter.WriteLog(buffer, offset, 2, "tag", "src", "开关 on", out length);
                default: return FrameWriter.WriteDeviceOnline(buffer, offset, "8266ffeeddcc", "ABCDEFGHIJ", true, 3, "0001", out length);
            }
        }

        [Theory]
        [MemberData(nameof(AllCommands))]
        public void Exact_size_buffer_works_and_one_less_is_too_small(string command)
        {
            Assert.Equal(FrameError.None, WriteSample(command, Big, 0, out int size));
            byte[] expected = Big.AsSpan(0, size).ToArray();

            byte[] exact = new byte[size + 3];
            Assert.Equal(FrameError.None, WriteSample(command, exact, 3, out int length));
            Assert.Equal(size, length);
            Assert.Equal(Hex.Of(expected), Hex.Of(exact, 3, size));

            byte[] small = new byte[size + 2];
            small.AsSpan().Fill(0xEE);
            Assert.Equal(FrameError.BufferTooSmall, WriteSample(command, small, 3, out length));
            Assert.Equal(0, length);
            Assert.All(small, b => Assert.Equal(0xEE, b)); // nothing written

            Assert.Equal(FrameError.BufferTooSmall, WriteSample(command, new byte[size - 1], 0, out _));
            Assert.Equal(FrameError.BufferTooSmall, WriteSample(command, null!, 0, out _));
            Assert.Equal(FrameError.BufferTooSmall, WriteSample(command, new byte[size], -1, out _));
        }

        [Fact]
        public void Write_raw_refuses_bad_body_arguments()
        {
            Assert.Equal(FrameError.InvalidArguments, FrameWriter.WriteRaw(Big, 0, 0, 0x90, null!, 0, 1, out _));
            Assert.Equal(FrameError.InvalidArguments, FrameWriter.WriteRaw(Big, 0, 0, 0x90, new byte[2], 0, -1, out _));
            Assert.Equal(FrameError.InvalidArguments, FrameWriter.WriteRaw(Big, 0, 0, 0x90, new byte[2], 1, 2, out _));
            Assert.Equal(FrameError.InvalidArguments, FrameWriter.WriteRaw(Big, 0, 0, 0x90, new byte[2], -1, 1, out _));
            Assert.Equal(FrameError.None, FrameWriter.WriteRaw(Big, 0, 0, 0x90, null!, 0, 0, out int length));
            Assert.Equal(8, length);
        }

        [Theory]
        [InlineData(0, 8)]
        [InlineData(124, 132)]
        [InlineData(125, 134)]
        [InlineData(16380, 16389)]
        [InlineData(16381, 16391)]
        [InlineData(268435452, 268435452 + 11)]
        [InlineData(268435453, -1)]
        [InlineData(-1, -1)]
        [InlineData(int.MaxValue, -1)]
        public void Frame_length_counts_the_var_len(int bodyLength, int expected)
        {
            Assert.Equal(expected, FrameWriter.FrameLength(bodyLength));
        }
    }
}
