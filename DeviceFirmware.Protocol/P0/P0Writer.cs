namespace DeviceFirmware.Protocol.P0
{
    /// <summary>
    /// Encodes P0 business data for one product into a caller's buffer (no allocation). Each method
    /// returns <see cref="P0Error.None"/> and the length, or an error and length 0; a flagged value out of
    /// range is refused, never cut.
    /// </summary>
    public static class P0Writer
    {
        /// <summary>
        /// Writes 0x03 (read reply) or 0x04 (report): the action then the full status of <paramref name="values"/>.
        /// A var_len product has no full status: <see cref="P0Error.WrongProtocolType"/> (use <see cref="WriteVariable"/>).
        /// </summary>
        public static P0Error WriteStatus(DataPointValues values, byte action, byte[] buffer, int offset, out int length)
        {
            length = 0;
            if (action != P0Action.ReadReply && action != P0Action.Report) return P0Error.UnknownAction;
            Product product = values.Product;
            if (product.IsVariableLength) return P0Error.WrongProtocolType;
            DataPoint[] points = product.Points;
            for (int id = 0; id < points.Length; id++)
            {
                P0Error error = P0Values.FitsField(points[id], values.Get(id));
                if (error != P0Error.None) return error;
            }

            int size = 1 + product.FullStatusSize;
            if (!Fits(buffer, offset, size)) return P0Error.BufferTooSmall;
            buffer[offset] = action;
            Clear(buffer, offset + 1, product.FullStatusSize);
            for (int id = 0; id < points.Length; id++)
            {
                WritePoint(values, points[id], buffer, offset + 1);
            }

            length = size;
            return P0Error.None;
        }

        /// <summary>
        /// Writes 0x01: attr_flags from <paramref name="flagged"/> (writable ids only), then the whole writable
        /// section of <paramref name="values"/>. Flagged values must be in range. A var_len product has no 0x01:
        /// <see cref="P0Error.WrongProtocolType"/>.
        /// </summary>
        public static P0Error WriteWrite(DataPointValues values, bool[] flagged, byte[] buffer, int offset, out int length)
        {
            length = 0;
            Product product = values.Product;
            if (product.IsVariableLength) return P0Error.WrongProtocolType;
            DataPoint[] points = product.Points;
            for (int id = 0; id < points.Length; id++)
            {
                if (!flagged[id]) continue;
                if (points[id].Type != DataPointType.Writable) return P0Error.NotWritable;
                P0Error error = P0Values.Check(points[id], values.Get(id));
                if (error != P0Error.None) return error;
            }

            int flagsSize = product.AttrFlagsSize;
            int size = 1 + flagsSize + product.WritableSectionSize;
            if (!Fits(buffer, offset, size)) return P0Error.BufferTooSmall;
            buffer[offset] = P0Action.Write;
            Clear(buffer, offset + 1, size - 1);
            for (int id = 0; id < product.WritableCount; id++)
            {
                if (flagged[id]) BitArea.SetBit(buffer, offset + 1, flagsSize, id, true);
                WritePoint(values, points[id], buffer, offset + 1 + flagsSize);
            }

            length = size;
            return P0Error.None;
        }

        /// <summary>Writes 0x02, a read of the full status.</summary>
        public static P0Error WriteRead(byte[] buffer, int offset, out int length)
        {
            length = 0;
            if (!Fits(buffer, offset, 1)) return P0Error.BufferTooSmall;
            buffer[offset] = P0Action.Read;
            length = 1;
            return P0Error.None;
        }

        /// <summary>Writes 0x05 or 0x06: the action then <paramref name="dataCount"/> product bytes.</summary>
        public static P0Error WriteCustom(byte action, byte[] data, int dataOffset, int dataCount, byte[] buffer, int offset, out int length)
        {
            length = 0;
            if (action != P0Action.CustomToDevice && action != P0Action.CustomToApp) return P0Error.UnknownAction;
            if (!ByteRange.IsValidOrEmpty(data, dataOffset, dataCount)) return P0Error.InvalidArguments;
            if (!Fits(buffer, offset, 1 + dataCount)) return P0Error.BufferTooSmall;
            buffer[offset] = action;
            if (dataCount > 0) System.Array.Copy(data, dataOffset, buffer, offset + 1, dataCount);
            length = 1 + dataCount;
            return P0Error.None;
        }

        /// <summary>
        /// Writes a variable-length action (0x11–0x14): flags over all points, then the flagged bool/enum
        /// values packed back to back (first flagged at bit 0 of the packed area read as a big-endian integer),
        /// then the flagged numbers and binaries in id order. 0x12 carries the flags only; 0x11 may flag
        /// writable points only and checks their ranges.
        /// </summary>
        public static P0Error WriteVariable(byte action, DataPointValues values, bool[] flagged, byte[] buffer, int offset, out int length)
        {
            length = 0;
            if (action < P0Action.VariableWrite || action > P0Action.VariableReport) return P0Error.UnknownAction;
            Product product = values.Product;
            DataPoint[] points = product.Points;
            int bits = 0;
            int bytes = 0;
            for (int id = 0; id < points.Length; id++)
            {
                if (!flagged[id]) continue;
                if (action == P0Action.VariableWrite)
                {
                    if (points[id].Type != DataPointType.Writable) return P0Error.NotWritable;
                    P0Error error = P0Values.Check(points[id], values.Get(id));
                    if (error != P0Error.None) return error;
                }
                else if (action != P0Action.VariableRead)
                {
                    P0Error error = P0Values.FitsField(points[id], values.Get(id));
                    if (error != P0Error.None) return error;
                }

                if (points[id].IsBitField) bits += points[id].Length;
                else bytes += points[id].Length;
            }

            int flagsSize = product.VariableFlagsSize;
            bool withValues = action != P0Action.VariableRead;
            int packedSize = withValues ? (bits + 7) / 8 : 0;
            int size = 1 + flagsSize + (withValues ? packedSize + bytes : 0);
            if (!Fits(buffer, offset, size)) return P0Error.BufferTooSmall;
            buffer[offset] = action;
            Clear(buffer, offset + 1, size - 1);
            int packed = offset + 1 + flagsSize;
            int bitCursor = 0;
            int byteCursor = packed + packedSize;
            for (int id = 0; id < points.Length; id++)
            {
                if (!flagged[id]) continue;
                BitArea.SetBit(buffer, offset + 1, flagsSize, id, true);
                if (!withValues) continue;
                DataPoint point = points[id];
                if (point.IsBitField)
                {
                    BitArea.Write(buffer, packed, packedSize, bitCursor, point.Length, values.Get(id));
                    bitCursor += point.Length;
                }
                else
                {
                    WriteBytes(values, point, buffer, byteCursor);
                    byteCursor += point.Length;
                }
            }

            length = size;
            return P0Error.None;
        }

        private static void WritePoint(DataPointValues values, DataPoint point, byte[] buffer, int statusBase)
        {
            if (point.IsBitField)
            {
                BitArea.Write(buffer, statusBase + point.ByteOffset, values.Product.BitAreaSize(point.Type), point.BitOffset, point.Length, values.Get(point.Id));
            }
            else
            {
                WriteBytes(values, point, buffer, statusBase + point.ByteOffset);
            }
        }

        private static void WriteBytes(DataPointValues values, DataPoint point, byte[] buffer, int at)
        {
            if (point.DataType == DataType.Binary) System.Array.Copy(values.Binary, values.BinaryOffset(point.Id), buffer, at, point.Length);
            else NumberField.Write(buffer, at, point.Length, values.Get(point.Id));
        }

        private static bool Fits(byte[] buffer, int offset, int size) =>
            ByteRange.IsValid(buffer, offset, size);

        private static void Clear(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = 0;
            }
        }
    }
}
