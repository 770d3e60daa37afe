using DeviceFirmware.Generators;
using DeviceFirmware.Boards;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Iot.Config;
using DeviceFirmware.Protocol.Products;
using Xunit;

namespace DeviceFirmware.Tests.Nano
{
    /// <summary>The ESP32 board table (DeviceFirmware/Boards/Esp32DevkitcBoard.g.cs) is the board file, compiled in.</summary>
    public class BoardTableTests
    {
        private const string BoardJson = "hardware/boards/esp32-devkitc.json";
        private const string TableFile = "DeviceFirmware/Boards/Esp32DevkitcBoard.g.cs";

        private static BoardMap Loaded()
        {
            Assert.True(BoardFile.TryLoad(NanoRepo.Path("hardware", "boards", "esp32-devkitc.json"), GoKitProduct.Create(), out BoardMap map, out string error), error);
            return map;
        }

        [Fact]
        public void Committed_table_is_fresh()
        {
            string expected = BoardSourceGenerator.Generate(Loaded(), "DeviceFirmware.Boards", "Esp32DevkitcBoard", BoardJson);
            (bool fresh, string message) = NanoRepo.CheckFresh(TableFile, expected);
            Assert.True(fresh, message);
        }

        [Fact]
        public void Table_builds_the_same_map_as_the_board_file()
        {
            BoardMap json = Loaded();
            BoardMap table = Esp32DevkitcBoard.Create();
            Assert.Equal(json.Name, table.Name);
            Assert.Equal(json.IndicatorPin, table.IndicatorPin);
            Assert.Equal(json.IndicatorActiveLow, table.IndicatorActiveLow);
            Assert.Equal(json.InputPollMs, table.InputPollMs);
            Assert.Equal(json.Outputs.Length, table.Outputs.Length);
            for (int i = 0; i < json.Outputs.Length; i++)
            {
                OutputBinding a = json.Outputs[i], b = table.Outputs[i];
                Assert.Equal((a.Point, a.Pin, a.Kind, a.ActiveLow, a.SafeValue, a.OnDisconnect, a.PwmFrequencyHz), (b.Point, b.Pin, b.Kind, b.ActiveLow, b.SafeValue, b.OnDisconnect, b.PwmFrequencyHz));
            }

            Assert.Equal(json.Inputs.Length, table.Inputs.Length);
            for (int i = 0; i < json.Inputs.Length; i++)
            {
                InputBinding a = json.Inputs[i], b = table.Inputs[i];
                Assert.Equal((a.Point, a.Pin, a.ActiveLow, a.PullUp, a.DebounceMs), (b.Point, b.Pin, b.ActiveLow, b.PullUp, b.DebounceMs));
            }

            Assert.NotNull(json.Sensor);
            Assert.NotNull(table.Sensor);
            SensorBinding s = json.Sensor!, t = table.Sensor!;
            Assert.Equal((s.Driver, s.BusId, s.Address, s.TemperaturePoint, s.HumidityPoint, s.PollMs), (t.Driver, t.BusId, t.Address, t.TemperaturePoint, t.HumidityPoint, t.PollMs));
            Assert.Equal((s.TemperatureThreshold, s.HumidityThreshold, s.ReportEveryMs), (t.TemperatureThreshold, t.HumidityThreshold, t.ReportEveryMs));
            Assert.Equal((s.AlertPoint, s.AlertAboveCelsius, s.FaultPoint), (t.AlertPoint, t.AlertAboveCelsius, t.FaultPoint));
        }

        [Fact]
        public void Table_fits_the_reference_product()
        {
            Assert.Null(DeviceFirmware.Core.Peripherals.BoardCheck.Check(GoKitProduct.Create(), Esp32DevkitcBoard.Create()));
        }
    }
}
