using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.Frames
{
    /// <summary>FrameReader's handling of offset/count and of its state across decodes.</summary>
    public class FrameReaderTests
    {
        [Fact]
        public void Decodes_a_frame_at_a_nonzero_offset_respecting_count()
        {
            byte[] frame = Hex.Parse(FrameVectors.Get("ack").FrameHex); // 0x0094 sn deadbeef body 030102
            byte[] buffer = new byte[frame.Length + 20];
            for (int i = 0; i < buffer.Length; i++) buffer[i] = 0xEE;
            frame.CopyTo(buffer, 7);

            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(buffer, 7, frame.Length));
            Assert.Same(buffer, reader.Buffer);
            Assert.Equal(7, reader.FrameOffset);
            Assert.Equal(GizwitsCommand.BusinessWithSnAck, reader.Command);
            Assert.Equal(0xDEADBEEFu, reader.Sn);
            Assert.Equal(7 + 4 + 1 + 3 + 4, reader.BodyOffset);
            Assert.Equal(3, reader.BodyLength);
            Assert.Equal("030102", Hex.Of(buffer, reader.BodyOffset, reader.BodyLength));

            // One byte more than the frame: the trailing 0xEE is inside count, so the varlen no longer matches.
            Assert.Equal(FrameError.VarLenMismatch, reader.Decode(buffer, 7, frame.Length + 1));
            // One byte less: likewise.
            Assert.Equal(FrameError.VarLenMismatch, reader.Decode(buffer, 7, frame.Length - 1));
        }

        [Fact]
        public void Log_field_offsets_are_absolute_in_the_buffer()
        {
            byte[] frame = Hex.Parse(FrameVectors.Get("log-utf8").FrameHex);
            byte[] buffer = new byte[frame.Length + 5];
            frame.CopyTo(buffer, 5);
            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(buffer, 5, frame.Length));
            Assert.Equal(5 + 8 + 1 + 2, reader.TagOffset);
            Assert.Equal("relay", System.Text.Encoding.UTF8.GetString(buffer, reader.TagOffset, reader.TagLength));
            Assert.Equal("Core", System.Text.Encoding.UTF8.GetString(buffer, reader.SourceOffset, reader.SourceLength));
        }

        [Fact]
        public void Failed_decode_reports_error_and_offset_and_success_clears_them()
        {
            var reader = new FrameReader();
            byte[] bad = Hex.Parse("0000000303000013");
            Assert.Equal(FrameError.UnknownCommand, reader.Decode(bad, 0, bad.Length));
            Assert.Equal(FrameError.UnknownCommand, reader.Error);
            Assert.Equal(6, reader.ErrorOffset);

            byte[] good = Hex.Parse(FrameVectors.Get("settings").FrameHex);
            Assert.Equal(FrameError.None, reader.Decode(good, 0, good.Length));
            Assert.Equal(FrameError.None, reader.Error);
            Assert.Equal(-1, reader.ErrorOffset);
        }

        [Fact]
        public void Fields_of_a_previous_frame_do_not_leak_into_the_next()
        {
            var reader = new FrameReader();
            byte[] online = Hex.Parse(FrameVectors.Get("online").FrameHex);
            Assert.Equal(FrameError.None, reader.Decode(online, 0, online.Length));
            Assert.True(reader.Online);
            Assert.NotEqual(0, reader.MacLength);

            byte[] ack = Hex.Parse(FrameVectors.Get("settings-ack").FrameHex);
            Assert.Equal(FrameError.None, reader.Decode(ack, 0, ack.Length));
            Assert.False(reader.Online);
            Assert.Equal(0, reader.MacLength);
            Assert.Equal(0, reader.PasscodeLength);
            Assert.Equal(0, reader.BusinessVersionLength);
            Assert.Equal(0u, reader.ProtocolVersion);

            byte[] withSn = Hex.Parse(FrameVectors.Get("ack").FrameHex);
            Assert.Equal(FrameError.None, reader.Decode(withSn, 0, withSn.Length));
            byte[] business = Hex.Parse(FrameVectors.Get("docs-read").FrameHex);
            Assert.Equal(FrameError.None, reader.Decode(business, 0, business.Length));
            Assert.Equal(0u, reader.Sn);

            byte[] log = Hex.Parse(FrameVectors.Get("log-utf8").FrameHex);
            Assert.Equal(FrameError.None, reader.Decode(log, 0, log.Length));
            byte[] settings = Hex.Parse(FrameVectors.Get("settings").FrameHex);
            Assert.Equal(FrameError.None, reader.Decode(settings, 0, settings.Length));
            Assert.Equal(0, reader.LogLevel);
            Assert.Equal(0, reader.TagLength);
            Assert.Equal(0, reader.ContentLength);
        }

        [Fact]
        public void Flags_are_kept_as_read()
        {
            byte[] frame = Hex.Parse("0000000303a50011");
            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(frame, 0, frame.Length));
            Assert.Equal(0xA5, reader.Flags);
        }
    }
}
