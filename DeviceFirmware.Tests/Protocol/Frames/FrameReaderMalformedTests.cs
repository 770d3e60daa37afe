using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.Frames
{
    /// <summary>
    /// Malformed frames: each is refused with the expected error at the expected offset (counted from the
    /// frame's first byte). Every row is also decoded at offset 3 inside a larger buffer, so offsets must be relative.
    /// </summary>
    public class FrameReaderMalformedTests
    {
        public static TheoryData<string, string, FrameError, int> Rows()
        {
            var t = new TheoryData<string, string, FrameError, int>
            {
                // --- header and variable length ---
                { "empty", "", FrameError.TruncatedHeader, 0 },
                { "1 byte", "00", FrameError.TruncatedHeader, 1 },
                { "3 bytes", "000000", FrameError.TruncatedHeader, 3 },
                { "fixed header byte 0", "0100000303000090", FrameError.BadFixedHeader, 0 },
                { "fixed header byte 1", "0001000303000090", FrameError.BadFixedHeader, 1 },
                { "fixed header byte 2", "0000010303000090", FrameError.BadFixedHeader, 2 },
                { "fixed header byte 3 = 04", "0000000403000090", FrameError.BadFixedHeader, 3 },
                { "fixed header byte 3 = 00", "0000000003000090", FrameError.BadFixedHeader, 3 },
                { "fixed header only", "00000003", FrameError.TruncatedHeader, 4 },
                { "varlen truncated after 80", "0000000380", FrameError.TruncatedHeader, 5 },
                { "varlen truncated after ff ff ff", "00000003ffffff", FrameError.TruncatedHeader, 7 },
                { "varlen 5 bytes", "00000003808080800100009000", FrameError.VarLenTooLong, 8 },
                { "varlen non-minimal 83 00", "000000038300000090", FrameError.VarLenNotMinimal, 5 },
                { "varlen non-minimal ff 80 00", "00000003ff8000", FrameError.VarLenNotMinimal, 6 },
                { "varlen larger than bytes present", "0000000304000090", FrameError.VarLenMismatch, 4 },
                { "varlen smaller than bytes present", "000000030300009002", FrameError.VarLenMismatch, 4 },
                { "varlen 2-byte form, mismatch", "00000003800100009002", FrameError.VarLenMismatch, 4 },
                { "remaining 0", "0000000300", FrameError.TruncatedHeader, 5 },
                { "remaining 2", "00000003020000", FrameError.TruncatedHeader, 7 },

                // --- command word ---
                { "command 0x0000", "0000000303000000", FrameError.UnknownCommand, 6 },
                { "command 0x0013", "0000000303000013", FrameError.UnknownCommand, 6 },
                { "command 0x008f", "000000030300008f", FrameError.UnknownCommand, 6 },
                { "command 0x0095", "0000000303000095", FrameError.UnknownCommand, 6 },
                { "command 0x0290", "0000000303000290", FrameError.UnknownCommand, 6 },
                { "command 0xffff", "000000030300ffff", FrameError.UnknownCommand, 6 },

                // --- sn ---
                { "0x0093 no sn", "0000000303000093", FrameError.BodyTooShort, 8 },
                { "0x0093 3 sn bytes", "00000003060000930a0b0c", FrameError.BodyTooShort, 11 },
                { "0x0094 1 sn byte", "0000000304000094ff", FrameError.BodyTooShort, 9 },

                // --- 0x0010 / 0x0011 ---
                { "0x0010 no body", "0000000303000010", FrameError.BodyTooShort, 8 },
                { "0x0010 1 body byte", "000000030400001007", FrameError.BodyTooShort, 9 },
                { "0x0010 3 body bytes", "00000003060000100007ff", FrameError.TrailingBytes, 10 },
                { "0x0011 with a body", "000000030400001100", FrameError.TrailingBytes, 8 },

                // --- 0x0012: level(1) tag len(2)+tag source len(2)+source content len(2)+content; body at 8 ---
                { "0x0012 no level", "0000000303000012", FrameError.BodyTooShort, 8 },
                { "0x0012 level 0", "000000030a00001200000000000000", FrameError.FieldOutOfRange, 8 },
                { "0x0012 level 4", "000000030a00001204000000000000", FrameError.FieldOutOfRange, 8 },
                { "0x0012 level ff", "000000030a000012ff000000000000", FrameError.FieldOutOfRange, 8 },
                { "0x0012 missing tag length", "000000030400001203", FrameError.BodyTooShort, 9 },
                { "0x0012 half a tag length", "00000003050000120300", FrameError.BodyTooShort, 10 },
                { "0x0012 tag length 257", "0000000306000012030101", FrameError.FieldOverLimit, 9 },
                { "0x0012 tag length ffff", "000000030600001203ffff", FrameError.FieldOverLimit, 9 },
                { "0x0012 tag length past end", "000000030700001203000241", FrameError.LengthPastEnd, 9 },
                { "0x0012 tag overlong c0 80", "000000030c000012030002c08000000000", FrameError.BadUtf8, 11 },
                { "0x0012 tag f5", "000000030b000012030001f500000000", FrameError.BadUtf8, 11 },
                { "0x0012 tag f4 90 80 80 (> U+10FFFF)", "000000030e000012030004f490808000000000", FrameError.BadUtf8, 12 },
                { "0x0012 source lone continuation 80", "000000030b0000120300000001800000", FrameError.BadUtf8, 13 },
                { "0x0012 source missing length", "00000003060000120300 00", FrameError.BodyTooShort, 11 },
                { "0x0012 content surrogate ed a0 80", "000000030d000012030000000000 03eda080", FrameError.BadUtf8, 16 },
                { "0x0012 content truncated e4 b8", "000000030c000012030000000000 02e4b8", FrameError.BadUtf8, 15 },
                { "0x0012 content e4 41 (bad 3rd byte)", "000000030d000012030000000000 03e4b841", FrameError.BadUtf8, 17 },
                { "0x0012 content missing length", "00000003080000120300000000", FrameError.BodyTooShort, 13 },
                { "0x0012 content length past end", "000000030c0000120300000000 00054142", FrameError.LengthPastEnd, 13 },
                { "0x0012 trailing byte", "000000030b0000120300000000 0000ff", FrameError.TrailingBytes, 15 },

                // --- 0x0092: mac len(2)+mac passcode len(2)+passcode online(1) version(4) bv len(2)+bv; body at 8 ---
                { "0x0092 empty body", "0000000303000092", FrameError.BodyTooShort, 8 },
                { "0x0092 mac length 33", "00000003050000920021", FrameError.FieldOverLimit, 8 },
                { "0x0092 mac length past end", "000000030600009200024d", FrameError.LengthPastEnd, 8 },
                { "0x0092 mac bad utf8 ff", "000000030f0000920001ff000001000000030000", FrameError.BadUtf8, 10 },
                { "0x0092 passcode length 33", "000000030700009200000021", FrameError.FieldOverLimit, 10 },
                { "0x0092 online = 2", "000000030e000092000000000200000003 0000", FrameError.FieldOutOfRange, 12 },
                { "0x0092 online = ff", "000000030e0000920000000 0ff00000003 0000", FrameError.FieldOutOfRange, 12 },
                { "0x0092 truncated before version", "000000030b0000920000000001000000", FrameError.BodyTooShort, 16 },
                { "0x0092 truncated before online", "00000003070000920000 0000", FrameError.BodyTooShort, 12 },
                { "0x0092 missing business version length", "000000030c000092000000000100000003", FrameError.BodyTooShort, 17 },
                { "0x0092 business version length 65", "000000030e0000920000000001000000030041", FrameError.FieldOverLimit, 17 },
                { "0x0092 trailing byte", "000000030f000092000000000100000003 0000 ff", FrameError.TrailingBytes, 19 },
            };

            // Built: a 33-byte source (each byte valid ASCII) in an otherwise well-formed log.
            string source33 = Hex.Repeat("41", 33);
            t.Add("0x0012 source 33 bytes", "000000032b000012030000" + "0021" + source33 + "0000", FrameError.FieldOverLimit, 11);

            // Built: business data of 65536 bytes (varlen 65539 = 83 80 04, so the body starts at 10).
            t.Add("0x0090 body 65536", "00000003838004000090" + Hex.Repeat("00", 65536), FrameError.FieldOverLimit, 10);
            // 0x0093: 4 sn + 65536 (varlen 65543 = 87 80 04): the limit applies after the sn, body at 14.
            t.Add("0x0093 data 65536 after sn", "00000003878004000093" + "01020304" + Hex.Repeat("00", 65536), FrameError.FieldOverLimit, 14);
            // Unknown command after a 2-byte varlen: the command word starts at 7 (200-byte body, varlen 203 = cb 01).
            t.Add("command 0x0013 after 2-byte varlen", "00000003cb01000013" + Hex.Repeat("00", 200), FrameError.UnknownCommand, 7);
            return t;
        }

        [Theory]
        [MemberData(nameof(Rows))]
        public void Is_refused(string name, string hex, FrameError expected, int expectedOffset)
        {
            Assert.NotNull(name);
            byte[] frame = Hex.Parse(hex);
            var reader = new FrameReader();
            FrameError error = reader.Decode(frame, 0, frame.Length);
            Assert.Equal(expected, error);
            Assert.Equal(expected, reader.Error);
            Assert.Equal(expectedOffset, reader.ErrorOffset);
        }

        [Theory]
        [MemberData(nameof(Rows))]
        public void Is_refused_at_the_same_offset_inside_a_larger_buffer(string name, string hex, FrameError expected, int expectedOffset)
        {
            Assert.NotNull(name);
            byte[] frame = Hex.Parse(hex);
            byte[] buffer = new byte[frame.Length + 6];
            for (int i = 0; i < buffer.Length; i++) buffer[i] = 0x03; // garbage that a sloppy reader would take for data
            frame.CopyTo(buffer, 3);
            var reader = new FrameReader();
            Assert.Equal(expected, reader.Decode(buffer, 3, frame.Length));
            Assert.Equal(expectedOffset, reader.ErrorOffset);
        }

        [Fact]
        public void Exactly_the_business_limit_is_accepted()
        {
            byte[] frame = Hex.Parse("00000003828004000090" + Hex.Repeat("00", 65535));
            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(frame, 0, frame.Length));
            Assert.Equal(65535, reader.BodyLength);

            byte[] withSn = Hex.Parse("00000003868004000093" + "01020304" + Hex.Repeat("00", 65535));
            Assert.Equal(FrameError.None, reader.Decode(withSn, 0, withSn.Length));
            Assert.Equal(0x01020304u, reader.Sn);
            Assert.Equal(65535, reader.BodyLength);
        }

        [Fact]
        public void Exactly_the_field_limits_are_accepted()
        {
            // tag 256, source 32 bytes
            string log = "03" + "0100" + Hex.Repeat("61", 256) + "0020" + Hex.Repeat("62", 32) + "0000";
            Assert.Equal(298, 3 + (log.Length / 2)); // varlen 298 = aa 02
            byte[] frame = Hex.Parse("00000003aa02000012" + log);
            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(frame, 0, frame.Length));
            Assert.Equal(256, reader.TagLength);
            Assert.Equal(32, reader.SourceLength);

            // mac 32, passcode 32, business version 64
            string online = "0020" + Hex.Repeat("41", 32) + "0020" + Hex.Repeat("42", 32) + "00" + "00000003" + "0040" + Hex.Repeat("43", 64);
            Assert.Equal(142, 3 + (online.Length / 2)); // varlen 142 = 8e 01
            frame = Hex.Parse("000000038e01000092" + online);
            Assert.Equal(FrameError.None, reader.Decode(frame, 0, frame.Length));
            Assert.Equal(32, reader.MacLength);
            Assert.Equal(32, reader.PasscodeLength);
            Assert.False(reader.Online);
            Assert.Equal(64, reader.BusinessVersionLength);
        }

        public static TheoryData<string, int, int> BadArguments() => new()
        {
            { "null buffer", 0, 0 },
            { "negative offset", -1, 4 },
            { "negative count", 0, -1 },
            { "count past end", 0, 9 },
            { "offset + count past end", 2, 7 },
            { "offset past end", 9, 0 },
            { "int.MaxValue count", 1, int.MaxValue },
        };

        [Theory]
        [MemberData(nameof(BadArguments))]
        public void Invalid_arguments(string name, int offset, int count)
        {
            byte[]? buffer = name == "null buffer" ? null : Hex.Parse("0000000303000011");
            var reader = new FrameReader();
            Assert.Equal(FrameError.InvalidArguments, reader.Decode(buffer!, offset, count));
            Assert.Equal(FrameError.InvalidArguments, reader.Error);
            Assert.Equal(0, reader.ErrorOffset);
        }
    }
}
