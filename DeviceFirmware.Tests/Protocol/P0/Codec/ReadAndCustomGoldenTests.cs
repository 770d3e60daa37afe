using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Codec
{
    /// <summary>Actions 0x02 (read), 0x05 and 0x06 (custom passthrough): decode and exact encode.</summary>
    public class ReadAndCustomGoldenTests
    {
        [Fact]
        public void Read_is_the_action_byte_alone()
        {
            Product p = P0TestData.GoKit();
            P0Message m = Golden.Decode(p, "02");
            Assert.Equal(P0Action.Read, m.Action);
            Golden.Flagged(m);
            Assert.Equal(P0Action.ReadReply, P0Action.ReplyTo(m.Action));
            Assert.Equal("02", Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteRead(b, o, out n)));
        }

        [Fact]
        public void Read_with_a_body_is_refused()
        {
            var m = new P0Message(P0TestData.GoKit());
            Assert.Equal(P0Error.WrongLength, Golden.DecodeRaw(m, "02 00"));
            Assert.Equal(P0Action.Read, m.Action);
        }

        [Fact]
        public void WriteRead_needs_one_byte()
        {
            Assert.Equal(P0Error.BufferTooSmall, P0Writer.WriteRead(new byte[2], 2, out int n));
            Assert.Equal(0, n);
            Assert.Equal(P0Error.BufferTooSmall, P0Writer.WriteRead(System.Array.Empty<byte>(), 0, out n));
        }

        [Theory]
        [InlineData("05 de ad", P0Action.CustomToDevice, 2)]
        [InlineData("06 01 02 03", P0Action.CustomToApp, 3)]
        [InlineData("05", P0Action.CustomToDevice, 0)]
        [InlineData("06", P0Action.CustomToApp, 0)]
        public void Custom_passes_the_product_bytes_through(string hex, byte action, int payloadLength)
        {
            Product p = P0TestData.Switch();
            P0Message m = Golden.Decode(p, hex);
            Assert.Equal(action, m.Action);
            Golden.Flagged(m);
            Assert.Equal(Golden.Pad + 1, m.PayloadOffset); // right after the action byte
            Assert.Equal(payloadLength, m.PayloadLength);
            byte[] body = P0TestData.Hex(hex);
            Assert.Equal(P0TestData.ToHex(body, 1, payloadLength), P0TestData.ToHex(m.Buffer, m.PayloadOffset, m.PayloadLength));

            Assert.Equal(Golden.Norm(hex), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteCustom(action, body, 1, payloadLength, b, o, out n)));
        }

        [Fact]
        public void Custom_to_device_is_answered_by_custom_to_app()
        {
            Assert.Equal(P0Action.CustomToApp, P0Action.ReplyTo(P0Action.CustomToDevice));
            Assert.Equal(P0Action.VariableReadReply, P0Action.ReplyTo(P0Action.VariableRead));
            Assert.Equal(0, P0Action.ReplyTo(P0Action.Write));
        }

        [Fact]
        public void WriteCustom_refuses_bad_input()
        {
            byte[] data = { 1, 2, 3 };
            byte[] buffer = new byte[8];
            Assert.Equal(P0Error.UnknownAction, P0Writer.WriteCustom(P0Action.Report, data, 0, 3, buffer, 0, out int n));
            Assert.Equal(P0Error.InvalidArguments, P0Writer.WriteCustom(P0Action.CustomToApp, data, 1, 3, buffer, 0, out n));
            Assert.Equal(P0Error.InvalidArguments, P0Writer.WriteCustom(P0Action.CustomToApp, data, 0, -1, buffer, 0, out n));
            Assert.Equal(P0Error.BufferTooSmall, P0Writer.WriteCustom(P0Action.CustomToApp, data, 0, 3, buffer, 5, out n));
            Assert.Equal(0, n);
            Assert.Equal(P0Error.None, P0Writer.WriteCustom(P0Action.CustomToApp, data, 0, 3, buffer, 4, out n));
            Assert.Equal(4, n);
        }
    }
}
