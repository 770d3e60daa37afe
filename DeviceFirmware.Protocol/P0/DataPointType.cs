namespace DeviceFirmware.Protocol.P0
{
    /// <summary>A data point's role, which decides its section of the full status (docs/protocol.md §5).</summary>
    public enum DataPointType
    {
        /// <summary><c>status_writable</c>: set by the App (action 0x01), reported in the first section.</summary>
        Writable = 0,

        /// <summary><c>status_readonly</c>: reported by the device only.</summary>
        ReadOnly = 1,

        /// <summary><c>alert</c>: a device alarm.</summary>
        Alert = 2,

        /// <summary><c>fault</c>: a device fault.</summary>
        Fault = 3,
    }
}
