using System;
using DeviceFirmware.Protocol.P0;
using Xunit;
using static DeviceFirmware.Tests.Protocol.P0.Support.P0TestData;
using DeviceFirmware.Tests.Protocol.P0.Support;

namespace DeviceFirmware.Tests.Protocol.P0.VarLen
{
    /// <summary>
    /// Hand-worked vectors of the var_len boiler thermostat (hardware/products/boiler-thermostat-var-len.json):
    /// 44 points whose writable, read-only, alert and fault ids interleave, every position 0/0. Flags are 6 bytes
    /// (44 ids) read as a big-endian integer: id 0 is the lowest bit of the LAST flag byte. The flagged bool/enum
    /// values follow, packed from bit 0 in id order (same big-endian numbering), then the flagged numbers and
    /// binaries in id order.
    /// </summary>
    public class BoilerVarLenGoldenTests
    {
        private static readonly Product Boiler = VarLenFixtures.Boiler();

        private static string Zeros(int bytes) => new string('0', 2 * bytes);

        // 0x11 write of Power=on (id 0), Mode=Winter (id 1, 2 bits), Heating_Setpoint 21.5 °C (id 2: ratio 0.5 → raw 43),
        // Heating_Relay=on (id 5), Fan_Level=High (id 10, 3 bits, index 3), Schedule (id 13, 112 bytes, starts 06 00 16 00),
        // Boost_Minutes 90 (id 19, uint16), Temperature_Unit=Fahrenheit (id 34, 1 bit), Comfort_Offset -1.5 (id 39:
        // (-1.5 + 5) / 0.5 = raw 7).
        //   flags: bits 0,1,2,5 → byte 5 (last) = 0x27; bits 10,13 → byte 4 = 0x04|0x20 = 0x24; bit 19 → byte 3 = 0x08;
        //          bits 24..31 → byte 2 = 0x00; bits 34,39 → byte 1 = 0x04|0x80 = 0x84; bits 40..47 → byte 0 = 0x00
        //          = 00 84 00 08 24 27
        //   packed (8 bits, 1 byte): Power bit 0 = 1; Mode bits 1..2 = 01 → bit 1; Heating_Relay bit 3 = 1;
        //          Fan_Level bits 4..6 = 011 → bits 4,5; Temperature_Unit bit 7 = 1 → 1+2+8+16+32+128 = 0xbb
        //   values in id order: Heating_Setpoint 2b | Schedule 06 00 16 00 + 108 × 00 | Boost_Minutes 00 5a | Comfort_Offset 07
        private static readonly string Write = "11 008400082427 bb 2b 06001600" + Zeros(108) + " 005a 07";

        [Fact]
        public void Write_0x11_decodes_exactly()
        {
            P0Message m = Golden.Decode(Boiler, Write);
            Assert.Equal(P0Action.VariableWrite, m.Action);
            Golden.Flagged(m, 0, 1, 2, 5, 10, 13, 19, 34, 39);
            Assert.Equal(1, m.Values.Get(0));
            Assert.Equal(1, m.Values.Get(1));
            Assert.Equal(21.5, m.Values.GetShown(2));
            Assert.Equal(1, m.Values.Get(5));
            Assert.Equal(3, m.Values.Get(10));
            Assert.Equal("06001600", ToHex(m.Values.Binary, m.Values.BinaryOffset(13), 4));
            Assert.Equal(90, m.Values.Get(19));
            Assert.Equal(1, m.Values.Get(34));
            Assert.Equal(-1.5, m.Values.GetShown(39));
        }

        [Fact]
        public void Write_0x11_encodes_exactly()
        {
            var v = new DataPointValues(Boiler);
            v.Set(Id(Boiler, "Power"), 1);
            v.Set(Id(Boiler, "Mode"), 1);
            Assert.True(Boiler.Find("Heating_Setpoint")!.TryToRaw(21.5, out long setpoint));
            v.Set(Id(Boiler, "Heating_Setpoint"), setpoint);
            v.Set(Id(Boiler, "Heating_Relay"), 1);
            v.Set(Id(Boiler, "Fan_Level"), 3);
            new byte[] { 0x06, 0x00, 0x16, 0x00 }.CopyTo(v.Binary, v.BinaryOffset(Id(Boiler, "Schedule")));
            v.Set(Id(Boiler, "Boost_Minutes"), 90);
            v.Set(Id(Boiler, "Temperature_Unit"), 1);
            Assert.True(Boiler.Find("Comfort_Offset")!.TryToRaw(-1.5, out long offset));
            v.Set(Id(Boiler, "Comfort_Offset"), offset);
            bool[] flags = Flags(Boiler, "Power", "Mode", "Heating_Setpoint", "Heating_Relay", "Fan_Level", "Schedule", "Boost_Minutes", "Temperature_Unit", "Comfort_Offset");
            Assert.Equal(Golden.Norm(Write), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableWrite, v, flags, b, o, out n), 200));
        }

        [Fact]
        public void Write_0x11_flagging_a_read_only_point_is_NotWritable_and_applies_nothing()
        {
            // Flags 00 00 00 00 00 08: bit 3 = Room_Temperature (id 3, read-only), then its 2 bytes.
            var m = new P0Message(Boiler);
            Assert.Equal(P0Error.NotWritable, Golden.DecodeRaw(m, "11 000000000008 0265"));
            Assert.Equal(3, m.ErrorPointId);
            Assert.Equal(0, m.FlaggedCount);

            // The same with an alert (Alert_Frost, id 22 → byte 3 bit 6 = 0x40) behind a writable point (Power, bit 0).
            Assert.Equal(P0Error.NotWritable, Golden.DecodeRaw(m, "11 000000400001 03"));
            Assert.Equal(22, m.ErrorPointId);

            var v = new DataPointValues(Boiler);
            byte[] buffer = new byte[Boiler.MaxMessageSize];
            Assert.Equal(P0Error.NotWritable, P0Writer.WriteVariable(P0Action.VariableWrite, v, Flags(Boiler, "Power", "Fault_Fan"), buffer, 0, out int n));
            Assert.Equal(0, n);
        }

        // 0x12 read of Room_Temperature (id 3), Room_Humidity (4), Flame_On (7), Alert_Overheat (8), Status_Word (43):
        //   bits 3,4,7 → byte 5 = 0x08|0x10|0x80 = 0x98; bit 8 → byte 4 = 0x01; bit 43 → byte 0 bit 3 = 0x08
        private const string Read = "12 080000000198";

        // 0x13 answer: Room_Temperature 21.3 °C (ratio 0.1, addition -40: raw 613 = 0x0265), Room_Humidity 45 = 0x2d,
        // Flame_On on, Alert_Overheat off, Status_Word Heating (index 1, 3 bits).
        //   packed (5 bits, 1 byte): Flame_On bit 0 = 1; Alert_Overheat bit 1 = 0; Status_Word bits 2..4 = 001 → bit 2 → 0x05
        //   values: Room_Temperature 02 65 | Room_Humidity 2d
        private const string ReadReply = "13 080000000198 05 0265 2d";

        [Fact]
        public void Read_0x12_and_its_reply_0x13_round_trip_exactly()
        {
            P0Message read = Golden.Decode(Boiler, Read);
            Golden.Flagged(read, 3, 4, 7, 8, 43);
            var v = new DataPointValues(Boiler);
            Assert.Equal(Golden.Norm(Read), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableRead, v, read.Flagged, b, o, out n)));

            v.Set(3, 613);
            v.Set(4, 45);
            v.Set(7, 1);
            v.Set(43, 1);
            Assert.Equal(Golden.Norm(ReadReply), Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableReadReply, v, read.Flagged, b, o, out n)));
            P0Message reply = Golden.Decode(Boiler, ReadReply);
            Golden.Flagged(reply, 3, 4, 7, 8, 43);
            Assert.Equal(21.3, reply.Values.GetShown(3), 9);
            Assert.Equal(45, reply.Values.Get(4));
            Assert.Equal(1, reply.Values.Get(7));
            Assert.Equal(0, reply.Values.Get(8));
            Assert.Equal(1, reply.Values.Get(43));
        }

        // 0x14 report of all 44 points, everything 0 except Power on, Room_Temperature raw 613, Schedule starting aa,
        // Burner_Hours 0x00012345, Error_Code 42 (a fault uint8), Status_Word Error (index 4).
        //   flags: 44 bits set = 0f ff ff ff ff ff
        //   packed: 22 bool/enum points: 17 bools (1 bit), Mode 2, Fan_Level 3, Pump_Speed 2, Temperature_Unit 1, Status_Word 3 = 28 bits → 4 bytes.
        //           Power is bit 0; Status_Word (id 43) is the last, bits 25..27; index 4 = 100 → bit 27.
        //           As a big-endian integer: 0x08000001 = 08 00 00 01
        //   values in id order: 2 Heating_Setpoint 00 | 3 Room_Temperature 02 65 | 4 Room_Humidity 00 | 6 Hot_Water 00 |
        //     11 Water_Pressure 00 00 | 13 Schedule aa + 111 × 00 | 14 Burner_Hours 00 01 23 45 | 17 Outdoor 00 |
        //     19 Boost 00 00 | 20 Flow 00 | 21 Return 00 | 24 Brightness 00 | 25 Firmware_Info 16 × 00 |
        //     29 Gas 00 00 00 00 | 30 Holiday 00 | 32 Error_Code 2a | 33 Modulation 00 | 35 Night_Setback 00 |
        //     37 Signal 00 | 39 Comfort_Offset 00 | 40 Service_Counter 00 00 | 42 Installer_Notes 8 × 00
        //   = 165 value bytes; 1 + 6 + 4 + 165 = 176 bytes, the product's largest message.
        private static readonly string Report =
            "14 0fffffffffff 08000001 00 0265 00 00 0000 aa" + Zeros(111) + " 00012345 00 0000 00 00 00" + Zeros(16)
            + " 00000000 00 2a 00 00 00 00 0000" + Zeros(8);

        [Fact]
        public void Report_0x14_of_all_points_encodes_and_decodes_exactly()
        {
            var v = new DataPointValues(Boiler);
            v.Set(Id(Boiler, "Power"), 1);
            v.Set(Id(Boiler, "Room_Temperature"), 613);
            v.Binary[v.BinaryOffset(Id(Boiler, "Schedule"))] = 0xaa;
            v.Set(Id(Boiler, "Burner_Hours"), 0x12345);
            v.Set(Id(Boiler, "Error_Code"), 42);
            v.Set(Id(Boiler, "Status_Word"), 4);
            bool[] all = new bool[44];
            Array.Fill(all, true);
            string hex = Golden.Encode((byte[] b, int o, out int n) => P0Writer.WriteVariable(P0Action.VariableReport, v, all, b, o, out n), 200);
            Assert.Equal(Golden.Norm(Report), hex);
            Assert.Equal(2 * Boiler.MaxMessageSize, hex.Length);

            P0Message m = Golden.Decode(Boiler, Report);
            Assert.Equal(44, m.FlaggedCount);
            Assert.Equal(Snapshot(v), Snapshot(m.Values));
        }
    }
}
