using DeviceFirmware.Core.Board;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Core.Peripherals
{
    /// <summary>
    /// The rules a board map must keep against its product, in one place: the .NET board-file loader and the
    /// device core (which also runs from generated tables on the ESP32) refuse the same things with the same
    /// words. Each check returns null when the board is fine, or one message that names the board file's field
    /// (e.g. <c>outputs[2].pin</c>) and the problem. Start-up only: messages allocate.
    /// </summary>
    public static class BoardCheck
    {
        /// <summary>Every rule below, first problem first; null when <paramref name="board"/> works with <paramref name="product"/>.</summary>
        public static string Check(Product product, BoardMap board)
        {
            if (product == null) return "no product";
            if (board == null) return "no board";
            if (board.InputPollMs <= 0) return $"inputPollMs: must be a positive number of milliseconds, not {board.InputPollMs}";
            string error = CheckOutputs(product, board.Outputs);
            if (error != null) return error;
            error = CheckInputs(product, board.Inputs);
            if (error != null) return error;
            error = CheckSensor(product, board.Sensor);
            if (error != null) return error;
            error = CheckFedPoints(board);
            if (error != null) return error;
            return CheckPins(board);
        }

        /// <summary>
        /// Outputs: a known, writable data point, bound once; digital on anything but binary, PWM only on a number
        /// with min &lt; max; a GPIO number ≥ 0; a positive PWM frequency; a safe value the point can take (raw).
        /// </summary>
        public static string CheckOutputs(Product product, OutputBinding[] outputs)
        {
            if (outputs == null) return null;
            for (int i = 0; i < outputs.Length; i++)
            {
                string field = $"outputs[{i}]";
                OutputBinding output = outputs[i];
                if (output == null) return field + ": missing";
                DataPoint point = product.Find(output.Point);
                if (point == null) return UnknownPoint(field + ".point", output.Point, product);
                if (point.Type != DataPointType.Writable)
                {
                    return $"{field}.point: \"{point.Name}\" is {TypeWords(point)}; only writable data points drive outputs";
                }

                for (int j = 0; j < i; j++)
                {
                    if (outputs[j] != null && outputs[j].Point == output.Point) return $"{field}.point: \"{point.Name}\" is already driven by outputs[{j}]";
                }

                if (output.Pin < 0) return $"{field}.pin: must be a GPIO number of 0 or more, not {output.Pin}";
                switch (output.Kind)
                {
                    case OutputKind.Digital:
                        if (point.DataType == DataType.Binary) return $"{field}.kind: a digital output cannot show \"{point.Name}\", {TypeWords(point)}";
                        break;
                    case OutputKind.Pwm:
                        if (!point.IsNumber) return $"{field}.kind: pwm needs a numeric data point; \"{point.Name}\" is {TypeWords(point)}";
                        if (point.Max <= point.Min) return $"{field}.kind: pwm needs a range, and \"{point.Name}\" has min = max = {point.Min}";
                        if (output.PwmFrequencyHz <= 0) return $"{field}.pwmFrequencyHz: must be positive, not {output.PwmFrequencyHz}";
                        break;
                    default:
                        return $"{field}.kind: must be digital or pwm";
                }

                if (output.OnDisconnect != DisconnectPolicy.Hold && output.OnDisconnect != DisconnectPolicy.Safe)
                {
                    return $"{field}.onDisconnect: must be hold or safe";
                }

                if (!IsRawValue(point, output.SafeValue))
                {
                    return $"{field}.safeValue: {output.SafeValue} is not a raw value of \"{point.Name}\" ({RawRange(point)})";
                }
            }

            return null;
        }

        /// <summary>Inputs: a known read-only bool data point, bound once; a GPIO number ≥ 0; a debounce time ≥ 0.</summary>
        public static string CheckInputs(Product product, InputBinding[] inputs)
        {
            if (inputs == null) return null;
            for (int i = 0; i < inputs.Length; i++)
            {
                string field = $"inputs[{i}]";
                InputBinding input = inputs[i];
                if (input == null) return field + ": missing";
                DataPoint point = product.Find(input.Point);
                if (point == null) return UnknownPoint(field + ".point", input.Point, product);
                if (point.Type != DataPointType.ReadOnly || point.DataType != DataType.Bool)
                {
                    return $"{field}.point: \"{point.Name}\" is {TypeWords(point)}; inputs feed read-only bool data points only";
                }

                if (input.Pin < 0) return $"{field}.pin: must be a GPIO number of 0 or more, not {input.Pin}";
                if (input.DebounceMs < 0) return $"{field}.debounceMs: must be 0 or more, not {input.DebounceMs}";
            }

            return null;
        }

        /// <summary>
        /// The sensor (null = none): positive poll time, report period ≥ 0 (0 = never), thresholds ≥ 0, I2C address
        /// 0..127, bus ≥ 0; temperature/humidity on read-only numeric points, the alert on a bool alert point, the
        /// fault on a bool fault point. Point names may be null (not fed).
        /// </summary>
        public static string CheckSensor(Product product, SensorBinding sensor)
        {
            if (sensor == null) return null;
            if (sensor.PollMs <= 0) return $"sensor.pollMs: must be a positive number of milliseconds, not {sensor.PollMs}";
            if (sensor.ReportEveryMs < 0) return $"sensor.reportEveryMs: must be 0 (never) or more, not {sensor.ReportEveryMs}";
            if (!(sensor.TemperatureThreshold >= 0)) return "sensor.temperatureThreshold: must be 0 or more";
            if (!(sensor.HumidityThreshold >= 0)) return "sensor.humidityThreshold: must be 0 or more";
            if (sensor.AlertAboveCelsius != sensor.AlertAboveCelsius) return "sensor.alertAboveCelsius: must be a number";
            if (sensor.BusId < 0) return $"sensor.busId: must be 0 or more, not {sensor.BusId}";
            if (sensor.Address < 0 || sensor.Address > 0x7F) return $"sensor.address: must be a 7-bit I2C address (0..127), not {sensor.Address}";
            string error = CheckSensorPoint(product, "sensor.temperaturePoint", sensor.TemperaturePoint, DataPointType.ReadOnly, false);
            if (error != null) return error;
            error = CheckSensorPoint(product, "sensor.humidityPoint", sensor.HumidityPoint, DataPointType.ReadOnly, false);
            if (error != null) return error;
            error = CheckSensorPoint(product, "sensor.alertPoint", sensor.AlertPoint, DataPointType.Alert, true);
            if (error != null) return error;
            return CheckSensorPoint(product, "sensor.faultPoint", sensor.FaultPoint, DataPointType.Fault, true);
        }

        /// <summary>No data point is fed by two sources (two inputs, an input and the sensor, two sensor fields).</summary>
        public static string CheckFedPoints(BoardMap board)
        {
            InputBinding[] inputs = board.Inputs ?? new InputBinding[0];
            SensorBinding sensor = board.Sensor;
            int sensorFields = sensor == null ? 0 : 4;
            int count = inputs.Length + sensorFields;
            string[] names = new string[count];
            string[] fields = new string[count];
            for (int i = 0; i < inputs.Length; i++)
            {
                names[i] = inputs[i] == null ? null : inputs[i].Point;
                fields[i] = $"inputs[{i}].point";
            }

            if (sensor != null)
            {
                int at = inputs.Length;
                names[at] = sensor.TemperaturePoint;
                fields[at] = "sensor.temperaturePoint";
                names[at + 1] = sensor.HumidityPoint;
                fields[at + 1] = "sensor.humidityPoint";
                names[at + 2] = sensor.AlertPoint;
                fields[at + 2] = "sensor.alertPoint";
                names[at + 3] = sensor.FaultPoint;
                fields[at + 3] = "sensor.faultPoint";
            }

            for (int i = 0; i < count; i++)
            {
                if (names[i] == null) continue;
                for (int j = 0; j < i; j++)
                {
                    if (names[j] == names[i]) return $"{fields[i]}: \"{names[i]}\" is already fed by {fields[j]}";
                }
            }

            return null;
        }

        /// <summary>No GPIO is used twice among outputs, inputs and the indicator LED; the indicator is -1 (none) or a GPIO number.</summary>
        public static string CheckPins(BoardMap board)
        {
            OutputBinding[] outputs = board.Outputs ?? new OutputBinding[0];
            InputBinding[] inputs = board.Inputs ?? new InputBinding[0];
            if (board.IndicatorPin < -1) return $"indicator.pin: must be a GPIO number, or -1 for none, not {board.IndicatorPin}";
            int count = outputs.Length + inputs.Length + 1;
            int[] pins = new int[count];
            string[] fields = new string[count];
            int used = 0;
            for (int i = 0; i < outputs.Length; i++)
            {
                if (outputs[i] == null) continue;
                pins[used] = outputs[i].Pin;
                fields[used++] = $"outputs[{i}].pin";
            }

            for (int i = 0; i < inputs.Length; i++)
            {
                if (inputs[i] == null) continue;
                pins[used] = inputs[i].Pin;
                fields[used++] = $"inputs[{i}].pin";
            }

            if (board.IndicatorPin >= 0)
            {
                pins[used] = board.IndicatorPin;
                fields[used++] = "indicator.pin";
            }

            for (int i = 0; i < used; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    if (pins[j] == pins[i]) return $"{fields[i]}: GPIO {pins[i]} is already used by {fields[j]}";
                }
            }

            return null;
        }

        /// <summary>True when <paramref name="raw"/> is a value <paramref name="point"/> can hold: 0/1, an enum index, min..max.</summary>
        public static bool IsRawValue(DataPoint point, long raw)
        {
            switch (point.DataType)
            {
                case DataType.Bool:
                    return raw == 0 || raw == 1;
                case DataType.Enum:
                    return raw >= 0 && raw < point.EnumValues.Length;
                case DataType.Binary:
                    return raw == 0;
                default:
                    return raw >= point.Min && raw <= point.Max;
            }
        }

        private static string CheckSensorPoint(Product product, string field, string name, DataPointType type, bool isBool)
        {
            if (name == null) return null;
            DataPoint point = product.Find(name);
            if (point == null) return UnknownPoint(field, name, product);
            bool kindFits = isBool ? point.DataType == DataType.Bool : point.IsNumber;
            if (point.Type != type || !kindFits)
            {
                string wanted = type == DataPointType.ReadOnly ? "a read-only number" : type == DataPointType.Alert ? "a bool alert" : "a bool fault";
                return $"{field}: \"{name}\" is {TypeWords(point)}; it must be {wanted} data point";
            }

            return null;
        }

        private static string UnknownPoint(string field, string name, Product product) =>
            $"{field}: \"{name}\" is not a data point of product \"{product.Name}\"";

        private static string RawRange(DataPoint point)
        {
            switch (point.DataType)
            {
                case DataType.Bool:
                    return "0 or 1";
                case DataType.Enum:
                    return $"0..{point.EnumValues.Length - 1}";
                case DataType.Binary:
                    return "binary points have no safe value but 0";
                default:
                    return $"{point.Min}..{point.Max}";
            }
        }

        /// <summary>"a writable uint8 data point" and the like, for messages (enum names do not print on nanoFramework).</summary>
        private static string TypeWords(DataPoint point)
        {
            string section;
            switch (point.Type)
            {
                case DataPointType.Writable: section = "a writable"; break;
                case DataPointType.ReadOnly: section = "a read-only"; break;
                case DataPointType.Alert: section = "an alert"; break;
                default: section = "a fault"; break;
            }

            string type;
            switch (point.DataType)
            {
                case DataType.Bool: type = "bool"; break;
                case DataType.Enum: type = "enum"; break;
                case DataType.UInt8: type = "uint8"; break;
                case DataType.UInt16: type = "uint16"; break;
                case DataType.UInt32: type = "uint32"; break;
                default: type = "binary"; break;
            }

            return section + " " + type + " data point";
        }
    }
}
