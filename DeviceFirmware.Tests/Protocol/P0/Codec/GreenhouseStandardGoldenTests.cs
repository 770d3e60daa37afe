using System.Linq;
using DeviceFirmware.Protocol.P0;
using Xunit;
using static DeviceFirmware.Tests.Protocol.P0.Support.P0TestData;
using DeviceFirmware.Tests.Protocol.P0.Support;

namespace DeviceFirmware.Tests.Protocol.P0.Codec
{
    /// <summary>
    /// Hand-worked vectors of the standard greenhouse controller (hardware/products/greenhouse-standard.json): attrs
    /// listed out of id order (5, 0, 9, 2, 11, 7, 1, 4, 10, 3, 8, 6), ratios 0.5 and 0.1, additions -100 and 5.
    /// Full status (14 bytes): writable [0] bit area (Fan bit 0, Vent_Position bits 1..2) [1] Target_Temperature
    /// [2..3] Irrigation_Minutes; read-only [4] bit area (Door_Open) [5..6] Air_Temperature [7] Soil_Moisture
    /// [8..11] Light; alert [12] (Alert_Frost bit 0, Alert_Heat bit 1); fault [13] (Fault_Sensor bit 0, Fault_Pump bit 1).
    /// </summary>
    public class GreenhouseStandardGoldenTests
    {
        private static readonly Product Greenhouse = VarLenFixtures.Greenhouse();

        // 0x04: Fan on + Vent_Position Open (2 → bits 1..2 = 10) → 0x01 | 0x04 = 05
        //   Target_Temperature 22.5 °C = 0.5·x + 5 → x = 35 = 23;  Irrigation_Minutes 300 = 01 2c
        //   Door_Open on = 01;  Air_Temperature -12.3 °C = 0.1·x - 100 → x = 877 = 03 6d;  Soil_Moisture 40.5 % = 0.5·x → x = 81 = 51
        //   Light 123456 = 00 01 e2 40;  alerts: Frost on, Heat off = 01;  faults: Sensor off, Pump on = 02
        private const string Report = "04 05 23 012c 01 036d 51 0001e240 01 02";

        [Fact]
        public void Listed_out_of_id_order_the_points_are_indexed_by_id()
        {
            Assert.Equal(P0ProtocolType.Standard, Greenhouse.ProtocolType);
            Assert.Equal(Enumerable.Range(0, 12), Greenhouse.Points.Select(p => p.Id));
            Assert.Equal("Fan", Greenhouse.Points[0].Name);
            Assert.Equal("Fault_Pump", Greenhouse.Points[11].Name);
            Assert.Equal(14, Greenhouse.FullStatusSize);
            Assert.Equal(4, Greenhouse.WritableCount);
            Assert.Equal(4, Greenhouse.WritableSectionSize);
        }

        [Fact]
        public void Report_0x04_round_trips_with_fractional_ratios_and_negative_additions()
        {
            P0Message m = Golden.Decode(Greenhouse, Report);
            Assert.Equal(12, m.FlaggedCount);
            Assert.Equal(2, m.Values.Get(Id(Greenhouse, "Vent_Position")));
            Assert.Equal(22.5, m.Values.GetShown(Id(Greenhouse, "Target_Temperature")));
            Assert.Equal(-12.3, m.Values.GetShown(Id(Greenhouse, "Air_Temperature")), 9);
            Assert.Equal(40.5, m.Values.GetShown(Id(Greenhouse, "Soil_Moisture")));
            Assert.Equal(123456, m.Values.Get(Id(Greenhouse, "Light")));
            Assert.Equal(1, m.Values.Get(Id(Greenhouse, "Fault_Pump")));

            var v = new DataPointValues(Greenhouse);
            Set(v, "Fan", 1);
            Set(v, "Vent_Position", 2);
            SetShown(v, "Target_Temperature", 22.5);
            Set(v, "Irrigation_Minutes", 300);
            Set(v, "Door_Open", 1);
            SetShown(v, "Air_Temperature", -12.3);
            SetShown(v, "Soil_Moisture", 40.5);
            Set(v, "Light", 123456);
            Set(v, "Alert_Frost", 1);
            Set(v, "Fault_Pump", 1);
            Assert.Equal(Golden.Norm(Report), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteStatus(v, P0Action.Report, b, o, out n)));
        }

        // 0x01: attr_flags 1 byte (4 writable points): Vent_Position (id 1) and Target_Temperature (id 2) → 0x06.
        //   writable section: Vent_Position Half (1) in bits 1..2 → 0x02; Target_Temperature 5 °C = its addition → raw 0 = 00;
        //   Irrigation_Minutes not flagged → 00 00
        private const string Write = "01 06 02 00 0000";

        [Fact]
        public void Write_0x01_at_the_bottom_of_a_range_round_trips()
        {
            P0Message m = Golden.Decode(Greenhouse, Write);
            Golden.Flagged(m, 1, 2);
            Assert.Equal(5.0, m.Values.GetShown(2));
            Assert.Equal(Golden.Norm(Write), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteWrite(m.Values, m.Flagged, b, o, out n)));
        }

        [Theory]
        [InlineData("Target_Temperature", 4.5, false)]   // below the addition: raw -1
        [InlineData("Target_Temperature", 55.0, true)]   // raw 100, the max
        [InlineData("Target_Temperature", 55.5, false)]  // raw 101
        [InlineData("Target_Temperature", 22.7, true)]   // rounds to the nearest 0.5 step: raw 35 (22.5)
        [InlineData("Air_Temperature", -100.0, true)]    // raw 0
        [InlineData("Air_Temperature", 100.0, true)]     // raw 2000
        [InlineData("Air_Temperature", -100.1, false)]
        public void Shown_values_map_to_raw_within_min_max(string name, double shown, bool accepted) =>
            Assert.Equal(accepted, Greenhouse.Find(name)!.TryToRaw(shown, out _));

        [Fact]
        public void A_standard_product_still_speaks_0x11_to_0x14_with_flags_over_all_ids()
        {
            // 0x11 Fan on: flags 2 bytes (12 ids), bit 0 → 00 01; packed bit 0 = 1 → 01.
            P0Message m = Golden.Decode(Greenhouse, "11 0001 01");
            Golden.Flagged(m, 0);
            var v = new DataPointValues(Greenhouse);
            Assert.Equal(P0Error.NotWritable, P0Writer.WriteVariable(P0Action.VariableWrite, v, Flags(Greenhouse, "Door_Open"), new byte[32], 0, out _));
        }

        private static void Set(DataPointValues v, string name, long raw) => v.Set(Id(v.Product, name), raw);

        private static void SetShown(DataPointValues v, string name, double shown)
        {
            Assert.True(v.Product.Find(name)!.TryToRaw(shown, out long raw));
            v.Set(Id(v.Product, name), raw);
        }
    }
}
