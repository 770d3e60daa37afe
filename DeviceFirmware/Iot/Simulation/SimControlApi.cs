#nullable enable
using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace DeviceFirmware.Iot.Simulation;

/// <summary>
/// The routes of the simulation control API over a <see cref="SimulatedBoard"/>, without HTTP plumbing (that is
/// <see cref="SimControlServer"/>'s job). Every error is a JSON object <c>{"error": "..."}</c> with a specific
/// message; a refused request changes nothing on the board.
/// </summary>
internal sealed class SimControlApi
{
    private readonly SimulatedBoard board;

    internal SimControlApi(SimulatedBoard board)
    {
        this.board = board;
    }

    /// <summary>Answers one request. <paramref name="path"/> is the URL path without query; <paramref name="body"/> may be empty.</summary>
    internal SimControlResponse Handle(string method, string path, ReadOnlySpan<byte> body)
    {
        string[] parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 1 && parts[0] == "pins")
        {
            return Pins(method, parts, body);
        }

        if (parts.Length >= 1 && parts[0] == "sensor")
        {
            return Sensor(method, parts, body);
        }

        if (parts.Length == 1 && parts[0] == "process")
        {
            return method == "GET" ? Ok(WriteProcess) : NotAllowed("GET");
        }

        return NoRoute(method, path);
    }

    // For soak runs: the firmware's own memory, measured inside the process (the managed heap is invisible from outside).
    // A full collection first, so that what is reported is what is alive, not garbage not yet collected.
    private static void WriteProcess(Utf8JsonWriter writer)
    {
        writer.WriteNumber("managedHeapBytes", GC.GetTotalMemory(forceFullCollection: true));
        writer.WriteNumber("workingSetBytes", Environment.WorkingSet);
        writer.WriteNumber("gen0Collections", GC.CollectionCount(0));
        writer.WriteNumber("gen2Collections", GC.CollectionCount(2));
        writer.WriteNumber("allocatedBytes", GC.GetTotalAllocatedBytes(false));
    }

    private SimControlResponse Pins(string method, string[] parts, ReadOnlySpan<byte> body)
    {
        if (parts.Length == 1)
        {
            return method == "GET" ? Ok(w => WritePinList(w)) : NotAllowed("GET");
        }

        if (parts.Length > 3 || (parts.Length == 3 && parts[2] is not ("press" or "release")))
        {
            return NoRoute(method, "/" + string.Join('/', parts));
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int pin))
        {
            return Error(400, $"'{parts[1]}' is not a GPIO number.");
        }

        if (pin >= board.PinCount)
        {
            return Error(404, $"No GPIO {pin}: the simulated board has GPIO 0..{board.PinCount - 1}.");
        }

        if (parts.Length == 3)
        {
            if (method != "POST")
            {
                return NotAllowed("POST");
            }

            return Drive(pin, () =>
            {
                if (parts[2] == "press")
                {
                    board.Press(pin);
                }
                else
                {
                    board.Release(pin);
                }
            });
        }

        switch (method)
        {
            case "GET":
                return Ok(w => WritePin(w, board.Describe(pin), withHistory: true));
            case "PUT":
                if (!TryParseObject(body, "{\"level\": true}", out JsonElement root, out SimControlResponse? bad))
                {
                    return bad!;
                }

                bool? level = null;
                bool seen = false;
                foreach (JsonProperty property in root.EnumerateObject())
                {
                    if (property.Name != "level")
                    {
                        return Error(400, $"Unknown field '{property.Name}': the body is {{\"level\": true|false|null}}.");
                    }

                    seen = true;
                    switch (property.Value.ValueKind)
                    {
                        case JsonValueKind.True:
                            level = true;
                            break;
                        case JsonValueKind.False:
                            level = false;
                            break;
                        case JsonValueKind.Null:
                            level = null;
                            break;
                        default:
                            return Error(400, "'level' must be true (high), false (low) or null (not driven).");
                    }
                }

                if (!seen)
                {
                    return Error(400, "Missing 'level': the body is {\"level\": true|false|null}.");
                }

                return Drive(pin, () => board.SetInput(pin, level));
            default:
                return NotAllowed("GET, PUT");
        }
    }

    private SimControlResponse Sensor(string method, string[] parts, ReadOnlySpan<byte> body)
    {
        if (parts.Length == 1)
        {
            switch (method)
            {
                case "GET":
                    return Ok(WriteSensor);
                case "PUT":
                    return SetClimate(body);
                default:
                    return NotAllowed("GET, PUT");
            }
        }

        if (parts.Length == 2 && parts[1] is "fail" or "recover")
        {
            if (method != "POST")
            {
                return NotAllowed("POST");
            }

            board.FailSensor(parts[1] == "fail");
            return Ok(WriteSensor);
        }

        return NoRoute(method, "/" + string.Join('/', parts));
    }

    private SimControlResponse SetClimate(ReadOnlySpan<byte> body)
    {
        const string Shape = "{\"temperature\": 25.0, \"humidity\": 40.0}";
        if (!TryParseObject(body, Shape, out JsonElement root, out SimControlResponse? bad))
        {
            return bad!;
        }

        double temperature = board.SensorDevice.Temperature;
        double humidity = board.SensorDevice.Humidity;
        bool any = false;
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (property.Name is not ("temperature" or "humidity"))
            {
                return Error(400, $"Unknown field '{property.Name}': the body is {Shape} (either may be left out).");
            }

            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out double value))
            {
                return Error(400, $"'{property.Name}' must be a number.");
            }

            any = true;
            if (property.Name == "temperature")
            {
                if (!(value >= SimulatedClimateSensor.MinTemperature && value <= SimulatedClimateSensor.MaxTemperature))
                {
                    return Error(400, $"'temperature' {value.ToString(CultureInfo.InvariantCulture)} is outside the SHT3x range −45..130 °C.");
                }

                temperature = value;
            }
            else
            {
                if (!(value >= 0 && value <= 100))
                {
                    return Error(400, $"'humidity' {value.ToString(CultureInfo.InvariantCulture)} is outside 0..100 %.");
                }

                humidity = value;
            }
        }

        if (!any)
        {
            return Error(400, $"Nothing to set: the body is {Shape}.");
        }

        board.SetClimate(temperature, humidity);
        return Ok(WriteSensor);
    }

    private SimControlResponse Drive(int pin, Action drive)
    {
        SimulatedPin before = board.Describe(pin);
        if (before.Mode is SimulatedPinMode.Output or SimulatedPinMode.Pwm)
        {
            return Error(400, $"GPIO {pin} is an {(before.Mode == SimulatedPinMode.Pwm ? "PWM output" : "output")}: only inputs can be driven.");
        }

        try
        {
            drive();
        }
        catch (InvalidOperationException e)
        {
            // The firmware turned the pin into an output between the check and the drive.
            return Error(400, e.Message);
        }

        return Ok(w => WritePin(w, board.Describe(pin), withHistory: false));
    }

    private static bool TryParseObject(ReadOnlySpan<byte> body, string shape, out JsonElement root, out SimControlResponse? error)
    {
        root = default;
        error = null;
        if (body.IsEmpty)
        {
            error = Error(400, $"Empty body: send a JSON object like {shape}.");
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = Error(400, $"The body must be a JSON object like {shape}.");
                return false;
            }

            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException e)
        {
            error = Error(400, $"The body is not valid JSON ({e.Message}).");
            return false;
        }
    }

    private void WritePinList(Utf8JsonWriter w)
    {
        w.WriteStartArray("pins");
        foreach (SimulatedPin pin in board.OpenPins())
        {
            WritePin(w, pin, withHistory: false, asProperty: false);
        }

        w.WriteEndArray();
    }

    private void WritePin(Utf8JsonWriter w, SimulatedPin pin, bool withHistory, bool asProperty = true)
    {
        if (!asProperty)
        {
            w.WriteStartObject();
        }

        w.WriteNumber("pin", pin.Pin);
        w.WriteString("mode", ModeName(pin.Mode));
        w.WriteBoolean("level", pin.Level);
        if (pin.Mode is not (SimulatedPinMode.Output or SimulatedPinMode.Pwm))
        {
            if (pin.Driven is bool driven)
            {
                w.WriteBoolean("driven", driven);
            }
            else
            {
                w.WriteNull("driven");
            }
        }

        if (pin.Mode == SimulatedPinMode.Pwm)
        {
            w.WriteNumber("duty", pin.DutyCycle ?? 0);
            w.WriteNumber("frequency", pin.FrequencyHz ?? 0);
            w.WriteBoolean("running", pin.Running ?? false);
        }

        if (withHistory)
        {
            w.WriteStartArray("history");
            foreach (PinChange change in board.History(pin.Pin))
            {
                w.WriteStartObject();
                w.WriteNumber("sequence", change.Sequence);
                w.WriteBoolean("level", change.Level);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (!asProperty)
        {
            w.WriteEndObject();
        }
    }

    private void WriteSensor(Utf8JsonWriter w)
    {
        SimulatedClimateSensor sensor = board.SensorDevice;
        w.WriteNumber("temperature", sensor.Temperature);
        w.WriteNumber("humidity", sensor.Humidity);
        SensorFault fault = sensor.Fault;
        w.WriteBoolean("failed", fault != SensorFault.None);
        w.WriteString("fault", fault switch
        {
            SensorFault.Nack => "nack",
            SensorFault.BadCrc => "bad-crc",
            _ => "none",
        });
        w.WriteNumber("measurements", sensor.MeasurementCount);
    }

    internal static string ModeName(SimulatedPinMode mode) => mode switch
    {
        SimulatedPinMode.Input => "input",
        SimulatedPinMode.InputPullUp => "input-pullup",
        SimulatedPinMode.InputPullDown => "input-pulldown",
        SimulatedPinMode.Output => "output",
        SimulatedPinMode.Pwm => "pwm",
        _ => "closed",
    };

    private static SimControlResponse NoRoute(string method, string path) =>
        Error(404, $"No route {method} {path}. Routes: GET /pins, GET|PUT /pins/{{n}}, POST /pins/{{n}}/press|release, GET|PUT /sensor, POST /sensor/fail|recover, GET /process.");

    private static SimControlResponse NotAllowed(string allow) =>
        new(405, Json(w => w.WriteString("error", $"Method not allowed here; use {allow}.")), allow);

    internal static SimControlResponse Error(int status, string message) =>
        new(status, Json(w => w.WriteString("error", message)));

    private static SimControlResponse Ok(Action<Utf8JsonWriter> write) => new(200, Json(write));

    private static byte[] Json(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
