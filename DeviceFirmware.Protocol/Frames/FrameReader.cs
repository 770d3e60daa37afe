using DeviceFirmware.Protocol.Text;

namespace DeviceFirmware.Protocol.Frames
{
    /// <summary>
    /// Decodes one app2dev/dev2app frame (docs/protocol.md §2–§3) in place. Create one per receive loop and
    /// reuse it: <see cref="Decode"/> allocates nothing and never throws; every field is an offset into
    /// <see cref="Buffer"/> or a number. After a failed decode only <see cref="Error"/> and
    /// <see cref="ErrorOffset"/> are meaningful.
    /// </summary>
    public sealed class FrameReader
    {
        // Fixed header (4) + one-byte variable length + flags + command word: the shortest frame, and the longest whose
        // variable length (count − 5) still fits in one byte (≤ 127).
        private const int FastMinLength = 8;
        private const int FastMaxLength = 132;

        private bool commandFieldsSet;

        /// <summary>The buffer of the last decode.</summary>
        public byte[] Buffer { get; private set; }

        /// <summary>The result of the last decode.</summary>
        public FrameError Error { get; private set; }

        /// <summary>Where the last decode went wrong, counted from the frame's first byte; -1 on success.</summary>
        public int ErrorOffset { get; private set; }

        /// <summary>Index in <see cref="Buffer"/> of the frame's first byte.</summary>
        public int FrameOffset { get; private set; }

        /// <summary>The flags byte (sent as 0; kept as read).</summary>
        public byte Flags { get; private set; }

        /// <summary>The command word.</summary>
        public ushort Command { get; private set; }

        /// <summary>The sn of 0x0093/0x0094; 0 for other commands.</summary>
        public uint Sn { get; private set; }

        /// <summary>Index in <see cref="Buffer"/> of the body after the command word and sn (for 0x0090/91/93/94: the business data).</summary>
        public int BodyOffset { get; private set; }

        /// <summary>Length of the body after the command word and sn.</summary>
        public int BodyLength { get; private set; }

        /// <summary>0x0010: the 16-bit settings value (see <see cref="DeviceSettings"/>).</summary>
        public ushort Settings { get; private set; }

        /// <summary>0x0012: the level (1 Error, 2 Warning, 3 Info).</summary>
        public byte LogLevel { get; private set; }

        /// <summary>0x0012: index of the tag's UTF-8 bytes.</summary>
        public int TagOffset { get; private set; }

        /// <summary>0x0012: byte length of the tag.</summary>
        public int TagLength { get; private set; }

        /// <summary>0x0012: index of the source's UTF-8 bytes.</summary>
        public int SourceOffset { get; private set; }

        /// <summary>0x0012: byte length of the source.</summary>
        public int SourceLength { get; private set; }

        /// <summary>0x0012: index of the content's UTF-8 bytes.</summary>
        public int ContentOffset { get; private set; }

        /// <summary>0x0012: byte length of the content.</summary>
        public int ContentLength { get; private set; }

        /// <summary>0x0092: index of the MAC's bytes.</summary>
        public int MacOffset { get; private set; }

        /// <summary>0x0092: byte length of the MAC.</summary>
        public int MacLength { get; private set; }

        /// <summary>0x0092: index of the passcode's bytes.</summary>
        public int PasscodeOffset { get; private set; }

        /// <summary>0x0092: byte length of the passcode.</summary>
        public int PasscodeLength { get; private set; }

        /// <summary>0x0092: true when the device came online, false when it went offline.</summary>
        public bool Online { get; private set; }

        /// <summary>0x0092: the general protocol version (<c>00 00 00 03</c>).</summary>
        public uint ProtocolVersion { get; private set; }

        /// <summary>0x0092: index of the business protocol version string.</summary>
        public int BusinessVersionOffset { get; private set; }

        /// <summary>0x0092: byte length of the business protocol version string.</summary>
        public int BusinessVersionLength { get; private set; }

        /// <summary>
        /// Decodes the frame of exactly <paramref name="count"/> bytes at <paramref name="offset"/>.
        /// Returns <see cref="FrameError.None"/> or the first problem found (also in <see cref="Error"/>).
        /// </summary>
        public FrameError Decode(byte[] buffer, int offset, int count)
        {
            // The hot path: business data (0x0090/0x0091/0x0093/0x0094) whose variable length takes one byte, i.e. every
            // App command and status of up to 127 bytes after the length. It only ever accepts, setting the same fields
            // as the full decode; anything else (every malformed frame included) goes through DecodeFull, which says
            // what is wrong. After a 0x0010/0x0012/0x0092 the full decode runs once more to clear their fields.
            if (count >= FastMinLength && count <= FastMaxLength && !commandFieldsSet && buffer != null && offset >= 0 && offset <= buffer.Length - count)
            {
                // One byte of length equal to the bytes that follow it; fixed header 00 00 00 03; command word 00 9x.
                if (buffer[offset + 4] == count - 5 && buffer[offset + 3] == FrameLimits.ProtocolVersion
                    && (buffer[offset] | buffer[offset + 1] | buffer[offset + 2] | buffer[offset + 6]) == 0)
                {
                    int command = buffer[offset + 7];
                    if (command == 0x90 || command == 0x91)
                    {
                        Sn = 0;
                        BodyOffset = offset + 8;
                        return Accept(buffer, offset, count, command);
                    }

                    if ((command == 0x93 || command == 0x94) && count >= FastMinLength + FrameLimits.SnLength)
                    {
                        Sn = BigEndian.ReadUInt32(buffer, offset + 8);
                        BodyOffset = offset + 12;
                        return Accept(buffer, offset, count, command);
                    }
                }
            }

            return DecodeFull(buffer, offset, count);
        }

        /// <summary>The decode without the hot path: every check, in order, with the error and its offset.</summary>
        internal FrameError DecodeFull(byte[] buffer, int offset, int count)
        {
            if (Buffer != buffer) Buffer = buffer;
            FrameOffset = offset;
            Sn = 0;
            Flags = 0;
            Command = 0;
            BodyOffset = BodyLength = 0;
            if (commandFieldsSet) ClearCommandFields();

            if (!ByteRange.IsValid(buffer, offset, count))
            {
                return Fail(FrameError.InvalidArguments, 0);
            }

            int end = offset + count;
            if (count < FrameLimits.FixedHeaderLength) return Fail(FrameError.TruncatedHeader, count);
            if (buffer[offset] != 0 || buffer[offset + 1] != 0 || buffer[offset + 2] != 0 || buffer[offset + 3] != FrameLimits.ProtocolVersion)
            {
                return Fail(FrameError.BadFixedHeader, FirstHeaderMismatch(buffer, offset));
            }

            int pos = offset + FrameLimits.FixedHeaderLength;
            FrameError error = VarLength.Read(buffer, pos, end, out int remaining, out int size);
            if (error != FrameError.None) return Fail(error, pos + size - offset);
            pos += size;
            if (remaining != end - pos) return Fail(FrameError.VarLenMismatch, FrameLimits.FixedHeaderLength);
            if (remaining < FrameLimits.FlagsAndCommandLength) return Fail(FrameError.TruncatedHeader, count);

            Flags = buffer[pos];
            Command = BigEndian.ReadUInt16(buffer, pos + 1);
            pos += FrameLimits.FlagsAndCommandLength;
            if (!GizwitsCommand.IsKnown(Command)) return Fail(FrameError.UnknownCommand, pos - 2 - offset);

            if (GizwitsCommand.HasSn(Command))
            {
                if (end - pos < FrameLimits.SnLength) return Fail(FrameError.BodyTooShort, end - offset);
                Sn = BigEndian.ReadUInt32(buffer, pos);
                pos += FrameLimits.SnLength;
            }

            BodyOffset = pos;
            BodyLength = end - pos;
            if (Command == GizwitsCommand.Settings || Command == GizwitsCommand.Log || Command == GizwitsCommand.DeviceOnline) commandFieldsSet = true;
            switch (Command)
            {
                case GizwitsCommand.Settings:
                    if (BodyLength < 2) return Fail(FrameError.BodyTooShort, end - offset);
                    if (BodyLength > 2) return Fail(FrameError.TrailingBytes, pos + 2 - offset);
                    Settings = BigEndian.ReadUInt16(buffer, pos);
                    break;
                case GizwitsCommand.SettingsAck:
                    if (BodyLength > 0) return Fail(FrameError.TrailingBytes, pos - offset);
                    break;
                case GizwitsCommand.Log:
                    error = DecodeLog(pos, end);
                    if (error != FrameError.None) return error;
                    break;
                case GizwitsCommand.DeviceOnline:
                    error = DecodeOnline(pos, end);
                    if (error != FrameError.None) return error;
                    break;
                default:
                    if (BodyLength > FrameLimits.MaxBusinessData) return Fail(FrameError.FieldOverLimit, pos - offset);
                    break;
            }

            Error = FrameError.None;
            ErrorOffset = -1;
            return FrameError.None;
        }

        // The hot path's success: header fields (Sn and BodyOffset already set) and no error.
        private FrameError Accept(byte[] buffer, int offset, int count, int command)
        {
            // A receive loop decodes from the same buffer every time: storing the reference again would cost a GC write
            // barrier per frame (a third of the hot path's time on .NET).
            if (Buffer != buffer) Buffer = buffer;
            FrameOffset = offset;
            Flags = buffer[offset + 5];
            Command = (ushort)command;
            BodyLength = offset + count - BodyOffset;
            Error = FrameError.None;
            ErrorOffset = -1;
            return FrameError.None;
        }

        // Only 0x0010, 0x0012 and 0x0092 fill these; clearing them only after such a frame keeps the
        // business-data path (the hot one) short.
        private void ClearCommandFields()
        {
            Settings = 0;
            LogLevel = 0;
            TagOffset = TagLength = SourceOffset = SourceLength = ContentOffset = ContentLength = 0;
            MacOffset = MacLength = PasscodeOffset = PasscodeLength = BusinessVersionOffset = BusinessVersionLength = 0;
            Online = false;
            ProtocolVersion = 0;
            commandFieldsSet = false;
        }

        private FrameError DecodeLog(int pos, int end)
        {
            byte[] buffer = Buffer;
            if (pos >= end) return Fail(FrameError.BodyTooShort, end - FrameOffset);
            LogLevel = buffer[pos];
            if (LogLevel < 1 || LogLevel > 3) return Fail(FrameError.FieldOutOfRange, pos - FrameOffset);
            pos++;

            FrameError error = ReadField(ref pos, end, FrameLimits.MaxLogTag, out int fieldOffset, out int fieldLength);
            if (error != FrameError.None) return error;
            TagOffset = fieldOffset;
            TagLength = fieldLength;

            error = ReadField(ref pos, end, FrameLimits.MaxLogSource, out fieldOffset, out fieldLength);
            if (error != FrameError.None) return error;
            SourceOffset = fieldOffset;
            SourceLength = fieldLength;

            error = ReadField(ref pos, end, FrameLimits.MaxLogContent, out fieldOffset, out fieldLength);
            if (error != FrameError.None) return error;
            ContentOffset = fieldOffset;
            ContentLength = fieldLength;

            return pos == end ? FrameError.None : Fail(FrameError.TrailingBytes, pos - FrameOffset);
        }

        private FrameError DecodeOnline(int pos, int end)
        {
            FrameError error = ReadField(ref pos, end, FrameLimits.MaxMac, out int fieldOffset, out int fieldLength);
            if (error != FrameError.None) return error;
            MacOffset = fieldOffset;
            MacLength = fieldLength;

            error = ReadField(ref pos, end, FrameLimits.MaxPasscode, out fieldOffset, out fieldLength);
            if (error != FrameError.None) return error;
            PasscodeOffset = fieldOffset;
            PasscodeLength = fieldLength;

            if (end - pos < 5) return Fail(FrameError.BodyTooShort, end - FrameOffset);
            byte online = Buffer[pos];
            if (online > 1) return Fail(FrameError.FieldOutOfRange, pos - FrameOffset);
            Online = online == 1;
            ProtocolVersion = BigEndian.ReadUInt32(Buffer, pos + 1);
            pos += 5;

            error = ReadField(ref pos, end, FrameLimits.MaxBusinessVersion, out fieldOffset, out fieldLength);
            if (error != FrameError.None) return error;
            BusinessVersionOffset = fieldOffset;
            BusinessVersionLength = fieldLength;

            return pos == end ? FrameError.None : Fail(FrameError.TrailingBytes, pos - FrameOffset);
        }

        /// <summary>Reads a 2-byte length and that many UTF-8 bytes, checking the limit and the frame's end.</summary>
        private FrameError ReadField(ref int pos, int end, int limit, out int fieldOffset, out int fieldLength)
        {
            fieldOffset = 0;
            fieldLength = 0;
            if (end - pos < 2) return Fail(FrameError.BodyTooShort, end - FrameOffset);
            int length = BigEndian.ReadUInt16(Buffer, pos);
            if (length > limit) return Fail(FrameError.FieldOverLimit, pos - FrameOffset);
            if (length > end - pos - 2) return Fail(FrameError.LengthPastEnd, pos - FrameOffset);
            int bad = Utf8.FindInvalid(Buffer, pos + 2, length);
            if (bad >= 0) return Fail(FrameError.BadUtf8, bad - FrameOffset);
            fieldOffset = pos + 2;
            fieldLength = length;
            pos += 2 + length;
            return FrameError.None;
        }

        private static int FirstHeaderMismatch(byte[] buffer, int offset)
        {
            for (int i = 0; i < 3; i++)
            {
                if (buffer[offset + i] != 0) return i;
            }

            return 3;
        }

        private FrameError Fail(FrameError error, int offsetInFrame)
        {
            Error = error;
            ErrorOffset = offsetInFrame;
            return error;
        }
    }
}
