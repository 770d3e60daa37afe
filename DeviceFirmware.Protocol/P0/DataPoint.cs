namespace DeviceFirmware.Protocol.P0
{
    /// <summary>
    /// One data point of a product, as the Gizwits console exports it (an entry of <c>attrs</c>).
    /// Immutable once a <see cref="Product"/> is built from it.
    /// </summary>
    public sealed class DataPoint
    {
        /// <summary>Creates a data point; <see cref="Product.TryCreate(string, string, P0ProtocolType, DataPoint[], out Product, out string)"/> checks that it can work.</summary>
        public DataPoint(int id, string name, string displayName, DataPointType type, DataType dataType,
            int byteOffset, int bitOffset, int length, bool lengthInBits, string[] enumValues,
            long min, long max, double ratio, double addition)
        {
            Id = id;
            Name = name;
            DisplayName = displayName;
            Type = type;
            DataType = dataType;
            ByteOffset = byteOffset;
            BitOffset = bitOffset;
            Length = length;
            LengthInBits = lengthInBits;
            EnumValues = enumValues ?? new string[0];
            Min = min;
            Max = max;
            Ratio = ratio;
            Addition = addition;
        }

        /// <summary>The id: bit <c>id</c> of attr_flags and of the variable-length flags.</summary>
        public int Id { get; }

        /// <summary>The identifier-like name (e.g. <c>Relay</c>), unique in the product.</summary>
        public string Name { get; }

        /// <summary>The name shown to users.</summary>
        public string DisplayName { get; }

        /// <summary>The section the point belongs to.</summary>
        public DataPointType Type { get; }

        /// <summary>The wire type.</summary>
        public DataType DataType { get; }

        /// <summary>
        /// position.byte_offset: absolute within the full status (for bool/enum, the start of the section's bit area).
        /// Not used by a var_len product, whose values are packed in id order whatever their positions say.
        /// </summary>
        public int ByteOffset { get; }

        /// <summary>position.bit_offset: for bool/enum, counted from the lowest bit of the bit area read as a big-endian integer (not used by var_len).</summary>
        public int BitOffset { get; }

        /// <summary>position.len, in bits when <see cref="LengthInBits"/>, else in bytes (used by both protocol types).</summary>
        public int Length { get; }

        /// <summary>True when position.unit is <c>bit</c>.</summary>
        public bool LengthInBits { get; }

        /// <summary>The enum's labels (index = raw value); empty for other types.</summary>
        public string[] EnumValues { get; }

        /// <summary>uint_spec.min: the least raw value x.</summary>
        public long Min { get; }

        /// <summary>uint_spec.max: the greatest raw value x.</summary>
        public long Max { get; }

        /// <summary>uint_spec.ratio: shown value y = ratio·x + addition.</summary>
        public double Ratio { get; }

        /// <summary>uint_spec.addition.</summary>
        public double Addition { get; }

        /// <summary>True for bool and enum, which live in a bit area.</summary>
        public bool IsBitField => DataType == DataType.Bool || DataType == DataType.Enum;

        /// <summary>True for uint8/16/32.</summary>
        public bool IsNumber => DataType == DataType.UInt8 || DataType == DataType.UInt16 || DataType == DataType.UInt32;

        /// <summary>The shown value of raw <paramref name="raw"/>: ratio·x + addition.</summary>
        public double ToShown(long raw) => (Ratio * raw) + Addition;

        /// <summary>
        /// The raw value of shown value <paramref name="shown"/>, rounded to the nearest step; false when the
        /// result is outside min..max or <paramref name="shown"/> is not a number (the caller names this point in its error).
        /// </summary>
        public bool TryToRaw(double shown, out long raw)
        {
            double x = Ratio == 0 ? shown - Addition : (shown - Addition) / Ratio;

            // Refuse NaN, the infinities and anything far outside min..max before the cast to long, which is
            // undefined for them (.NET turns NaN into 0, so a failed sensor reading passed as a valid raw 0).
            if (!(x > Min - 1 && x < Max + 1))
            {
                raw = 0;
                return false;
            }

            double rounded = x >= 0 ? (long)(x + 0.5) : -(long)(-x + 0.5);
            raw = (long)rounded;
            return rounded >= Min && rounded <= Max;
        }

        /// <summary>True when two points describe the same thing (for comparing loaded and generated products).</summary>
        public bool SameAs(DataPoint other)
        {
            if (other == null || Id != other.Id || Name != other.Name || DisplayName != other.DisplayName || Type != other.Type
                || DataType != other.DataType || ByteOffset != other.ByteOffset || BitOffset != other.BitOffset
                || Length != other.Length || LengthInBits != other.LengthInBits || Min != other.Min || Max != other.Max
                || Ratio != other.Ratio || Addition != other.Addition || EnumValues.Length != other.EnumValues.Length)
            {
                return false;
            }

            for (int i = 0; i < EnumValues.Length; i++)
            {
                if (EnumValues[i] != other.EnumValues[i]) return false;
            }

            return true;
        }
    }
}
