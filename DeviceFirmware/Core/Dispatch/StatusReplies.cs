using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Core.Dispatch
{
    /// <summary>
    /// Writes the device's status messages in the right P0 family (docs/protocol.md §5): a standard product reports with
    /// 0x04 and answers 0x02 with 0x03; a var_len product has no fixed layout and reports with 0x14 and answers 0x12
    /// with 0x13. The answer to a write follows the write's family (0x01 → 0x04, 0x11 → 0x14), so an App that writes
    /// variable-length reads a variable-length answer whatever the product's type. Allocates nothing.
    /// </summary>
    /// <remarks>
    /// Every 0x14 this class writes (report, broadcast, answer to a 0x11) flags <b>all</b> points, never just the changed
    /// ones: each report is then a whole status on its own, so an App that joins late or missed a message (QoS 0, no
    /// retained status) is right after any one report; it is what the public Gizwits ESP32 firmware sends (a 10-point
    /// product reports with flags <c>03 ff</c>); and the device needs no per-point "last reported" copy. The cost is
    /// size: a report carries every binary point too.
    /// </remarks>
    public sealed class StatusReplies
    {
        private readonly DataPointValues state;
        private readonly bool[] allPoints;

        /// <summary>Writes the status of <paramref name="state"/>.</summary>
        public StatusReplies(DataPointValues state)
        {
            this.state = state;
            allPoints = new bool[state.Product.Points.Length];
            for (int i = 0; i < allPoints.Length; i++)
            {
                allPoints[i] = true;
            }
        }

        /// <summary>The device's own report (broadcast, answer to 0x01): 0x04 full status, or 0x14 with every point for a var_len product.</summary>
        public P0Error WriteReport(byte[] p0, out int length) =>
            state.Product.IsVariableLength
                ? P0Writer.WriteVariable(P0Action.VariableReport, state, allPoints, p0, 0, out length)
                : P0Writer.WriteStatus(state, P0Action.Report, p0, 0, out length);

        /// <summary>The answer to a write with action <paramref name="writeAction"/>: 0x14 with every point for 0x11, else <see cref="WriteReport"/>.</summary>
        public P0Error WriteWriteAnswer(byte writeAction, byte[] p0, out int length) =>
            writeAction == P0Action.VariableWrite
                ? P0Writer.WriteVariable(P0Action.VariableReport, state, allPoints, p0, 0, out length)
                : WriteReport(p0, out length);

        /// <summary>The answer to 0x02 (standard products only; the codec refuses 0x02 for var_len): 0x03 with the full status.</summary>
        public P0Error WriteReadReply(byte[] p0, out int length) =>
            P0Writer.WriteStatus(state, P0Action.ReadReply, p0, 0, out length);

        /// <summary>
        /// The answer to 0x12: 0x13 with the points it flagged, or with every point when it flagged none (a read of
        /// nothing has no use; reading all is what an App asking without flags means).
        /// </summary>
        public P0Error WriteVariableReadReply(bool[] flagged, int flaggedCount, byte[] p0, out int length) =>
            P0Writer.WriteVariable(P0Action.VariableReadReply, state, flaggedCount == 0 ? allPoints : flagged, p0, 0, out length);
    }
}
