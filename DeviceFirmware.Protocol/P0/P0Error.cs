namespace DeviceFirmware.Protocol.P0
{
    /// <summary>Why P0 business data was refused. A refused write applies nothing.</summary>
    public enum P0Error
    {
        /// <summary>The business data is well formed (and, for a write, every flagged value is in range).</summary>
        None = 0,

        /// <summary>The buffer, offset or count do not describe a valid range.</summary>
        InvalidArguments,

        /// <summary>No action byte.</summary>
        Empty,

        /// <summary>The action byte is not one of 0x01–0x06, 0x11–0x14.</summary>
        UnknownAction,

        /// <summary>The body is not the length the action and product require.</summary>
        WrongLength,

        /// <summary>A flag is set for an id the product does not have (or, in attr_flags, a non-writable id).</summary>
        UnknownDataPoint,

        /// <summary>A variable-length write flags a point that is not writable.</summary>
        NotWritable,

        /// <summary>A number's raw value is outside min..max.</summary>
        ValueOutOfRange,

        /// <summary>An enum index is outside its list.</summary>
        EnumOutOfRange,

        /// <summary>Encoding: the destination buffer is too small.</summary>
        BufferTooSmall,

        /// <summary>
        /// The action belongs to a family the product does not speak: a fixed-layout action (0x01–0x04) for a var_len
        /// product, which has no fixed layout (docs/protocol.md §5).
        /// </summary>
        WrongProtocolType,
    }
}
