using System;
using System.Text;
using CsCheck;
using DeviceFirmware.Protocol.Frames;

namespace DeviceFirmware.Tests.Support
{
    /// <summary>CsCheck generators for text and frames.</summary>
    internal static class Gens
    {
        /// <summary>Unicode scalar values (no surrogates), weighted toward each UTF-8 length, non-BMP included.</summary>
        public static readonly Gen<int> Scalar = Gen.Frequency(
            (3, Gen.Int[0x20, 0x7E]),
            (1, Gen.Int[0x00, 0x7F]),
            (2, Gen.Int[0x80, 0x7FF]),
            (2, Gen.Int[0x800, 0xD7FF]),
            (1, Gen.Int[0xE000, 0xFFFF]),
            (2, Gen.Int[0x10000, 0x10FFFF]));

        /// <summary>Well-formed strings (no lone surrogates) of up to <paramref name="maxScalars"/> scalars.</summary>
        public static Gen<string> WellFormed(int maxScalars) => Scalar.Array[0, maxScalars].Select(Build);

        /// <summary>Well-formed strings whose UTF-8 fits in <paramref name="maxBytes"/> (built up to it, so often right at it).</summary>
        public static Gen<string> WithinBytes(int maxBytes, int maxScalars) =>
            Scalar.Array[0, maxScalars].Select(cps => BuildWithin(cps, maxBytes));

        /// <summary>Any UTF-16 string, lone surrogates likely.</summary>
        public static readonly Gen<string> AnyUtf16 = Gen.Frequency(
            (3, Gen.Char[(char)0, (char)0x7F]),
            (2, Gen.Char[(char)0x80, (char)0xFFFF]),
            (3, Gen.Char[(char)0xD800, (char)0xDFFF])).Array[0, 24].Select(cs => new string(cs));

        private static string Build(int[] cps)
        {
            var sb = new StringBuilder();
            foreach (int cp in cps) sb.Append(char.ConvertFromUtf32(cp));
            return sb.ToString();
        }

        private static string BuildWithin(int[] cps, int maxBytes)
        {
            var sb = new StringBuilder();
            int bytes = 0;
            foreach (int cp in cps)
            {
                string s = char.ConvertFromUtf32(cp);
                int n = Encoding.UTF8.GetByteCount(s);
                if (bytes + n > maxBytes) break;
                bytes += n;
                sb.Append(s);
            }

            return sb.ToString();
        }

        /// <summary>Business data: mostly 0..300 bytes, sometimes over 16383 (3-byte varlen), up to the limit.</summary>
        public static readonly Gen<byte[]> BusinessData = Gen.Frequency(
            (10, Gen.Byte.Array[0, 300]),
            (1, Gen.Byte.Array[16384, FrameLimits.MaxBusinessData]));

        public static readonly Gen<FrameSpec> Business =
            Gen.Select(Gen.OneOf(Gen.Const(GizwitsCommand.Business), Gen.Const(GizwitsCommand.BusinessReply)), BusinessData,
                (c, d) => new FrameSpec(c, Data: d));

        public static readonly Gen<FrameSpec> BusinessWithSn =
            Gen.Select(Gen.OneOf(Gen.Const(GizwitsCommand.BusinessWithSn), Gen.Const(GizwitsCommand.BusinessWithSnAck)), Gen.UInt, BusinessData,
                (c, sn, d) => new FrameSpec(c, Sn: sn, Data: d));

        public static readonly Gen<FrameSpec> Settings =
            Gen.Int[0, 0xFFFF].Select(s => new FrameSpec(GizwitsCommand.Settings, Settings: s));

        public static readonly Gen<FrameSpec> SettingsAck = Gen.Const(new FrameSpec(GizwitsCommand.SettingsAck));

        public static readonly Gen<FrameSpec> Log =
            Gen.Select(
                Gen.Int[1, 3],
                WithinBytes(FrameLimits.MaxLogTag, 100),
                WithinBytes(FrameLimits.MaxLogSource, 40),
                Gen.Frequency((10, WithinBytes(FrameLimits.MaxLogContent, 200)), (1, WithinBytes(FrameLimits.MaxLogContent, 20000))),
                (level, tag, source, content) => new FrameSpec(GizwitsCommand.Log, Level: level, Tag: tag, Source: source, Content: content));

        public static readonly Gen<FrameSpec> DeviceOnline =
            Gen.Select(
                WithinBytes(FrameLimits.MaxMac, 40),
                WithinBytes(FrameLimits.MaxPasscode, 40),
                Gen.Bool,
                Gen.Frequency((3, Gen.Const(FrameLimits.ProtocolVersion)), (1, Gen.UInt)),
                WithinBytes(FrameLimits.MaxBusinessVersion, 70),
                (mac, passcode, online, version, bv) => new FrameSpec(GizwitsCommand.DeviceOnline, Mac: mac, Passcode: passcode, Online: online, Version: version, BusinessVersion: bv));

        /// <summary>A frame of any of the eight commands.</summary>
        public static readonly Gen<FrameSpec> AnyFrame = Gen.OneOf(Business, BusinessWithSn, Settings, SettingsAck, Log, DeviceOnline);

        /// <summary>A frame of a command that its own Gen makes; for per-command properties.</summary>
        public static Gen<FrameSpec> ForCommand(ushort command) => command switch
        {
            GizwitsCommand.Business or GizwitsCommand.BusinessReply => BusinessData.Select(d => new FrameSpec(command, Data: d)),
            GizwitsCommand.BusinessWithSn or GizwitsCommand.BusinessWithSnAck => Gen.Select(Gen.UInt, BusinessData, (sn, d) => new FrameSpec(command, Sn: sn, Data: d)),
            GizwitsCommand.Settings => Settings,
            GizwitsCommand.SettingsAck => SettingsAck,
            GizwitsCommand.Log => Log,
            GizwitsCommand.DeviceOnline => DeviceOnline,
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
    }
}
