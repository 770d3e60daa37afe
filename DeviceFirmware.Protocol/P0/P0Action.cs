namespace DeviceFirmware.Protocol.P0
{
    /// <summary>The first byte of P0 business data (docs/protocol.md §5).</summary>
    public static class P0Action
    {
        /// <summary>App → device: attr_flags + the whole writable section; apply only flagged points.</summary>
        public const byte Write = 0x01;

        /// <summary>App → device: read the full status.</summary>
        public const byte Read = 0x02;

        /// <summary>Device → App: full status answering 0x02.</summary>
        public const byte ReadReply = 0x03;

        /// <summary>Device → App: full status sent by the device (change, reconnect).</summary>
        public const byte Report = 0x04;

        /// <summary>App → device: product-specific bytes.</summary>
        public const byte CustomToDevice = 0x05;

        /// <summary>Device → App: product-specific bytes.</summary>
        public const byte CustomToApp = 0x06;

        /// <summary>Variable-length write: flags over all points, then only the flagged (writable) values.</summary>
        public const byte VariableWrite = 0x11;

        /// <summary>Variable-length read: flags of the points wanted.</summary>
        public const byte VariableRead = 0x12;

        /// <summary>Variable-length read reply: flags, then the flagged values.</summary>
        public const byte VariableReadReply = 0x13;

        /// <summary>Variable-length report: flags, then the flagged values.</summary>
        public const byte VariableReport = 0x14;

        /// <summary>The action a device answers <paramref name="action"/> with (read → read reply, custom → custom), or 0.</summary>
        public static byte ReplyTo(byte action)
        {
            switch (action)
            {
                case Read: return ReadReply;
                case CustomToDevice: return CustomToApp;
                case VariableRead: return VariableReadReply;
                default: return 0;
            }
        }
    }
}
