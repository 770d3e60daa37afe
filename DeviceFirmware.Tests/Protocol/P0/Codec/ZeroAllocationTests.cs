using System;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Codec
{
    /// <summary>The receive/apply/report loop allocates nothing once warmed up (GoKit product).</summary>
    public class ZeroAllocationTests
    {
        private const int Loops = 1000;

        // 0x01 write: Night_Mode + Motor_Speed (see GoKitWriteGoldenTests).
        private static readonly byte[] Write = P0TestData.Hex("01 44 01 00 00 00 00 00");

        // 0x04 full status (see GoKitStatusGoldenTests).
        private static readonly byte[] Status = P0TestData.Hex("04 01 05 10 80 fe 07 01 02 67 37 00 01");

        // 0x14 report of every point (see GoKitVariableGoldenTests).
        private static readonly byte[] VariableReport = P0TestData.Hex("14 0f ff 5d 10 80 fe 07 02 67 37");

        // Warm-up, then the cleanest of a few rounds: the runtime's tiered JIT may allocate once mid-loop,
        // while code that allocates per call dirties every round.
        private static long Measure(Action body) => DeviceFirmware.Tests.Support.Allocations.Of(body, Loops);

        [Fact]
        public void Decode_write_apply_and_report_allocate_nothing()
        {
            Product p = P0TestData.GoKit();
            var message = new P0Message(p);
            var live = new DataPointValues(p);
            byte[] output = new byte[p.MaxMessageSize];
            int failures = 0;
            long allocated = Measure(() =>
            {
                if (message.Decode(Write, 0, Write.Length) != P0Error.None) failures++;
                live.CopyFlagged(message.Values, message.Flagged);
                if (P0Writer.WriteStatus(live, P0Action.Report, output, 0, out int n) != P0Error.None || n != 13) failures++;
            });
            Assert.Equal(0, failures);
            Assert.Equal(0, allocated);
            Assert.True(live.GetBool(2)); // the write was applied
        }

        [Fact]
        public void Decode_status_allocates_nothing()
        {
            var message = new P0Message(P0TestData.GoKit());
            int failures = 0;
            long allocated = Measure(() =>
            {
                if (message.Decode(Status, 0, Status.Length) != P0Error.None || message.FlaggedCount != 12) failures++;
            });
            Assert.Equal(0, failures);
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void Decode_variable_report_allocates_nothing()
        {
            var message = new P0Message(P0TestData.GoKit());
            int failures = 0;
            long allocated = Measure(() =>
            {
                if (message.Decode(VariableReport, 0, VariableReport.Length) != P0Error.None || message.FlaggedCount != 12) failures++;
            });
            Assert.Equal(0, failures);
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void Encode_variable_and_refused_write_allocate_nothing()
        {
            Product p = P0TestData.GoKit();
            var message = new P0Message(p);
            var values = new DataPointValues(p);
            bool[] all = new bool[p.Points.Length];
            Array.Fill(all, true);
            byte[] output = new byte[p.MaxMessageSize];
            byte[] refused = P0TestData.Hex("01 08 00 00 ff 00 00 00"); // LED_R 255 > 254
            int failures = 0;
            long allocated = Measure(() =>
            {
                if (P0Writer.WriteVariable(P0Action.VariableReport, values, all, output, 0, out _) != P0Error.None) failures++;
                if (message.Decode(refused, 0, refused.Length) != P0Error.ValueOutOfRange) failures++;
            });
            Assert.Equal(0, failures);
            Assert.Equal(0, allocated);
        }
    }
}
