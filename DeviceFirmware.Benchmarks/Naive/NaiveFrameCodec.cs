using System;
using System.IO;
using System.Text;

namespace DeviceFirmware.Benchmarks.Naive
{
    /// <summary>
    /// The baseline: the frame codec written the obvious way (MemoryStream + BinaryReader/BinaryWriter,
    /// a new array per field, Encoding.UTF8 for text, a new object per decoded frame, exceptions for bad
    /// input). It checks what the real codec checks: fixed header, minimal varlen of at most 4 bytes that
    /// matches the rest, known command, sn, field limits, strict UTF-8, no trailing bytes.
    /// </summary>
    public static class NaiveFrameCodec
    {
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static NaiveFrame Decode(byte[] frame)
        {
            using MemoryStream stream = new MemoryStream(frame);
            using BinaryReader reader = new BinaryReader(stream);
            byte[] header = reader.ReadBytes(4);
            if (header.Length < 4 || header[0] != 0 || header[1] != 0 || header[2] != 0 || header[3] != 3) throw new InvalidDataException("bad fixed header");

            int remaining = 0;
            int shift = 0;
            for (int i = 0; ; i++)
            {
                if (i == 4) throw new InvalidDataException("varlen too long");
                byte b = reader.ReadByte();
                remaining |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    if (b == 0 && i > 0) throw new InvalidDataException("varlen not minimal");
                    break;
                }

                shift += 7;
            }

            if (remaining != stream.Length - stream.Position) throw new InvalidDataException("varlen mismatch");
            if (remaining < 3) throw new InvalidDataException("truncated header");

            NaiveFrame result = new NaiveFrame();
            result.Flags = reader.ReadByte();
            result.Command = ReadUInt16(reader);
            switch (result.Command)
            {
                case 0x0090:
                case 0x0091:
                    result.Body = ReadRest(reader, stream);
                    if (result.Body.Length > 65535) throw new InvalidDataException("business data over limit");
                    break;
                case 0x0093:
                case 0x0094:
                    if (stream.Length - stream.Position < 4) throw new InvalidDataException("body too short");
                    result.Sn = ReadUInt32(reader);
                    result.Body = ReadRest(reader, stream);
                    if (result.Body.Length > 65535) throw new InvalidDataException("business data over limit");
                    break;
                case 0x0010:
                    result.Body = ReadRest(reader, stream);
                    if (result.Body.Length != 2) throw new InvalidDataException("settings must be 2 bytes");
                    result.Settings = (ushort)((result.Body[0] << 8) | result.Body[1]);
                    break;
                case 0x0011:
                    if (stream.Position != stream.Length) throw new InvalidDataException("trailing bytes");
                    break;
                case 0x0012:
                    result.Body = ReadRest(reader, stream);
                    stream.Position -= result.Body.Length;
                    result.Level = reader.ReadByte();
                    if (result.Level < 1 || result.Level > 3) throw new InvalidDataException("level out of range");
                    result.Tag = ReadString(reader, stream, 256);
                    result.Source = ReadString(reader, stream, 32);
                    result.Content = ReadString(reader, stream, 65535);
                    if (stream.Position != stream.Length) throw new InvalidDataException("trailing bytes");
                    break;
                case 0x0092:
                    result.Body = ReadRest(reader, stream);
                    stream.Position -= result.Body.Length;
                    result.Mac = ReadString(reader, stream, 32);
                    result.Passcode = ReadString(reader, stream, 32);
                    byte online = reader.ReadByte();
                    if (online > 1) throw new InvalidDataException("online out of range");
                    result.Online = online == 1;
                    result.ProtocolVersion = ReadUInt32(reader);
                    result.BusinessVersion = ReadString(reader, stream, 64);
                    if (stream.Position != stream.Length) throw new InvalidDataException("trailing bytes");
                    break;
                default:
                    throw new InvalidDataException("unknown command");
            }

            return result;
        }

        public static byte[] Encode(NaiveFrame frame)
        {
            using MemoryStream body = new MemoryStream();
            using BinaryWriter writer = new BinaryWriter(body);
            writer.Write(frame.Flags);
            WriteUInt16(writer, frame.Command);
            switch (frame.Command)
            {
                case 0x0090:
                case 0x0091:
                    if (frame.Body.Length > 65535) throw new InvalidDataException("business data over limit");
                    writer.Write(frame.Body);
                    break;
                case 0x0093:
                case 0x0094:
                    if (frame.Body.Length > 65535) throw new InvalidDataException("business data over limit");
                    WriteUInt32(writer, frame.Sn);
                    writer.Write(frame.Body);
                    break;
                case 0x0010:
                    WriteUInt16(writer, frame.Settings);
                    break;
                case 0x0011:
                    break;
                case 0x0012:
                    if (frame.Level < 1 || frame.Level > 3) throw new InvalidDataException("level out of range");
                    writer.Write(frame.Level);
                    WriteString(writer, frame.Tag, 256);
                    WriteString(writer, frame.Source, 32);
                    WriteString(writer, frame.Content, 65535);
                    break;
                case 0x0092:
                    WriteString(writer, frame.Mac, 32);
                    WriteString(writer, frame.Passcode, 32);
                    writer.Write(frame.Online ? (byte)1 : (byte)0);
                    WriteUInt32(writer, frame.ProtocolVersion);
                    WriteString(writer, frame.BusinessVersion, 64);
                    break;
                default:
                    throw new InvalidDataException("unknown command");
            }

            writer.Flush();
            byte[] payload = body.ToArray();

            using MemoryStream output = new MemoryStream();
            using BinaryWriter frameWriter = new BinaryWriter(output);
            frameWriter.Write(new byte[] { 0, 0, 0, 3 });
            int remaining = payload.Length;
            do
            {
                byte b = (byte)(remaining & 0x7F);
                remaining >>= 7;
                if (remaining > 0) b |= 0x80;
                frameWriter.Write(b);
            }
            while (remaining > 0);
            frameWriter.Write(payload);
            frameWriter.Flush();
            return output.ToArray();
        }

        private static ushort ReadUInt16(BinaryReader reader) => (ushort)((reader.ReadByte() << 8) | reader.ReadByte());

        private static uint ReadUInt32(BinaryReader reader) => ((uint)ReadUInt16(reader) << 16) | ReadUInt16(reader);

        private static void WriteUInt16(BinaryWriter writer, int value)
        {
            writer.Write((byte)(value >> 8));
            writer.Write((byte)value);
        }

        private static void WriteUInt32(BinaryWriter writer, uint value)
        {
            WriteUInt16(writer, (int)(value >> 16));
            WriteUInt16(writer, (int)(value & 0xFFFF));
        }

        private static byte[] ReadRest(BinaryReader reader, MemoryStream stream) => reader.ReadBytes((int)(stream.Length - stream.Position));

        private static string ReadString(BinaryReader reader, MemoryStream stream, int limit)
        {
            if (stream.Length - stream.Position < 2) throw new InvalidDataException("body too short");
            int length = ReadUInt16(reader);
            if (length > limit) throw new InvalidDataException("field over limit");
            if (length > stream.Length - stream.Position) throw new InvalidDataException("length past end");
            byte[] bytes = reader.ReadBytes(length);
            return StrictUtf8.GetString(bytes);
        }

        private static void WriteString(BinaryWriter writer, string text, int limit)
        {
            byte[] bytes = StrictUtf8.GetBytes(text);
            if (bytes.Length > limit) throw new InvalidDataException("field over limit");
            WriteUInt16(writer, bytes.Length);
            writer.Write(bytes);
        }
    }
}
