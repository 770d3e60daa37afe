namespace DeviceFirmware.Protocol.Frames
{
    /// <summary>
    /// The frame's variable length: MQTT "Remaining Length" encoding, 7 bits a byte, low group first,
    /// high bit = more. Read into an int (never 16 bits: a public decoder broke above 65535).
    /// </summary>
    public static class VarLength
    {
        /// <summary>How many bytes <paramref name="value"/> takes (1–4), or 0 if it is negative or over 268435455.</summary>
        public static int SizeOf(int value)
        {
            if (value < 0 || value > FrameLimits.MaxVarLength) return 0;
            if (value < 0x80) return 1;
            if (value < 0x4000) return 2;
            if (value < 0x200000) return 3;
            return 4;
        }

        /// <summary>Writes <paramref name="value"/> at <paramref name="offset"/>; returns the bytes written, 0 if the value is out of range.</summary>
        public static int Write(byte[] buffer, int offset, int value)
        {
            int size = SizeOf(value);
            for (int i = 0; i < size; i++)
            {
                int group = value & 0x7F;
                value >>= 7;
                buffer[offset + i] = (byte)(i < size - 1 ? group | 0x80 : group);
            }

            return size;
        }

        /// <summary>
        /// Reads a variable length from <paramref name="offset"/>, using no byte at or past <paramref name="end"/>.
        /// On success <paramref name="value"/> holds it and <paramref name="size"/> its byte count; otherwise
        /// <paramref name="size"/> is the index (from <paramref name="offset"/>) of the offending byte.
        /// </summary>
        public static FrameError Read(byte[] buffer, int offset, int end, out int value, out int size)
        {
            value = 0;
            size = 0;
            int shift = 0;
            while (true)
            {
                if (size == FrameLimits.MaxVarLengthBytes) return FrameError.VarLenTooLong;
                if (offset + size >= end) return FrameError.TruncatedHeader;
                int b = buffer[offset + size];
                value |= (b & 0x7F) << shift;
                size++;
                if ((b & 0x80) == 0)
                {
                    // A last group of 0 after the first byte means a shorter form existed.
                    if (b == 0 && size > 1)
                    {
                        size--;
                        return FrameError.VarLenNotMinimal;
                    }

                    return FrameError.None;
                }

                shift += 7;
            }
        }
    }
}
