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
    }
}
