using System;
using System.Globalization;
using System.Linq;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.Frames
{
    /// <summary>Every public vector (docs/protocol.md §9) decodes to its columns and re-encodes to the same bytes.</summary>
    public class FrameVectorTests
    {
        public static TheoryData<string> Names()
        {
            var data = new TheoryData<string>();
            foreach (FrameVector v in FrameVectors.All) data.Add(v.Name);
            return data;
        }

        [Fact]
        public void Vector_file_is_loaded()
        {
            Assert.True(FrameVectors.All.Count >= 11, "expected at least the 11 published vectors");
            Assert.Equal(FrameVectors.All.Count, FrameVectors.All.Select(v => v.Name).Distinct().Count());
        }

        [Theory]
        [MemberData(nameof(Names))]
        public void Decodes_to_its_columns(string name)
        {
            FrameVector v = FrameVectors.Get(name);
            byte[] frame = Hex.Parse(v.FrameHex);
            var reader = new FrameReader();

            Assert.Equal(FrameError.None, reader.Decode(frame, 0, frame.Length));
            Assert.Equal(-1, reader.ErrorOffset);
            Assert.Equal(Convert.ToUInt16(v.Command, 16), reader.Command);
            Assert.Equal(byte.Parse(v.Flags, CultureInfo.InvariantCulture), reader.Flags);
            if (GizwitsCommand.HasSn(reader.Command)) Assert.Equal(uint.Parse(v.Sn, CultureInfo.InvariantCulture), reader.Sn);
            else Assert.Equal(0u, reader.Sn);
            Assert.Equal(v.BodyHex, Hex.Of(frame, reader.BodyOffset, reader.BodyLength));
            Assert.Equal(frame.Length, reader.BodyOffset + reader.BodyLength);
        }

        [Theory]
        [MemberData(nameof(Names))]
        public void Reencodes_to_the_same_bytes(string name)
        {
            byte[] frame = Hex.Parse(FrameVectors.Get(name).FrameHex);
            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(frame, 0, frame.Length));

            FrameSpec spec = FrameSpec.FromReader(reader);
            byte[] buffer = new byte[frame.Length];
            Assert.Equal(FrameError.None, spec.Encode(buffer, 0, out int length));
            Assert.Equal(frame.Length, length);
            Assert.Equal(Hex.Of(frame), Hex.Of(buffer));
        }
    }
}
