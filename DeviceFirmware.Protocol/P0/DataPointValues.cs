namespace DeviceFirmware.Protocol.P0
{
    /// <summary>
    /// The raw values of every data point of one product: numbers, bools (0/1) and enum indexes as longs,
    /// binary points in one preallocated byte array. Allocated once per product; the codec reads and writes
    /// it without allocating.
    /// </summary>
    public sealed class DataPointValues
    {
        private readonly long[] raw;
        private readonly int[] binaryOffset;

        /// <summary>Allocates storage for every point of <paramref name="product"/>, all zero.</summary>
        public DataPointValues(Product product)
        {
            Product = product;
            raw = new long[product.Points.Length];
            binaryOffset = new int[product.Points.Length];
            Binary = new byte[product.BinaryStorageSize];
            int offset = 0;
            for (int i = 0; i < product.Points.Length; i++)
            {
                binaryOffset[i] = offset;
                if (product.Points[i].DataType == DataType.Binary) offset += product.Points[i].Length;
            }
        }

        /// <summary>The product these values belong to.</summary>
        public Product Product { get; }

        /// <summary>Storage of all binary points; a point's bytes start at <see cref="BinaryOffset"/>.</summary>
        public byte[] Binary { get; }

        /// <summary>The raw value of point <paramref name="id"/> (bool 0/1, enum index, number x; 0 for binary).</summary>
        public long Get(int id) => raw[id];

        /// <summary>Sets the raw value of point <paramref name="id"/> without checking it (the codec checks writes).</summary>
        public void Set(int id, long value) => raw[id] = value;

        /// <summary>True when the raw value of a bool point is 1.</summary>
        public bool GetBool(int id) => raw[id] != 0;

        /// <summary>The shown value of a number point: ratio·x + addition.</summary>
        public double GetShown(int id) => Product.Points[id].ToShown(raw[id]);

        /// <summary>Where binary point <paramref name="id"/>'s bytes start in <see cref="Binary"/>.</summary>
        public int BinaryOffset(int id) => binaryOffset[id];

        /// <summary>Copies the points flagged in <paramref name="flagged"/> from <paramref name="source"/> (e.g. a decoded write).</summary>
        public void CopyFlagged(DataPointValues source, bool[] flagged)
        {
            DataPoint[] points = Product.Points;
            for (int id = 0; id < points.Length; id++)
            {
                if (!flagged[id]) continue;
                raw[id] = source.raw[id];
                if (points[id].DataType == DataType.Binary)
                {
                    System.Array.Copy(source.Binary, binaryOffset[id], Binary, binaryOffset[id], points[id].Length);
                }
            }
        }

        /// <summary>Copies every value from <paramref name="source"/>.</summary>
        public void CopyFrom(DataPointValues source)
        {
            System.Array.Copy(source.raw, raw, raw.Length);
            System.Array.Copy(source.Binary, Binary, Binary.Length);
        }
    }
}
