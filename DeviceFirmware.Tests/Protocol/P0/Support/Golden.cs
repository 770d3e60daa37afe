using System;
using DeviceFirmware.Protocol.P0;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Support
{
    /// <summary>Decode/encode helpers for the hand-worked golden vectors: everything is done at a nonzero offset inside padding.</summary>
    internal static class Golden
    {
        public const int Pad = 3;
        public const byte PadByte = 0xEE;

        public delegate P0Error Encoder(byte[] buffer, int offset, out int length);

        /// <summary>Decodes <paramref name="hex"/> placed at offset <see cref="Pad"/> of a padded buffer; asserts success.</summary>
        public static P0Message Decode(Product product, string hex)
        {
            var message = new P0Message(product);
            Assert.Equal(P0Error.None, DecodeRaw(message, hex));
            Assert.Equal(-1, message.ErrorPointId);
            return message;
        }

        public static P0Error DecodeRaw(P0Message message, string hex)
        {
            byte[] body = P0TestData.Hex(hex);
            byte[] buffer = new byte[body.Length + (2 * Pad)];
            buffer.AsSpan().Fill(PadByte);
            Array.Copy(body, 0, buffer, Pad, body.Length);
            return message.Decode(buffer, Pad, body.Length);
        }

        /// <summary>Runs <paramref name="encode"/> at offset <see cref="Pad"/> of a padded buffer and returns the hex written; asserts the padding is untouched.</summary>
        public static string Encode(Encoder encode, int size = 64)
        {
            byte[] buffer = new byte[size];
            buffer.AsSpan().Fill(PadByte);
            Assert.Equal(P0Error.None, encode(buffer, Pad, out int length));
            for (int i = 0; i < Pad; i++) Assert.Equal(PadByte, buffer[i]);
            for (int i = Pad + length; i < buffer.Length; i++) Assert.Equal(PadByte, buffer[i]);
            return P0TestData.ToHex(buffer, Pad, length);
        }

        public static string Norm(string hex) => hex.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

        public static void Flagged(P0Message message, params int[] ids)
        {
            Assert.Equal(ids, P0TestData.FlaggedIds(message.Flagged));
            Assert.Equal(ids.Length, message.FlaggedCount);
        }
    }
}
