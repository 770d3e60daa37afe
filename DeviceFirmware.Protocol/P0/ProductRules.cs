namespace DeviceFirmware.Protocol.P0
{
    /// <summary>The checks that make a product workable; each message names the data point and the problem.</summary>
    internal static class ProductRules
    {
        /// <summary>Largest full status accepted: business data is at most 65535 bytes with the action and flags.</summary>
        public const int MaxStatusBytes = 60000;

        /// <summary>
        /// Checks each point alone and the ids and names across points; null when they are fine. For a var_len
        /// product (<paramref name="variable"/>) positions are not checked and writable ids may sit anywhere.
        /// </summary>
        public static string CheckPoints(DataPoint[] points, bool variable)
        {
            if (points == null || points.Length == 0) return "the product has no data points";
            int count = points.Length;
            bool[] seenId = new bool[count];
            for (int i = 0; i < count; i++)
            {
                DataPoint point = points[i];
                if (point == null) return "data point #" + i + " is missing";
                if (point.Name == null || point.Name.Length == 0) return "data point id " + point.Id + ": it has no name";
                if (point.Id < 0 || point.Id >= count) return Named(point) + "id " + point.Id + " is outside 0.." + (count - 1) + " (ids must run 0..N-1 without gaps)";
                if (seenId[point.Id]) return Named(point) + "duplicate id " + point.Id;
                seenId[point.Id] = true;
                for (int j = 0; j < i; j++)
                {
                    if (points[j].Name == point.Name) return Named(point) + "duplicate name";
                }

                string error = CheckType(point, variable);
                if (error != null) return Named(point) + error;
            }

            // attr_flags bit i is data point id i, so the writable points must hold ids 0..W-1. var_len flags cover
            // every id, so there any type may take any id.
            if (variable) return null;
            bool pastWritable = false;
            for (int id = 0; id < count; id++)
            {
                DataPoint point = FindId(points, id);
                if (point.Type != DataPointType.Writable) pastWritable = true;
                else if (pastWritable) return Named(point) + "writable data points must have the lowest ids (attr_flags bit i is id i; only a \"var_len\" product may interleave them)";
            }

            return null;
        }

        /// <summary>
        /// Lays out one section starting at <paramref name="start"/>: its bit area (bool/enum, all at the section
        /// start), then its byte-aligned points at their absolute byte_offset. Null when every point fits.
        /// </summary>
        public static string LayOutSection(DataPoint[] points, DataPointType section, int start, out int bitArea, out int end)
        {
            int bits = 0;
            DataPoint highest = null;
            for (int i = 0; i < points.Length; i++)
            {
                DataPoint point = points[i];
                if (point.Type != section || !point.IsBitField) continue;
                if (point.ByteOffset != start)
                {
                    bitArea = end = 0;
                    return Named(point) + "a " + DataTypeName(point.DataType) + " sits in the bit area at the start of its section (byte " + start + "), not at byte_offset " + point.ByteOffset;
                }

                if (point.BitOffset + point.Length > bits)
                {
                    bits = point.BitOffset + point.Length;
                    highest = point;
                }
            }

            bitArea = (bits + 7) / 8;
            if (start + bitArea > MaxStatusBytes)
            {
                end = 0;
                return Named(highest) + "its bit area runs past the largest status (" + MaxStatusBytes + " bytes)";
            }

            bool[] bitUsed = new bool[bitArea * 8];
            end = start + bitArea;
            for (int i = 0; i < points.Length; i++)
            {
                DataPoint point = points[i];
                if (point.Type != section || !point.IsBitField) continue;
                for (int b = point.BitOffset; b < point.BitOffset + point.Length; b++)
                {
                    if (bitUsed[b]) return Named(point) + "its bits " + point.BitOffset + ".." + (point.BitOffset + point.Length - 1) + " overlap another data point";
                    bitUsed[b] = true;
                }
            }

            for (int i = 0; i < points.Length; i++)
            {
                DataPoint point = points[i];
                if (point.Type != section || point.IsBitField) continue;
                if (point.ByteOffset < start + bitArea)
                {
                    return Named(point) + "byte_offset " + point.ByteOffset + " is before its section's byte-aligned area (which starts at byte " + (start + bitArea)
                        + "); sections follow each other: writable, read-only, alert, fault";
                }

                if (point.ByteOffset + point.Length > MaxStatusBytes) return Named(point) + "position runs past the largest status (" + MaxStatusBytes + " bytes)";
                for (int j = 0; j < points.Length; j++)
                {
                    DataPoint other = points[j];
                    if (j == i || other.Type != section || other.IsBitField) continue;
                    if (point.ByteOffset < other.ByteOffset + other.Length && other.ByteOffset < point.ByteOffset + point.Length)
                    {
                        return Named(point) + "bytes " + point.ByteOffset + ".." + (point.ByteOffset + point.Length - 1) + " overlap data point '" + other.Name + "'";
                    }
                }

                if (point.ByteOffset + point.Length > end) end = point.ByteOffset + point.Length;
            }

            return null;
        }

        private static string CheckType(DataPoint point, bool variable)
        {
            if (!variable && (point.ByteOffset < 0 || point.BitOffset < 0)) return "negative position";
            switch (point.DataType)
            {
                case DataType.Bool:
                    if (!point.LengthInBits) return "a bool is measured in bits (unit \"bit\")";
                    if (point.Length != 1) return "bit field of " + point.Length + " bits is wider than a bool (1 bit)";
                    break;
                case DataType.Enum:
                    if (!point.LengthInBits) return "an enum is measured in bits (unit \"bit\")";
                    if (point.Length < 1 || point.Length > 8) return "bit field of " + point.Length + " bits does not fit an enum (1 to 8 bits)";
                    if (point.EnumValues.Length == 0) return "an enum needs at least one value";
                    if (point.EnumValues.Length > (1 << point.Length)) return point.EnumValues.Length + " enum values do not fit in " + point.Length + " bits";
                    break;
                case DataType.UInt8:
                case DataType.UInt16:
                case DataType.UInt32:
                    return CheckNumber(point);
                case DataType.Binary:
                    if (point.LengthInBits) return "binary is measured in bytes (unit \"byte\")";
                    if (point.Length < 1) return "binary needs a length of at least 1 byte";
                    break;
                default:
                    return "unknown data_type";
            }

            if (!variable && point.IsBitField && point.BitOffset + point.Length > MaxStatusBytes * 8) return "bit_offset past the largest status";
            return null;
        }

        private static string CheckNumber(DataPoint point)
        {
            int bytes = point.DataType == DataType.UInt8 ? 1 : point.DataType == DataType.UInt16 ? 2 : 4;
            long largest = point.DataType == DataType.UInt8 ? 0xFF : point.DataType == DataType.UInt16 ? 0xFFFF : 0xFFFFFFFFL;
            if (point.LengthInBits) return "a " + DataTypeName(point.DataType) + " is measured in bytes (unit \"byte\")";
            if (point.Length != bytes) return "a " + DataTypeName(point.DataType) + " takes " + bytes + " byte(s), not " + point.Length;
            if (point.Min > point.Max) return "min " + point.Min + " > max " + point.Max;
            if (point.Min < 0 || point.Max > largest) return "min..max " + point.Min + ".." + point.Max + " does not fit a " + DataTypeName(point.DataType) + " (0.." + largest + ")";
            if (point.Ratio == 0) return "ratio 0 would show every value the same";
            return null;
        }

        private static DataPoint FindId(DataPoint[] points, int id)
        {
            for (int i = 0; i < points.Length; i++)
            {
                if (points[i].Id == id) return points[i];
            }

            return null;
        }

        private static string Named(DataPoint point) => "data point '" + point.Name + "': ";

        /// <summary>The console's name of a data type (<c>uint8</c>, <c>enum</c>, …).</summary>
        public static string DataTypeName(DataType type)
        {
            switch (type)
            {
                case DataType.Bool: return "bool";
                case DataType.Enum: return "enum";
                case DataType.UInt8: return "uint8";
                case DataType.UInt16: return "uint16";
                case DataType.UInt32: return "uint32";
                default: return "binary";
            }
        }
    }
}
