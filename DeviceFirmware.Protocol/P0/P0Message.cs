namespace DeviceFirmware.Protocol.P0
{
    /// <summary>
    /// Decodes P0 business data for one product in place. Create one per receive loop and reuse it:
    /// <see cref="Decode"/> allocates nothing and never throws. Values land in <see cref="Values"/> and the
    /// points the message carries are marked in <see cref="Flagged"/>; a refused write leaves
    /// <see cref="Flagged"/> all false, so applying it (<see cref="DataPointValues.CopyFlagged"/>) changes nothing.
    /// </summary>
    public sealed class P0Message
    {
        /// <summary>Preallocates the values and flags for <paramref name="product"/>.</summary>
        public P0Message(Product product)
        {
            Product = product;
            Values = new DataPointValues(product);
            Flagged = new bool[product.Points.Length];
        }

        /// <summary>The product whose layout is used.</summary>
        public Product Product { get; }

        /// <summary>The decoded values (only flagged points are meaningful).</summary>
        public DataPointValues Values { get; }

        /// <summary>Flagged[id] is true when the message carries point id (a write: apply it).</summary>
        public bool[] Flagged { get; }

        /// <summary>The action byte of the last decode.</summary>
        public byte Action { get; private set; }

        /// <summary>The result of the last decode.</summary>
        public P0Error Error { get; private set; }

        /// <summary>The data point an error is about, or -1.</summary>
        public int ErrorPointId { get; private set; }

        /// <summary>The buffer of the last decode.</summary>
        public byte[] Buffer { get; private set; }

        /// <summary>0x05/0x06: index of the product bytes after the action.</summary>
        public int PayloadOffset { get; private set; }

        /// <summary>0x05/0x06: length of the product bytes after the action.</summary>
        public int PayloadLength { get; private set; }

        /// <summary>Number of flagged points.</summary>
        public int FlaggedCount { get; private set; }

        /// <summary>Decodes <paramref name="count"/> bytes of business data at <paramref name="offset"/> (starting with the action byte).</summary>
        public P0Error Decode(byte[] buffer, int offset, int count)
        {
            Buffer = buffer;
            Action = 0;
            PayloadOffset = PayloadLength = 0;
            ErrorPointId = -1;
            ClearFlags();
            if (!ByteRange.IsValid(buffer, offset, count)) return Fail(P0Error.InvalidArguments, -1);
            if (count == 0) return Fail(P0Error.Empty, -1);

            Action = buffer[offset];
            if (Product.IsVariableLength && Action >= P0Action.Write && Action <= P0Action.Report) return Fail(P0Error.WrongProtocolType, -1);
            int body = offset + 1;
            int bodyLength = count - 1;
            P0Error error;
            switch (Action)
            {
                case P0Action.Write:
                    error = DecodeWrite(buffer, body, bodyLength);
                    break;
                case P0Action.Read:
                    error = bodyLength == 0 ? P0Error.None : P0Error.WrongLength;
                    break;
                case P0Action.ReadReply:
                case P0Action.Report:
                    error = DecodeStatus(buffer, body, bodyLength);
                    break;
                case P0Action.CustomToDevice:
                case P0Action.CustomToApp:
                    PayloadOffset = body;
                    PayloadLength = bodyLength;
                    error = P0Error.None;
                    break;
                case P0Action.VariableWrite:
                case P0Action.VariableRead:
                case P0Action.VariableReadReply:
                case P0Action.VariableReport:
                    error = DecodeVariable(buffer, body, bodyLength);
                    break;
                default:
                    error = P0Error.UnknownAction;
                    break;
            }

            if (error != P0Error.None) return Fail(error, ErrorPointId);
            Error = P0Error.None;
            return P0Error.None;
        }

        private P0Error DecodeWrite(byte[] buffer, int body, int bodyLength)
        {
            int flagsSize = Product.AttrFlagsSize;
            if (bodyLength != flagsSize + Product.WritableSectionSize) return P0Error.WrongLength;
            int writable = Product.WritableCount;
            for (int bit = 0; bit < flagsSize * 8; bit++)
            {
                if (!BitArea.GetBit(buffer, body, flagsSize, bit)) continue;
                if (bit >= writable) return PointError(P0Error.UnknownDataPoint, bit);
                Mark(bit);
            }

            int statusBase = body + flagsSize;
            DataPoint[] points = Product.Points;
            for (int id = 0; id < writable; id++)
            {
                ReadPoint(points[id], buffer, statusBase);
            }

            return CheckFlaggedValues();
        }

        private P0Error DecodeStatus(byte[] buffer, int body, int bodyLength)
        {
            if (bodyLength != Product.FullStatusSize) return P0Error.WrongLength;
            DataPoint[] points = Product.Points;
            for (int id = 0; id < points.Length; id++)
            {
                ReadPoint(points[id], buffer, body);
                Mark(id);
            }

            return P0Error.None;
        }

        private P0Error DecodeVariable(byte[] buffer, int body, int bodyLength)
        {
            int flagsSize = Product.VariableFlagsSize;
            if (bodyLength < flagsSize) return P0Error.WrongLength;
            DataPoint[] points = Product.Points;
            int bits = 0;
            int bytes = 0;
            for (int bit = 0; bit < flagsSize * 8; bit++)
            {
                if (!BitArea.GetBit(buffer, body, flagsSize, bit)) continue;
                if (bit >= points.Length) return PointError(P0Error.UnknownDataPoint, bit);
                if (Action == P0Action.VariableWrite && points[bit].Type != DataPointType.Writable) return PointError(P0Error.NotWritable, bit);
                Mark(bit);
                if (points[bit].IsBitField) bits += points[bit].Length;
                else bytes += points[bit].Length;
            }

            if (Action == P0Action.VariableRead) return bodyLength == flagsSize ? P0Error.None : P0Error.WrongLength;
            int packedSize = (bits + 7) / 8;
            if (bodyLength != flagsSize + packedSize + bytes) return P0Error.WrongLength;

            int packed = body + flagsSize;
            int bitCursor = 0;
            int byteCursor = packed + packedSize;
            for (int id = 0; id < points.Length; id++)
            {
                if (!Flagged[id]) continue;
                DataPoint point = points[id];
                if (point.IsBitField)
                {
                    Values.Set(id, BitArea.Read(buffer, packed, packedSize, bitCursor, point.Length));
                    bitCursor += point.Length;
                }
                else
                {
                    ReadBytes(point, buffer, byteCursor);
                    byteCursor += point.Length;
                }
            }

            return Action == P0Action.VariableWrite ? CheckFlaggedValues() : P0Error.None;
        }

        /// <summary>Reads a point at its position in a full status (or writable section) starting at <paramref name="statusBase"/>.</summary>
        private void ReadPoint(DataPoint point, byte[] buffer, int statusBase)
        {
            if (point.IsBitField)
            {
                Values.Set(point.Id, BitArea.Read(buffer, statusBase + point.ByteOffset, Product.BitAreaSize(point.Type), point.BitOffset, point.Length));
            }
            else
            {
                ReadBytes(point, buffer, statusBase + point.ByteOffset);
            }
        }

        private void ReadBytes(DataPoint point, byte[] buffer, int at)
        {
            if (point.DataType == DataType.Binary)
            {
                System.Array.Copy(buffer, at, Values.Binary, Values.BinaryOffset(point.Id), point.Length);
                Values.Set(point.Id, 0);
            }
            else
            {
                Values.Set(point.Id, NumberField.Read(buffer, at, point.Length));
            }
        }

        private P0Error CheckFlaggedValues()
        {
            DataPoint[] points = Product.Points;
            for (int id = 0; id < points.Length; id++)
            {
                if (!Flagged[id]) continue;
                P0Error error = P0Values.Check(points[id], Values.Get(id));
                if (error != P0Error.None) return PointError(error, id);
            }

            return P0Error.None;
        }

        private void Mark(int id)
        {
            Flagged[id] = true;
            FlaggedCount++;
        }

        private P0Error PointError(P0Error error, int id)
        {
            ErrorPointId = id;
            return error;
        }

        private void ClearFlags()
        {
            for (int i = 0; i < Flagged.Length; i++)
            {
                Flagged[i] = false;
            }

            FlaggedCount = 0;
        }

        private P0Error Fail(P0Error error, int pointId)
        {
            ClearFlags();
            Error = error;
            ErrorPointId = pointId;
            return error;
        }
    }
}
