using System;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Text;
using Xunit;

namespace DeviceFirmware.Tests.Support
{
    /// <summary>
    /// Every field a frame of any command can carry; fields a command does not use hold their defaults
    /// (empty data/strings, 0, false), which is also what <see cref="FromReader"/> yields for them.
    /// </summary>
    internal sealed record FrameSpec(
        ushort Command,
        uint Sn = 0,
        byte[]? Data = null,
        int Settings = 0,
        int Level = 0,
        string Tag = "",
        string Source = "",
        string Content = "",
        string Mac = "",
        string Passcode = "",
        bool Online = false,
        uint Version = 0,
        string BusinessVersion = "")
    {
        public byte[] Bytes => Data ?? Array.Empty<byte>();

        /// <summary>Encodes with the strict typed writer of the command.</summary>
        public FrameError Encode(byte[] buffer, int offset, out int length)
        {
            switch (Command)
            {
                case GizwitsCommand.Business:
                case GizwitsCommand.BusinessReply:
                    return FrameWriter.WriteBusiness(buffer, offset, Command, Bytes, 0, Bytes.Length, out length);
                case GizwitsCommand.BusinessWithSn:
                case GizwitsCommand.BusinessWithSnAck:
                    return FrameWriter.WriteBusinessWithSn(buffer, offset, Command, Sn, Bytes, 0, Bytes.Length, out length);
                case GizwitsCommand.Settings:
                    return FrameWriter.WriteSettings(buffer, offset, Settings, out length);
                case GizwitsCommand.SettingsAck:
                    return FrameWriter.WriteSettingsAck(buffer, offset, out length);
                case GizwitsCommand.Log:
                    return FrameWriter.WriteLog(buffer, offset, Level, Tag, Source, Content, out length);
                case GizwitsCommand.DeviceOnline:
                    return FrameWriter.WriteDeviceOnline(buffer, offset, Mac, Passcode, Online, Version, BusinessVersion, out length);
                default:
                    throw new InvalidOperationException("no typed writer for command " + Command);
            }
        }

        /// <summary>Encodes into a fresh array of exactly the frame's size.</summary>
        public byte[] Encode()
        {
            byte[] buffer = new byte[FrameLimits.MaxHeaderLength + 4 + 7 + 65535 * 2 + 1024];
            FrameError error = Encode(buffer, 0, out int length);
            Assert.Equal(FrameError.None, error);
            return buffer.AsSpan(0, length).ToArray();
        }

        /// <summary>The fields of a successful decode.</summary>
        public static FrameSpec FromReader(FrameReader r)
        {
            byte[] b = r.Buffer;
            return new FrameSpec(
                r.Command,
                r.Sn,
                GizwitsCommand.CarriesBusinessData(r.Command) ? b.AsSpan(r.BodyOffset, r.BodyLength).ToArray() : Array.Empty<byte>(),
                r.Settings,
                r.LogLevel,
                Utf8.GetString(b, r.TagOffset, r.TagLength),
                Utf8.GetString(b, r.SourceOffset, r.SourceLength),
                Utf8.GetString(b, r.ContentOffset, r.ContentLength),
                Utf8.GetString(b, r.MacOffset, r.MacLength),
                Utf8.GetString(b, r.PasscodeOffset, r.PasscodeLength),
                r.Online,
                r.ProtocolVersion,
                Utf8.GetString(b, r.BusinessVersionOffset, r.BusinessVersionLength));
        }

        public static void AssertSame(FrameSpec expected, FrameSpec actual)
        {
            Assert.Equal(expected.Command, actual.Command);
            Assert.Equal(expected.Sn, actual.Sn);
            Assert.Equal(Hex.Of(expected.Bytes), Hex.Of(actual.Bytes));
            Assert.Equal(expected.Settings, actual.Settings);
            Assert.Equal(expected.Level, actual.Level);
            Assert.Equal(expected.Tag, actual.Tag);
            Assert.Equal(expected.Source, actual.Source);
            Assert.Equal(expected.Content, actual.Content);
            Assert.Equal(expected.Mac, actual.Mac);
            Assert.Equal(expected.Passcode, actual.Passcode);
            Assert.Equal(expected.Online, actual.Online);
            Assert.Equal(expected.Version, actual.Version);
            Assert.Equal(expected.BusinessVersion, actual.BusinessVersion);
        }

        public override string ToString() =>
            $"cmd=0x{Command:x4} sn={Sn} data[{Bytes.Length}]={Hex.Of(Bytes, 0, Math.Min(16, Bytes.Length))} settings={Settings} level={Level} " +
            $"tag[{Tag.Length}]={Escape(Tag)} source={Escape(Source)} content[{Content.Length}] mac={Escape(Mac)} passcode={Escape(Passcode)} " +
            $"online={Online} version={Version} bv={Escape(BusinessVersion)}";

        private static string Escape(string s)
        {
            var sb = new System.Text.StringBuilder();
            foreach (char c in s.Length > 40 ? s.Substring(0, 40) : s) sb.Append(c < 0x7F && c >= 0x20 ? c.ToString() : $"\\u{(int)c:x4}");
            return sb.ToString();
        }
    }
}
