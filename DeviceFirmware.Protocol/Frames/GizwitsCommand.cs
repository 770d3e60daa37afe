namespace DeviceFirmware.Protocol.Frames
{
    /// <summary>The command words of docs/protocol.md §3 (the answer to command C is C+1).</summary>
    public static class GizwitsCommand
    {
        /// <summary>App → device: log level and indicator LED settings (2-byte big-endian value).</summary>
        public const ushort Settings = 0x0010;

        /// <summary>Device → App: confirms 0x0010, no body.</summary>
        public const ushort SettingsAck = 0x0011;

        /// <summary>Device → App broadcast: a log line (level, tag, source, content).</summary>
        public const ushort Log = 0x0012;

        /// <summary>App → device: business data (P0), no sn.</summary>
        public const ushort Business = 0x0090;

        /// <summary>Device → App: business data (P0) reply or status broadcast.</summary>
        public const ushort BusinessReply = 0x0091;

        /// <summary>M2M → App broadcast: the device went online or offline.</summary>
        public const ushort DeviceOnline = 0x0092;

        /// <summary>Either way: business data with a 4-byte sn that the receiver must acknowledge.</summary>
        public const ushort BusinessWithSn = 0x0093;

        /// <summary>Either way: the answer to 0x0093, echoing its sn.</summary>
        public const ushort BusinessWithSnAck = 0x0094;

        /// <summary>True for the eight command words this codec knows.</summary>
        public static bool IsKnown(int command)
        {
            switch (command)
            {
                case Settings:
                case SettingsAck:
                case Log:
                case Business:
                case BusinessReply:
                case DeviceOnline:
                case BusinessWithSn:
                case BusinessWithSnAck:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>True for 0x0093 and 0x0094, whose body starts with a 4-byte sn.</summary>
        public static bool HasSn(int command) => command == BusinessWithSn || command == BusinessWithSnAck;

        /// <summary>True for the commands whose body (after any sn) is business data: 0x0090, 0x0091, 0x0093, 0x0094.</summary>
        public static bool CarriesBusinessData(int command) =>
            command == Business || command == BusinessReply || command == BusinessWithSn || command == BusinessWithSnAck;
    }
}
