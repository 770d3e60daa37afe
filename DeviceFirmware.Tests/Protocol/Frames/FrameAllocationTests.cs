using System;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.Frames
{
    /// <summary>The receive and send paths allocate nothing once warm.</summary>
    public class FrameAllocationTests
    {
        public static TheoryData<string> Vectors()
        {
            var t = new TheoryData<string>();
            foreach (FrameVector v in FrameVectors.All) t.Add(v.Name);
            return t;
        }

        [Theory]
        [MemberData(nameof(Vectors))]
        public void Decode_allocates_nothing(string name)
        {
            byte[] frame = Hex.Parse(FrameVectors.Get(name).FrameHex);
            var reader = new FrameReader();
            int sink = 0;
            Action decode = () => sink += (int)reader.Decode(frame, 0, frame.Length) + reader.Command + reader.BodyLength;
            Assert.Equal(0, Allocations.Of(decode));
            Assert.NotEqual(0, sink);
        }

        [Fact]
        public void The_measurement_sees_an_allocation()
        {
            // Guards the helper: a loop that allocates once per call must not measure 0.
            object? sink = null;
            Action allocate = () => sink = new byte[1];
            Assert.True(Allocations.Of(allocate) >= 1000 * 25);
            Assert.NotNull(sink);
        }

        [Fact]
        public void Failed_decode_allocates_nothing()
        {
            byte[] frame = Hex.Parse("000000030c000012030002c08000000000");
            var reader = new FrameReader();
            int sink = 0;
            Action decode = () => sink += (int)reader.Decode(frame, 0, frame.Length) + reader.ErrorOffset;
            Assert.Equal(0, Allocations.Of(decode));
            Assert.NotEqual(0, sink);
        }

        public static TheoryData<string> Writers() => new() { "0090", "0091", "0093", "0094", "0010", "0011", "0012", "0092", "raw" };

        [Theory]
        [MemberData(nameof(Writers))]
        public void Encode_allocates_nothing(string which)
        {
            byte[] buffer = new byte[70000];
            byte[] data = new byte[20000]; // 3-byte varlen
            string tag = "relay";
            string source = "Core";
            string content = "开关已打开 relay on 😀";
            string mac = "8266ffeeddcc";
            string passcode = "ABCDEFGHIJ";
            string version = "0001";
            int total = 0;
            Action encode = which switch
            {
                "0090" => () => { FrameWriter.WriteBusiness(buffer, 0, GizwitsCommand.Business, data, 0, data.Length, out int n); total += n; },
                "0091" => () => { FrameWriter.WriteBusiness(buffer, 1, GizwitsCommand.BusinessReply, data, 0, 100, out int n); total += n; },
                "0093" => () => { FrameWriter.WriteBusinessWithSn(buffer, 0, GizwitsCommand.BusinessWithSn, 9, data, 0, data.Length, out int n); total += n; },
                "0094" => () => { FrameWriter.WriteBusinessWithSn(buffer, 0, GizwitsCommand.BusinessWithSnAck, 9, data, 0, 3, out int n); total += n; },
                "0010" => () => { FrameWriter.WriteSettings(buffer, 0, 7, out int n); total += n; },
                "0011" => () => { FrameWriter.WriteSettingsAck(buffer, 0, out int n); total += n; },
                "0012" => () => { FrameWriter.WriteLog(buffer, 0, 2, tag, source, content, out int n); total += n; },
                "0092" => () => { FrameWriter.WriteDeviceOnline(buffer, 0, mac, passcode, true, 3, version, out int n); total += n; },
                _ => () => { FrameWriter.WriteRaw(buffer, 0, 0, 0x0013, data, 0, 200, out int n); total += n; },
            };

            Assert.Equal(0, Allocations.Of(encode));
            Assert.NotEqual(0, total);
        }
    }
}
