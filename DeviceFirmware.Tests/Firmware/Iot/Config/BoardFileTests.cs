using System;
using System.IO;
using System.Text.Json.Nodes;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Iot.Config;
using DeviceFirmware.Tests.Firmware.Core.Peripherals;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Config
{
    public class BoardFileTests
    {
        private static string BoardPath(string name) => Path.Combine(GoKit.RepoRoot(), "hardware", "boards", name + ".json");

        private static JsonObject Simulated() => JsonNode.Parse(File.ReadAllText(BoardPath("simulated")))!.AsObject();

        private static string Refuse(JsonNode board)
        {
            Assert.False(BoardFile.TryParse(board.ToJsonString(), "bad.json", GoKit.Product, out _, out string error));
            return error;
        }

        [Theory]
        [InlineData("simulated", 17, 25, 1)]
        [InlineData("raspberry-pi-4", 17, 25, 1)]
        [InlineData("esp32-devkitc", 26, 2, 1)]
        public void Every_board_file_loads_against_the_GoKit_product(string name, int relayPin, int indicatorPin, int busId)
        {
            Assert.True(BoardFile.TryLoad(BoardPath(name), GoKit.Product, out BoardMap map, out string error), error);
            Assert.Equal(name, map.Name);
            Assert.Equal(indicatorPin, map.IndicatorPin);
            Assert.Equal(10, map.InputPollMs);
            OutputBinding relay = Array.Find(map.Outputs, o => o.Point == "Relay")!;
            Assert.Equal(relayPin, relay.Pin);
            Assert.Equal(OutputKind.Digital, relay.Kind);
            Assert.Equal(DisconnectPolicy.Safe, relay.OnDisconnect);
            Assert.False(relay.ActiveLow);
            foreach (string pwm in new[] { "LED_R", "LED_G", "LED_B", "Motor_Speed" })
            {
                Assert.Equal(OutputKind.Pwm, Array.Find(map.Outputs, o => o.Point == pwm)!.Kind);
            }

            Assert.Equal(5, Array.Find(map.Outputs, o => o.Point == "Motor_Speed")!.SafeValue);
            InputBinding button = Assert.Single(map.Inputs);
            Assert.Equal("Button", button.Point);
            Assert.True(button.ActiveLow);
            Assert.True(button.PullUp);
            Assert.Equal(0x44, map.Sensor.Address);
            Assert.Equal(busId, map.Sensor.BusId);
            Assert.Equal(name == "simulated" ? "simulated" : "sht3x", map.Sensor.Driver);
            Assert.Equal("Temperature", map.Sensor.TemperaturePoint);
            Assert.Equal("Fault_Sensor", map.Sensor.FaultPoint);
        }

        [Fact]
        public void A_missing_file_is_named()
        {
            string path = Path.Combine(Path.GetTempPath(), $"no-such-board-{Guid.NewGuid():N}.json");
            Assert.False(BoardFile.TryLoad(path, GoKit.Product, out _, out string error));
            Assert.StartsWith($"{path}: cannot read the board file", error, StringComparison.Ordinal);
        }

        [Fact]
        public void A_bad_file_on_disk_is_refused_naming_the_file_and_the_field()
        {
            JsonObject board = Simulated();
            board["outputs"]![0]!["point"] = "Relais";
            string path = Path.Combine(Path.GetTempPath(), $"bad-board-{Guid.NewGuid():N}.json");
            try
            {
                File.WriteAllText(path, board.ToJsonString());
                Assert.False(BoardFile.TryLoad(path, GoKit.Product, out _, out string error));
                Assert.Equal($"{path}: outputs[0].point: \"Relais\" is not a data point of product \"GoKit Reference\"", error);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Not_JSON_is_refused()
        {
            Assert.False(BoardFile.TryParse("{ \"name\": ", "bad.json", GoKit.Product, out _, out string error));
            Assert.StartsWith("bad.json: not valid JSON:", error, StringComparison.Ordinal);
        }

        [Fact]
        public void An_unknown_point_is_refused()
        {
            JsonObject board = Simulated();
            board["inputs"]![0]!["point"] = "Buton";
            Assert.Equal("bad.json: inputs[0].point: \"Buton\" is not a data point of product \"GoKit Reference\"", Refuse(board));
        }

        [Fact]
        public void An_output_on_a_read_only_point_is_refused()
        {
            JsonObject board = Simulated();
            board["outputs"]![0]!["point"] = "Temperature";
            Assert.Equal("bad.json: outputs[0].point: \"Temperature\" is a read-only uint16 data point; only writable data points drive outputs", Refuse(board));
        }

        [Fact]
        public void An_input_on_anything_but_a_read_only_bool_is_refused()
        {
            JsonObject board = Simulated();
            board["inputs"]![0]!["point"] = "Humidity";
            Assert.Equal("bad.json: inputs[0].point: \"Humidity\" is a read-only uint8 data point; inputs feed read-only bool data points only", Refuse(board));
            board["inputs"]![0]!["point"] = "Night_Mode";
            Assert.Equal("bad.json: inputs[0].point: \"Night_Mode\" is a writable bool data point; inputs feed read-only bool data points only", Refuse(board));
        }

        [Fact]
        public void A_pin_used_twice_is_refused()
        {
            JsonObject board = Simulated();
            board["inputs"]![0]!["pin"] = 12;
            Assert.Equal("bad.json: inputs[0].pin: GPIO 12 is already used by outputs[1].pin", Refuse(board));
            board = Simulated();
            board["indicator"]!["pin"] = 17;
            Assert.Equal("bad.json: indicator.pin: GPIO 17 is already used by outputs[0].pin", Refuse(board));
        }

        [Fact]
        public void PWM_on_a_non_numeric_point_is_refused()
        {
            JsonObject board = Simulated();
            board["outputs"]![0]!["kind"] = "pwm";
            Assert.Equal("bad.json: outputs[0].kind: pwm needs a numeric data point; \"Relay\" is a writable bool data point", Refuse(board));
        }

        [Theory]
        [InlineData("inputPollMs", null, 0, "bad.json: inputPollMs: must be a positive number of milliseconds, not 0")]
        [InlineData("sensor", "pollMs", 0, "bad.json: sensor.pollMs: must be a positive number of milliseconds, not 0")]
        [InlineData("sensor", "pollMs", -5, "bad.json: sensor.pollMs: must be a positive number of milliseconds, not -5")]
        [InlineData("inputs", "debounceMs", -1, "bad.json: inputs[0].debounceMs: must be 0 or more, not -1")]
        [InlineData("sensor", "reportEveryMs", -1, "bad.json: sensor.reportEveryMs: must be 0 (never) or more, not -1")]
        public void Times_that_cannot_work_are_refused(string section, string? field, int value, string message)
        {
            JsonObject board = Simulated();
            if (field == null) board[section] = value;
            else if (board[section] is JsonArray array) array[0]![field] = value;
            else board[section]![field] = value;
            Assert.Equal(message, Refuse(board));
        }

        [Theory]
        [InlineData("kind", "\"analog\"", "bad.json: outputs[0].kind: must be digital or pwm, not \"analog\"")]
        [InlineData("onDisconnect", "\"off\"", "bad.json: outputs[0].onDisconnect: must be hold or safe, not \"off\"")]
        [InlineData("pin", "\"GPIO17\"", "bad.json: outputs[0].pin: must be an integer")]
        [InlineData("activeLow", "1", "bad.json: outputs[0].activeLow: must be true or false")]
        [InlineData("safeValue", "2", "bad.json: outputs[0].safeValue: 2 is not a raw value of \"Relay\" (0 or 1)")]
        [InlineData("pullup", "true", "bad.json: outputs[0].pullup: unknown field (known: point, pin, kind, activeLow, safeValue, onDisconnect, pwmFrequencyHz)")]
        public void A_wrong_field_value_is_refused_naming_the_field(string field, string json, string message)
        {
            JsonObject board = Simulated();
            board["outputs"]![0]![field] = JsonNode.Parse(json);
            Assert.Equal(message, Refuse(board));
        }

        [Theory]
        [InlineData("point", "bad.json: outputs[0].point: missing")]
        [InlineData("pin", "bad.json: outputs[0].pin: missing")]
        [InlineData("kind", "bad.json: outputs[0].kind: missing")]
        [InlineData("onDisconnect", "bad.json: outputs[0].onDisconnect: missing")]
        public void A_required_output_field_is_missing(string field, string message)
        {
            JsonObject board = Simulated();
            board["outputs"]![0]!.AsObject().Remove(field);
            Assert.Equal(message, Refuse(board));
        }

        [Fact]
        public void The_sensor_is_checked_too()
        {
            JsonObject board = Simulated();
            board["sensor"]!["address"] = "44";
            Assert.Equal("bad.json: sensor.address: must be an integer or a hex string such as \"0x44\"", Refuse(board));
            board = Simulated();
            board["sensor"]!["address"] = 200;
            Assert.Equal("bad.json: sensor.address: must be a 7-bit I2C address (0..127), not 200", Refuse(board));
            board = Simulated();
            board["sensor"]!["faultPoint"] = "Alert_Over_Temperature";
            Assert.Equal("bad.json: sensor.faultPoint: \"Alert_Over_Temperature\" is an alert bool data point; it must be a bool fault data point", Refuse(board));
            board = Simulated();
            board["sensor"]!["humidityPoint"] = "Temperature";
            Assert.Equal("bad.json: sensor.humidityPoint: \"Temperature\" is already fed by sensor.temperaturePoint", Refuse(board));
            board = Simulated();
            board["sensor"]!.AsObject().Remove("driver");
            Assert.Equal("bad.json: sensor.driver: missing", Refuse(board));
        }

        [Fact]
        public void Optional_parts_may_be_left_out()
        {
            var board = new JsonObject { ["name"] = "bare" };
            Assert.True(BoardFile.TryParse(board.ToJsonString(), "bare.json", GoKit.Product, out BoardMap map, out string error), error);
            Assert.Empty(map.Outputs);
            Assert.Empty(map.Inputs);
            Assert.Null(map.Sensor);
            Assert.Equal(-1, map.IndicatorPin);
            Assert.Equal("bad.json: name: missing", Refuse(new JsonObject()));
        }
    }
}
