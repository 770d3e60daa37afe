namespace DeviceFirmware.Protocol.P0
{
    /// <summary>The range rules for raw values, shared by the decoder (refusing writes) and the writer.</summary>
    public static class P0Values
    {
        /// <summary>Checks raw value <paramref name="raw"/> of <paramref name="point"/>: an enum index inside its list, a number inside min..max, a bool 0 or 1.</summary>
        public static P0Error Check(DataPoint point, long raw)
        {
            switch (point.DataType)
            {
                case DataType.Bool:
                    return raw == 0 || raw == 1 ? P0Error.None : P0Error.ValueOutOfRange;
                case DataType.Enum:
                    return raw >= 0 && raw < point.EnumValues.Length ? P0Error.None : P0Error.EnumOutOfRange;
                case DataType.Binary:
                    return P0Error.None;
                default:
                    return raw >= point.Min && raw <= point.Max ? P0Error.None : P0Error.ValueOutOfRange;
            }
        }
    
        /// <summary>
        /// Checks that raw value <paramref name="raw"/> fits <paramref name="point"/>'s field at all (bits or bytes):
        /// what a status or report must satisfy to be written without cutting. Unlike <see cref="Check"/> it
        /// lets a reading outside min..max through, so that a device still reports what it measured.
        /// </summary>
        public static P0Error FitsField(DataPoint point, long raw)
        {
            if (point.DataType == DataType.Binary) return P0Error.None;
            long largest = point.IsBitField ? (1L << point.Length) - 1 : point.Length >= 4 ? 0xFFFFFFFFL : (1L << (8 * point.Length)) - 1;
            if (raw >= 0 && raw <= largest) return P0Error.None;
            return point.DataType == DataType.Enum ? P0Error.EnumOutOfRange : P0Error.ValueOutOfRange;
        }
    }
}
