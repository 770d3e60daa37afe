namespace System
{
    /// <summary>nanoFramework mscorlib's SpanByte (a view on a byte array), the part System.Device.I2c and the firmware use.</summary>
    public readonly ref struct SpanByte
    {
        private readonly byte[] array;
        private readonly int start;

        public SpanByte(byte[] array)
        {
            this.array = array;
            start = 0;
            Length = array == null ? 0 : array.Length;
        }

        public SpanByte(byte[] array, int start, int length)
        {
            this.array = array;
            this.start = start;
            Length = length;
        }

        public int Length { get; }

        public byte this[int index]
        {
            get => array[start + index];
            set => array[start + index] = value;
        }
    }
}
