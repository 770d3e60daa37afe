namespace DeviceFirmware.Protocol.Frames
{
    /// <summary>
    /// Why a frame could not be decoded or encoded. The receive path reports these values (with
    /// <see cref="FrameReader.ErrorOffset"/>) instead of throwing. The names are stable: tools print them.
    /// </summary>
    public enum FrameError
    {
        /// <summary>The frame is well formed.</summary>
        None = 0,

        /// <summary>The buffer, offset or count do not describe a valid range (null buffer, negative or overlong range).</summary>
        InvalidArguments,

        /// <summary>Fewer bytes than the fixed header, the variable length, flags and command word need.</summary>
        TruncatedHeader,

        /// <summary>The first four bytes are not <c>00 00 00 03</c>.</summary>
        BadFixedHeader,

        /// <summary>The variable length uses a fifth byte (its largest value, 268435455, fits in four).</summary>
        VarLenTooLong,

        /// <summary>The variable length uses more bytes than its value needs (e.g. <c>80 00</c> for 0).</summary>
        VarLenNotMinimal,

        /// <summary>The variable length does not equal the number of bytes that follow it.</summary>
        VarLenMismatch,

        /// <summary>The command word is not one of docs/protocol.md §3.</summary>
        UnknownCommand,

        /// <summary>The body ends before a fixed-size field of the command (sn, settings, level, online, version).</summary>
        BodyTooShort,

        /// <summary>A length field announces more bytes than remain in the frame.</summary>
        LengthPastEnd,

        /// <summary>A field is longer than its limit (business data 65535, MAC/passcode/source 32, tag 256, business version 64).</summary>
        FieldOverLimit,

        /// <summary>A text field is not well-formed UTF-8 (or, when encoding, a string has a lone surrogate).</summary>
        BadUtf8,

        /// <summary>Bytes remain after the last field of a command whose layout is fixed.</summary>
        TrailingBytes,

        /// <summary>A field holds a value outside its range (0x0012 level not 1–3, 0x0092 online not 0/1).</summary>
        FieldOutOfRange,

        /// <summary>Encoding: the destination buffer is too small for the frame.</summary>
        BufferTooSmall,
    }
}
