using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Text;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.Frames
{
    /// <summary>The decoded field values that the vectors' notes state.</summary>
    public class FrameVectorFieldTests
    {
        private static FrameReader Decode(string name)
        {
            byte[] frame = Hex.Parse(FrameVectors.Get(name).FrameHex);
            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(frame, 0, frame.Length));
            return reader;
        }

        private static string Text(FrameReader r, int offset, int length)
        {
            Assert.Equal(-1, Utf8.FindInvalid(r.Buffer, offset, length));
            return Utf8.GetString(r.Buffer, offset, length);
        }

        [Fact]
        public void Settings_is_info_with_LED_on()
        {
            FrameReader r = Decode("settings");
            Assert.Equal(GizwitsCommand.Settings, r.Command);
            Assert.Equal(0x0007, r.Settings);
            Assert.Equal(LogLevel.Info, DeviceSettings.GetLogLevel(r.Settings));
            Assert.True(DeviceSettings.IsIndicatorLedEnabled(r.Settings));
            Assert.False(DeviceSettings.HasReservedBits(r.Settings));
        }

        [Fact]
        public void Settings_ack_has_no_body()
        {
            FrameReader r = Decode("settings-ack");
            Assert.Equal(GizwitsCommand.SettingsAck, r.Command);
            Assert.Equal(0, r.BodyLength);
        }

        [Fact]
        public void Log_min_is_info_with_content_hi()
        {
            FrameReader r = Decode("log-min");
            Assert.Equal(3, r.LogLevel);
            Assert.Equal(0, r.TagLength);
            Assert.Equal(0, r.SourceLength);
            Assert.Equal("hi", Text(r, r.ContentOffset, r.ContentLength));
        }

        [Fact]
        public void Log_UTF8_fields()
        {
            FrameReader r = Decode("log-utf8");
            Assert.Equal(GizwitsCommand.Log, r.Command);
            Assert.Equal(2, r.LogLevel);
            Assert.Equal("relay", Text(r, r.TagOffset, r.TagLength));
            Assert.Equal("Core", Text(r, r.SourceOffset, r.SourceLength));
            Assert.Equal("开关已打开 relay on", Text(r, r.ContentOffset, r.ContentLength));
            Assert.Equal(24, r.ContentLength);
            Assert.True(Utf8.Equals(r.Buffer, r.ContentOffset, r.ContentLength, "开关已打开 relay on"));
        }

        [Fact]
        public void Online_fields()
        {
            FrameReader r = Decode("online");
            Assert.Equal(GizwitsCommand.DeviceOnline, r.Command);
            // The hex carries 38 32 36 36 66 66 65 65 64 64 63 63 = "8266ffeeddcc" (12 bytes, length 0x000c).
            Assert.Equal("8266ffeeddcc", Text(r, r.MacOffset, r.MacLength));
            Assert.Equal("ABCDEFGHIJ", Text(r, r.PasscodeOffset, r.PasscodeLength));
            Assert.True(r.Online);
            Assert.Equal(3u, r.ProtocolVersion);
            Assert.Equal("0001", Text(r, r.BusinessVersionOffset, r.BusinessVersionLength));
        }

        [Fact]
        public void Ack_echoes_sn()
        {
            FrameReader r = Decode("ack");
            Assert.Equal(GizwitsCommand.BusinessWithSnAck, r.Command);
            Assert.Equal(0xDEADBEEFu, r.Sn);
            Assert.Equal("030102", Hex.Of(r.Buffer, r.BodyOffset, r.BodyLength));
        }

        [Fact]
        public void Two_byte_var_len_is_read()
        {
            FrameReader r = Decode("varlen-2");
            Assert.Equal(GizwitsCommand.Business, r.Command);
            Assert.Equal(9, r.BodyOffset); // 4 header + 2 varlen + 1 flags + 2 command
            Assert.Equal(200, r.BodyLength);
        }
    }
}
