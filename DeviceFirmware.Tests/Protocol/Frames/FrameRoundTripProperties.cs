using CsCheck;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.Frames
{
    /// <summary>decode(encode(x)) == x and encode(decode(bytes)) == bytes, for random frames of every command.</summary>
    public class FrameRoundTripProperties
    {
        public static TheoryData<int> Commands() => new()
        {
            GizwitsCommand.Business, GizwitsCommand.BusinessReply, GizwitsCommand.BusinessWithSn, GizwitsCommand.BusinessWithSnAck,
            GizwitsCommand.Settings, GizwitsCommand.SettingsAck, GizwitsCommand.Log, GizwitsCommand.DeviceOnline,
        };

        [Theory]
        [MemberData(nameof(Commands))]
        public void Decode_of_encode_is_identity(int command)
        {
            Gens.ForCommand((ushort)command).Sample(spec =>
            {
                byte[] frame = spec.Encode();
                var reader = new FrameReader();
                Assert.Equal(FrameError.None, reader.Decode(frame, 0, frame.Length));
                Assert.Equal(0, reader.Flags);
                FrameSpec.AssertSame(spec, FrameSpec.FromReader(reader));
            }, iter: 300);
        }

        [Theory]
        [MemberData(nameof(Commands))]
        public void Encode_of_decode_is_identity(int command)
        {
            Gens.ForCommand((ushort)command).Sample(spec =>
            {
                byte[] frame = spec.Encode();
                // Decode it from inside a larger buffer, then re-encode what was decoded.
                byte[] buffer = new byte[frame.Length + 9];
                frame.CopyTo(buffer, 5);
                var reader = new FrameReader();
                Assert.Equal(FrameError.None, reader.Decode(buffer, 5, frame.Length));
                byte[] again = FrameSpec.FromReader(reader).Encode();
                Assert.Equal(Hex.Of(frame), Hex.Of(again));
                Assert.Equal(frame.Length, FrameWriter.FrameLength(frame.Length - (reader.BodyOffset - 5) + (GizwitsCommand.HasSn(reader.Command) ? 4 : 0)));
            }, iter: 300);
        }

        [Fact]
        public void Large_business_data_uses_a_three_byte_var_len()
        {
            Gen.Byte.Array[16381, 65535].Sample(data =>
            {
                byte[] frame = new FrameSpec(GizwitsCommand.Business, Data: data).Encode();
                Assert.Equal(4 + 3 + 3 + data.Length, frame.Length);
                Assert.Equal(0, frame[6] & 0x80); // third varlen byte ends it
                Assert.NotEqual(0, frame[5] & 0x80);
                var reader = new FrameReader();
                Assert.Equal(FrameError.None, reader.Decode(frame, 0, frame.Length));
                Assert.Equal(10, reader.BodyOffset);
                Assert.Equal(data.Length, reader.BodyLength);
            }, iter: 30);
        }
    }
}
