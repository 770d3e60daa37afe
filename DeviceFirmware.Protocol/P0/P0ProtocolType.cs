namespace DeviceFirmware.Protocol.P0
{
    /// <summary>
    /// A product's P0 protocol type: the export's <c>"protocolType"</c> (docs/protocol.md §5). It decides which action
    /// family the device and the App speak and whether data point positions mean anything.
    /// </summary>
    public enum P0ProtocolType
    {
        /// <summary>
        /// <c>"standard"</c> (also when the export has no protocolType): the fixed layout of actions 0x01–0x04, laid out
        /// by the points' positions; writable points hold the lowest ids (attr_flags bit i is id i).
        /// </summary>
        Standard = 0,

        /// <summary>
        /// <c>"var_len"</c>: the variable-length family 0x11–0x14 throughout. Flags cover all ids, ids of every type
        /// may interleave, and positions (byte_offset, bit_offset) are not used for layout (any values are accepted;
        /// real exports set them all to 0/0). Only position.len and unit count: the width of a bool/enum field, the
        /// bytes of a binary.
        /// </summary>
        VariableLength = 1,
    }
}
