using System;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using Xunit;

namespace DeviceFirmware.Tests.Interop
{
    /// <summary>Frames an App sends, built with the protocol library (the bytes mosquitto_pub publishes).</summary>
    internal static class AppFrames
    {
        /// <summary>0x0093 with a P0 write of one data point.</summary>
        public static byte[] WriteWithSn(Product product, string point, long raw, uint sn)
        {
            byte[] p0 = P0Write(product, point, raw, out int p0Length);
            var frame = new byte[FrameWriter.FrameLength(FrameLimits.SnLength + p0Length)];
            Assert.Equal(FrameError.None, FrameWriter.WriteBusinessWithSn(frame, 0, GizwitsCommand.BusinessWithSn, sn, p0, 0, p0Length, out int length));
            return frame.AsSpan(0, length).ToArray();
        }

        /// <summary>0x0090 with a P0 write of one data point (answered by the status broadcast).</summary>
        public static byte[] Write(Product product, string point, long raw)
        {
            byte[] p0 = P0Write(product, point, raw, out int p0Length);
            var frame = new byte[FrameWriter.FrameLength(p0Length)];
            Assert.Equal(FrameError.None, FrameWriter.WriteBusiness(frame, 0, GizwitsCommand.Business, p0, 0, p0Length, out int length));
            return frame.AsSpan(0, length).ToArray();
        }

        /// <summary>0x0093 with a P0 read.</summary>
        public static byte[] ReadWithSn(uint sn)
        {
            var p0 = new byte[1];
            Assert.Equal(P0Error.None, P0Writer.WriteRead(p0, 0, out _));
            var frame = new byte[FrameWriter.FrameLength(FrameLimits.SnLength + 1)];
            Assert.Equal(FrameError.None, FrameWriter.WriteBusinessWithSn(frame, 0, GizwitsCommand.BusinessWithSn, sn, p0, 0, 1, out int length));
            return frame.AsSpan(0, length).ToArray();
        }

        /// <summary>0x0010 with a log level and the indicator LED.</summary>
        public static byte[] Settings(LogLevel level, bool led)
        {
            var frame = new byte[16];
            Assert.Equal(FrameError.None, FrameWriter.WriteSettings(frame, 0, DeviceSettings.Compose(level, led), out int length));
            return frame.AsSpan(0, length).ToArray();
        }

        /// <summary>A P0 write (action 0x01) of one data point.</summary>
        public static byte[] P0Write(Product product, string point, long raw, out int length)
        {
            var values = new DataPointValues(product);
            var flagged = new bool[product.Points.Length];
            int id = product.Find(point).Id;
            values.Set(id, raw);
            flagged[id] = true;
            var p0 = new byte[product.MaxMessageSize];
            Assert.Equal(P0Error.None, P0Writer.WriteWrite(values, flagged, p0, 0, out length));
            return p0;
        }

        /// <summary>True when <paramref name="line"/> ("topic hex") is a 0x0091 status report with <paramref name="point"/> = <paramref name="raw"/>.</summary>
        public static bool IsStatusWith(string line, string broadcastTopic, Product product, string point, long raw)
        {
            if (!line.StartsWith(broadcastTopic + " ", StringComparison.Ordinal)) return false;
            FrameReader status = MosquittoApp.Frame(line);
            if (status.Command != GizwitsCommand.BusinessReply) return false;
            var message = new P0Message(product);
            return message.Decode(status.Buffer, status.BodyOffset, status.BodyLength) == P0Error.None
                && message.Action == P0Action.Report && message.Values.Get(product.Find(point).Id) == raw;
        }

        /// <summary>The P0 values of a 0x0094 line.</summary>
        public static P0Message Reply(string line, Product product, uint sn)
        {
            FrameReader answer = MosquittoApp.Frame(line);
            Assert.Equal(GizwitsCommand.BusinessWithSnAck, answer.Command);
            Assert.Equal(sn, answer.Sn);
            var message = new P0Message(product);
            Assert.Equal(P0Error.None, message.Decode(answer.Buffer, answer.BodyOffset, answer.BodyLength));
            return message;
        }
    }
}
