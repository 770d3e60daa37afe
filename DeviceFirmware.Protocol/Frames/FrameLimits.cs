namespace DeviceFirmware.Protocol.Frames
{
    /// <summary>The size limits of docs/protocol.md §2–§3. Over a limit is an error on decode and on encode.</summary>
    public static class FrameLimits
    {
        /// <summary>The fixed header <c>00 00 00 03</c>.</summary>
        public const int FixedHeaderLength = 4;

        /// <summary>The protocol version carried in the fixed header and in 0x0092.</summary>
        public const uint ProtocolVersion = 3;

        /// <summary>Largest value of the variable length (four 7-bit groups).</summary>
        public const int MaxVarLength = 268435455;

        /// <summary>Most bytes the variable length may take.</summary>
        public const int MaxVarLengthBytes = 4;

        /// <summary>Flags (1) + command word (2): the least the variable length can count.</summary>
        public const int FlagsAndCommandLength = 3;

        /// <summary>Length of the sn of 0x0093/0x0094.</summary>
        public const int SnLength = 4;

        /// <summary>Business data (P0) of 0x0090/0x0091/0x0093/0x0094.</summary>
        public const int MaxBusinessData = 65535;

        /// <summary>0x0092 MAC.</summary>
        public const int MaxMac = 32;

        /// <summary>0x0092 passcode.</summary>
        public const int MaxPasscode = 32;

        /// <summary>0x0092 business protocol version string.</summary>
        public const int MaxBusinessVersion = 64;

        /// <summary>0x0012 tag.</summary>
        public const int MaxLogTag = 256;

        /// <summary>0x0012 source.</summary>
        public const int MaxLogSource = 32;

        /// <summary>0x0012 content.</summary>
        public const int MaxLogContent = 65535;

        /// <summary>Header (4) + largest varlen (4) + flags + command: the most bytes before a body.</summary>
        public const int MaxHeaderLength = FixedHeaderLength + MaxVarLengthBytes + FlagsAndCommandLength;
    }
}
