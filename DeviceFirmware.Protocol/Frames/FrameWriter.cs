using DeviceFirmware.Protocol.Text;

namespace DeviceFirmware.Protocol.Frames
{
    /// <summary>
    /// Encodes frames (docs/protocol.md §2–§3) into a caller's buffer. Every method returns
    /// <see cref="FrameError.None"/> and the frame's length, or an error and length 0 having written
    /// nothing past what it checked: a value over its limit is refused, never cut.
    /// </summary>
    public static class FrameWriter
    {
        /// <summary>Total frame length for a body of <paramref name="bodyLength"/> bytes after the command word, or -1 if too long.</summary>
        public static int FrameLength(int bodyLength)
        {
            int remaining = FrameLimits.FlagsAndCommandLength + bodyLength;
            int size = VarLength.SizeOf(remaining);
            return size == 0 || bodyLength < 0 ? -1 : FrameLimits.FixedHeaderLength + size + remaining;
        }

        /// <summary>
        /// Writes the fixed header, variable length, flags and command word for a body of
        /// <paramref name="bodyLength"/> bytes (everything after the command word, sn included), so that a
        /// caller can then write the body in place at <c>offset + headerLength</c>. Checks that the whole
        /// frame fits in <paramref name="buffer"/>.
        /// </summary>
        public static FrameError WriteHeader(byte[] buffer, int offset, int flags, int command, int bodyLength, out int headerLength)
        {
            headerLength = 0;
            if (command < 0 || command > 0xFFFF || flags < 0 || flags > 0xFF) return FrameError.FieldOutOfRange;
            int frameLength = FrameLength(bodyLength);
            if (frameLength < 0) return FrameError.FieldOverLimit;
            if (!ByteRange.IsValid(buffer, offset, frameLength)) return FrameError.BufferTooSmall;
            buffer[offset] = 0;
            buffer[offset + 1] = 0;
            buffer[offset + 2] = 0;
            buffer[offset + 3] = (byte)FrameLimits.ProtocolVersion;
            int pos = offset + FrameLimits.FixedHeaderLength;
            pos += VarLength.Write(buffer, pos, FrameLimits.FlagsAndCommandLength + bodyLength);
            buffer[pos] = (byte)flags;
            BigEndian.WriteUInt16(buffer, pos + 1, command);
            headerLength = pos + FrameLimits.FlagsAndCommandLength - offset;
            return FrameError.None;
        }

        /// <summary>
        /// Writes any command with an opaque body, without checking the body's layout: for tools and tests
        /// that need frames the strict writers refuse. Still refuses a body the variable length cannot carry.
        /// </summary>
        public static FrameError WriteRaw(byte[] buffer, int offset, int flags, int command, byte[] body, int bodyOffset, int bodyCount, out int length)
        {
            length = 0;
            if (!ByteRange.IsValidOrEmpty(body, bodyOffset, bodyCount)) return FrameError.InvalidArguments;
            FrameError error = WriteHeader(buffer, offset, flags, command, bodyCount, out int header);
            if (error != FrameError.None) return error;
            if (bodyCount > 0) System.Array.Copy(body, bodyOffset, buffer, offset + header, bodyCount);
            length = header + bodyCount;
            return FrameError.None;
        }

        /// <summary>Writes 0x0090 or 0x0091 carrying <paramref name="dataCount"/> bytes of business data (P0).</summary>
        public static FrameError WriteBusiness(byte[] buffer, int offset, int command, byte[] data, int dataOffset, int dataCount, out int length)
        {
            length = 0;
            if (command != GizwitsCommand.Business && command != GizwitsCommand.BusinessReply) return FrameError.UnknownCommand;
            if (dataCount > FrameLimits.MaxBusinessData) return FrameError.FieldOverLimit;
            return WriteRaw(buffer, offset, 0, command, data, dataOffset, dataCount, out length);
        }

        /// <summary>Writes 0x0093 or 0x0094 with <paramref name="sn"/> and <paramref name="dataCount"/> bytes of business data.</summary>
        public static FrameError WriteBusinessWithSn(byte[] buffer, int offset, int command, uint sn, byte[] data, int dataOffset, int dataCount, out int length)
        {
            length = 0;
            if (!GizwitsCommand.HasSn(command)) return FrameError.UnknownCommand;
            if (dataCount > FrameLimits.MaxBusinessData) return FrameError.FieldOverLimit;
            if (!ByteRange.IsValidOrEmpty(data, dataOffset, dataCount)) return FrameError.InvalidArguments;
            FrameError error = WriteHeader(buffer, offset, 0, command, FrameLimits.SnLength + dataCount, out int header);
            if (error != FrameError.None) return error;
            int pos = offset + header;
            BigEndian.WriteUInt32(buffer, pos, sn);
            if (dataCount > 0) System.Array.Copy(data, dataOffset, buffer, pos + FrameLimits.SnLength, dataCount);
            length = header + FrameLimits.SnLength + dataCount;
            return FrameError.None;
        }

        /// <summary>Writes 0x0010 with the 16-bit settings value (see <see cref="DeviceSettings"/>).</summary>
        public static FrameError WriteSettings(byte[] buffer, int offset, int settings, out int length)
        {
            length = 0;
            if (settings < 0 || settings > 0xFFFF) return FrameError.FieldOutOfRange;
            FrameError error = WriteHeader(buffer, offset, 0, GizwitsCommand.Settings, 2, out int header);
            if (error != FrameError.None) return error;
            BigEndian.WriteUInt16(buffer, offset + header, settings);
            length = header + 2;
            return FrameError.None;
        }

        /// <summary>Writes 0x0011, the empty confirmation of 0x0010.</summary>
        public static FrameError WriteSettingsAck(byte[] buffer, int offset, out int length)
        {
            FrameError error = WriteHeader(buffer, offset, 0, GizwitsCommand.SettingsAck, 0, out length);
            return error;
        }

        /// <summary>
        /// Writes 0x0012. <paramref name="level"/> is 1 (Error), 2 (Warning) or 3 (Info); null strings are
        /// empty. A string over its limit (tag 256, source 32, content 65535 bytes of UTF-8) is refused with
        /// <see cref="FrameError.FieldOverLimit"/>: callers that want to cut use <see cref="Utf8.FitPrefix"/>.
        /// </summary>
        public static FrameError WriteLog(byte[] buffer, int offset, int level, string tag, string source, string content, out int length)
        {
            length = 0;
            if (level < 1 || level > 3) return FrameError.FieldOutOfRange;
            if (tag == null) tag = string.Empty;
            if (source == null) source = string.Empty;
            if (content == null) content = string.Empty;
            int tagBytes = Utf8.GetByteCount(tag);
            int sourceBytes = Utf8.GetByteCount(source);
            int contentBytes = Utf8.GetByteCount(content);
            if (tagBytes < 0 || sourceBytes < 0 || contentBytes < 0) return FrameError.BadUtf8;
            if (tagBytes > FrameLimits.MaxLogTag || sourceBytes > FrameLimits.MaxLogSource || contentBytes > FrameLimits.MaxLogContent) return FrameError.FieldOverLimit;

            FrameError error = WriteHeader(buffer, offset, 0, GizwitsCommand.Log, 1 + 6 + tagBytes + sourceBytes + contentBytes, out int header);
            if (error != FrameError.None) return error;
            int pos = offset + header;
            buffer[pos++] = (byte)level;
            pos += WriteField(buffer, pos, tag, tagBytes);
            pos += WriteField(buffer, pos, source, sourceBytes);
            pos += WriteField(buffer, pos, content, contentBytes);
            length = pos - offset;
            return FrameError.None;
        }

        /// <summary>Writes 0x0092 (online/offline notice) with its MAC, passcode, state and versions.</summary>
        public static FrameError WriteDeviceOnline(byte[] buffer, int offset, string mac, string passcode, bool online, uint protocolVersion, string businessVersion, out int length)
        {
            length = 0;
            if (mac == null) mac = string.Empty;
            if (passcode == null) passcode = string.Empty;
            if (businessVersion == null) businessVersion = string.Empty;
            int macBytes = Utf8.GetByteCount(mac);
            int passcodeBytes = Utf8.GetByteCount(passcode);
            int versionBytes = Utf8.GetByteCount(businessVersion);
            if (macBytes < 0 || passcodeBytes < 0 || versionBytes < 0) return FrameError.BadUtf8;
            if (macBytes > FrameLimits.MaxMac || passcodeBytes > FrameLimits.MaxPasscode || versionBytes > FrameLimits.MaxBusinessVersion) return FrameError.FieldOverLimit;

            FrameError error = WriteHeader(buffer, offset, 0, GizwitsCommand.DeviceOnline, 6 + 5 + macBytes + passcodeBytes + versionBytes, out int header);
            if (error != FrameError.None) return error;
            int pos = offset + header;
            pos += WriteField(buffer, pos, mac, macBytes);
            pos += WriteField(buffer, pos, passcode, passcodeBytes);
            buffer[pos++] = online ? (byte)1 : (byte)0;
            BigEndian.WriteUInt32(buffer, pos, protocolVersion);
            pos += 4;
            pos += WriteField(buffer, pos, businessVersion, versionBytes);
            length = pos - offset;
            return FrameError.None;
        }

        private static int WriteField(byte[] buffer, int pos, string text, int byteCount)
        {
            BigEndian.WriteUInt16(buffer, pos, byteCount);
            Utf8.Write(text, 0, text.Length, buffer, pos + 2);
            return 2 + byteCount;
        }
    }
}
