namespace DeviceFirmware.Benchmarks.Naive
{
    /// <summary>A decoded frame as the obvious implementation keeps it: one object per frame, arrays and strings.</summary>
    public sealed class NaiveFrame
    {
        public byte Flags { get; set; }

        public ushort Command { get; set; }

        public uint Sn { get; set; }

        /// <summary>0x0090/91/93/94: the business data; otherwise the whole body after the command word.</summary>
        public byte[] Body { get; set; } = System.Array.Empty<byte>();

        public ushort Settings { get; set; }

        public byte Level { get; set; }

        public string Tag { get; set; } = string.Empty;

        public string Source { get; set; } = string.Empty;

        public string Content { get; set; } = string.Empty;

        public string Mac { get; set; } = string.Empty;

        public string Passcode { get; set; } = string.Empty;

        public bool Online { get; set; }

        public uint ProtocolVersion { get; set; }

        public string BusinessVersion { get; set; } = string.Empty;
    }
}
