using System;
using DeviceFirmware.Benchmarks.Naive;
using DeviceFirmware.Protocol.Frames;

namespace DeviceFirmware.Benchmarks
{
    /// <summary>
    /// The frames the benchmarks decode and encode, one per command, built with FrameWriter. Business
    /// data is 12 bytes (a P0 write of a GoKit-sized product); the log and online frames are those of
    /// Vectors/frames.tsv.
    /// </summary>
    public static class SampleFrames
    {
        public const uint Sn = 0xDEADBEEF;
        public const int Settings = 0x0007;
        public const int LogLevel = 2;
        public const string Tag = "relay";
        public const string Source = "Core";
        public const string Content = "开关已打开 relay on";
        public const string Mac = "8266ffeeddcc";
        public const string Passcode = "ABCDEFGHIJ";
        public const string BusinessVersion = "0001";

        public static readonly ushort[] Commands =
        {
            GizwitsCommand.Settings, GizwitsCommand.SettingsAck, GizwitsCommand.Log, GizwitsCommand.Business,
            GizwitsCommand.BusinessReply, GizwitsCommand.DeviceOnline, GizwitsCommand.BusinessWithSn, GizwitsCommand.BusinessWithSnAck,
        };

        /// <summary>12 bytes of business data: P0 action 01, attr_flags, attr_vals.</summary>
        public static byte[] BusinessData() => new byte[] { 0x01, 0x00, 0x3F, 0x01, 0x02, 0x10, 0x20, 0x30, 0x05, 0x00, 0x00, 0x00 };

        /// <summary>Encodes the sample frame of <paramref name="command"/> with the real writer.</summary>
        public static byte[] Frame(ushort command)
        {
            byte[] buffer = new byte[256];
            byte[] data = BusinessData();
            int length;
            FrameError error = command switch
            {
                GizwitsCommand.Settings => FrameWriter.WriteSettings(buffer, 0, Settings, out length),
                GizwitsCommand.SettingsAck => FrameWriter.WriteSettingsAck(buffer, 0, out length),
                GizwitsCommand.Log => FrameWriter.WriteLog(buffer, 0, LogLevel, Tag, Source, Content, out length),
                GizwitsCommand.Business or GizwitsCommand.BusinessReply => FrameWriter.WriteBusiness(buffer, 0, command, data, 0, data.Length, out length),
                GizwitsCommand.DeviceOnline => FrameWriter.WriteDeviceOnline(buffer, 0, Mac, Passcode, true, FrameLimits.ProtocolVersion, BusinessVersion, out length),
                _ => FrameWriter.WriteBusinessWithSn(buffer, 0, command, Sn, data, 0, data.Length, out length),
            };
            if (error != FrameError.None) throw new InvalidOperationException($"sample 0x{command:x4}: {error}");
            return buffer.AsSpan(0, length).ToArray();
        }

        /// <summary>The same frame as the naive codec's input object.</summary>
        public static NaiveFrame Naive(ushort command)
        {
            NaiveFrame frame = new NaiveFrame { Command = command };
            switch (command)
            {
                case GizwitsCommand.Settings:
                    frame.Settings = Settings;
                    break;
                case GizwitsCommand.Log:
                    frame.Level = LogLevel;
                    frame.Tag = Tag;
                    frame.Source = Source;
                    frame.Content = Content;
                    break;
                case GizwitsCommand.DeviceOnline:
                    frame.Mac = Mac;
                    frame.Passcode = Passcode;
                    frame.Online = true;
                    frame.ProtocolVersion = FrameLimits.ProtocolVersion;
                    frame.BusinessVersion = BusinessVersion;
                    break;
                case GizwitsCommand.BusinessWithSn:
                case GizwitsCommand.BusinessWithSnAck:
                    frame.Sn = Sn;
                    frame.Body = BusinessData();
                    break;
                case GizwitsCommand.Business:
                case GizwitsCommand.BusinessReply:
                    frame.Body = BusinessData();
                    break;
            }

            return frame;
        }

        /// <summary>Checks that the baseline and the real codec agree on every sample, so the comparison is fair.</summary>
        public static void VerifyBaselineAgrees()
        {
            FrameReader reader = new FrameReader();
            foreach (ushort command in Commands)
            {
                byte[] frame = Frame(command);
                byte[] naive = NaiveFrameCodec.Encode(Naive(command));
                if (!frame.AsSpan().SequenceEqual(naive)) throw new InvalidOperationException($"0x{command:x4}: naive encode differs");
                if (reader.Decode(frame, 0, frame.Length) != FrameError.None) throw new InvalidOperationException($"0x{command:x4}: {reader.Error}");
                NaiveFrame decoded = NaiveFrameCodec.Decode(frame);
                if (decoded.Command != reader.Command || decoded.Sn != reader.Sn || decoded.Settings != reader.Settings) throw new InvalidOperationException($"0x{command:x4}: naive decode differs");
            }
        }
    }
}
