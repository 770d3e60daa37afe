namespace DeviceFirmware.Protocol.P0
{
    /// <summary>
    /// A product: its data points and the P0 layout computed from them (docs/protocol.md §5). Built once at
    /// start-up by <see cref="TryCreate(string, string, P0ProtocolType, DataPoint[], out Product, out string)"/>, from JSON on .NET or from a generated table on the device;
    /// immutable after that.
    /// </summary>
    public sealed class Product
    {
        private const int SectionCount = 4;
        private readonly int[] sectionStart = new int[SectionCount];
        private readonly int[] sectionSize = new int[SectionCount];
        private readonly int[] bitAreaSize = new int[SectionCount];

        private Product(string name, string productKey, P0ProtocolType protocolType, DataPoint[] points)
        {
            Name = name;
            ProductKey = productKey;
            ProtocolType = protocolType;
            Points = points;
        }

        /// <summary>The product's name.</summary>
        public string Name { get; }

        /// <summary>The product key issued by the console (also how GService knows the product).</summary>
        public string ProductKey { get; }

        /// <summary>The protocol type (the export's <c>protocolType</c>): which action family the product speaks.</summary>
        public P0ProtocolType ProtocolType { get; }

        /// <summary>True for a <c>var_len</c> product: actions 0x11–0x14 only, positions not used.</summary>
        public bool IsVariableLength => ProtocolType == P0ProtocolType.VariableLength;

        /// <summary>The data points, indexed by id (ids run 0..N-1).</summary>
        public DataPoint[] Points { get; }

        /// <summary>Number of writable points W (standard: ids 0..W-1; var_len: anywhere among the ids).</summary>
        public int WritableCount { get; private set; }

        /// <summary>attr_flags of action 0x01: ceil(W/8) bytes (0 for a var_len product, which has no 0x01).</summary>
        public int AttrFlagsSize { get; private set; }

        /// <summary>Flags of the variable-length actions 0x11–0x14: ceil(N/8) bytes over all points.</summary>
        public int VariableFlagsSize { get; private set; }

        /// <summary>Bytes of the writable section (attr_vals of action 0x01).</summary>
        public int WritableSectionSize => sectionSize[(int)DataPointType.Writable];

        /// <summary>Bytes of the full status (all four sections; 0 for a var_len product, which has no fixed layout).</summary>
        public int FullStatusSize { get; private set; }

        /// <summary>Bytes of all binary points together (the storage of <see cref="DataPointValues"/>).</summary>
        public int BinaryStorageSize { get; private set; }

        /// <summary>Bytes of the longest P0 message of this product (action byte included), for buffer sizing.</summary>
        public int MaxMessageSize { get; private set; }

        /// <summary>Where section <paramref name="type"/> starts in the full status.</summary>
        public int SectionStart(DataPointType type) => sectionStart[(int)type];

        /// <summary>Bytes of section <paramref name="type"/>.</summary>
        public int SectionSize(DataPointType type) => sectionSize[(int)type];

        /// <summary>Bytes of the bit area at the start of section <paramref name="type"/>.</summary>
        public int BitAreaSize(DataPointType type) => bitAreaSize[(int)type];

        /// <summary>The point named <paramref name="name"/>, or null.</summary>
        public DataPoint Find(string name)
        {
            for (int i = 0; i < Points.Length; i++)
            {
                if (Points[i].Name == name) return Points[i];
            }

            return null;
        }

        /// <summary>
        /// Builds a standard product (<see cref="P0ProtocolType.Standard"/>); see the overload with a protocol type.
        /// </summary>
        public static bool TryCreate(string name, string productKey, DataPoint[] points, out Product product, out string error) =>
            TryCreate(name, productKey, P0ProtocolType.Standard, points, out product, out error);

        /// <summary>
        /// Builds a product, or refuses it with a message naming the data point and the problem. Both types: ids not
        /// running 0..N-1, duplicate ids or names, a bit field wider than its data type, enum values that do not fit
        /// their bits, min &gt; max, messages past the largest size. Standard only: writable ids not first, a type
        /// that does not match its position, overlapping positions, a position outside its section. A var_len
        /// product accepts ids of any type in any order and any positions (they are not used for layout).
        /// </summary>
        public static bool TryCreate(string name, string productKey, P0ProtocolType protocolType, DataPoint[] points, out Product product, out string error)
        {
            product = null;
            if (protocolType != P0ProtocolType.Standard && protocolType != P0ProtocolType.VariableLength)
            {
                error = "unknown protocol type " + (int)protocolType;
                return false;
            }

            bool variable = protocolType == P0ProtocolType.VariableLength;
            error = ProductRules.CheckPoints(points, variable);
            if (error != null) return false;

            DataPoint[] byId = new DataPoint[points.Length];
            for (int i = 0; i < points.Length; i++)
            {
                byId[points[i].Id] = points[i];
            }

            Product candidate = new Product(name, productKey, protocolType, byId);
            error = variable ? candidate.ComputeVariableSizes() : candidate.ComputeLayout();
            if (error != null) return false;
            product = candidate;
            return true;
        }

        /// <summary>True when both products have the same name, key, protocol type and points.</summary>
        public bool SameAs(Product other)
        {
            if (other == null || Name != other.Name || ProductKey != other.ProductKey || ProtocolType != other.ProtocolType || Points.Length != other.Points.Length) return false;
            for (int i = 0; i < Points.Length; i++)
            {
                if (!Points[i].SameAs(other.Points[i])) return false;
            }

            return true;
        }

        private string ComputeLayout()
        {
            int count = Points.Length;
            int writable = 0;
            while (writable < count && Points[writable].Type == DataPointType.Writable) writable++;
            WritableCount = writable;
            AttrFlagsSize = (writable + 7) / 8;
            VariableFlagsSize = (count + 7) / 8;

            int cursor = 0;
            int binary = 0;
            int variableValueBits = 0;
            int variableValueBytes = 0;
            for (int section = 0; section < SectionCount; section++)
            {
                string error = ProductRules.LayOutSection(Points, (DataPointType)section, cursor, out int bitArea, out int end);
                if (error != null) return error;
                sectionStart[section] = cursor;
                bitAreaSize[section] = bitArea;
                sectionSize[section] = end - cursor;
                cursor = end;
            }

            for (int i = 0; i < count; i++)
            {
                DataPoint point = Points[i];
                if (point.IsBitField) variableValueBits += point.Length;
                else variableValueBytes += point.Length;
                if (point.DataType == DataType.Binary) binary += point.Length;
            }

            FullStatusSize = cursor;
            BinaryStorageSize = binary;
            int write = 1 + AttrFlagsSize + WritableSectionSize;
            int status = 1 + FullStatusSize;
            int variable = 1 + VariableFlagsSize + ((variableValueBits + 7) / 8) + variableValueBytes;
            MaxMessageSize = write > status ? write : status;
            if (variable > MaxMessageSize) MaxMessageSize = variable;
            return null;
        }

        /// <summary>
        /// var_len: no sections and no full status; the writable points are counted wherever their ids are, and the
        /// largest message is a 0x13/0x14 with every point flagged.
        /// </summary>
        private string ComputeVariableSizes()
        {
            int count = Points.Length;
            int writable = 0;
            int binary = 0;
            long bits = 0;
            long bytes = 0;
            for (int i = 0; i < count; i++)
            {
                DataPoint point = Points[i];
                if (point.Type == DataPointType.Writable) writable++;
                if (point.IsBitField) bits += point.Length;
                else bytes += point.Length;
                if (point.DataType == DataType.Binary) binary += point.Length;
                if (((bits + 7) / 8) + bytes > ProductRules.MaxStatusBytes)
                {
                    return "data point '" + point.Name + "': the values up to it run past the largest message (" + ProductRules.MaxStatusBytes + " bytes)";
                }
            }

            WritableCount = writable;
            AttrFlagsSize = 0;
            VariableFlagsSize = (count + 7) / 8;
            FullStatusSize = 0;
            BinaryStorageSize = binary;
            MaxMessageSize = 1 + VariableFlagsSize + (int)((bits + 7) / 8) + (int)bytes;
            return null;
        }
    }
}
