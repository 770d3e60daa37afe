namespace DeviceFirmware.Protocol.P0
{
    /// <summary>A data point's wire type (docs/protocol.md §5).</summary>
    public enum DataType
    {
        /// <summary>One bit in the section's bit area.</summary>
        Bool = 0,

        /// <summary>An index into the point's enum list, <c>len</c> bits in the bit area.</summary>
        Enum = 1,

        /// <summary>One big-endian byte; shown value = ratio·x + addition.</summary>
        UInt8 = 2,

        /// <summary>Two big-endian bytes.</summary>
        UInt16 = 3,

        /// <summary>Four big-endian bytes.</summary>
        UInt32 = 4,

        /// <summary><c>len</c> raw bytes, zero padded.</summary>
        Binary = 5,
    }
}
