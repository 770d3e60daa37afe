#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Peripherals;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Iot.Config;

/// <summary>
/// Loads a board file (<c>hardware/boards/*.json</c>) into a <see cref="BoardMap"/> and checks it against the
/// product, so that a wrong pin map stops the firmware at start-up with one message naming the file and the
/// field, instead of driving the wrong pin. .NET only (the ESP32 build takes a generated table).
/// <para>
/// Shape: <c>{"name", "indicator": {"pin", "activeLow"}, "inputPollMs", "outputs": [{"point", "pin", "kind":
/// "digital|pwm", "activeLow", "safeValue", "onDisconnect": "hold|safe", "pwmFrequencyHz"}], "inputs": [{"point",
/// "pin", "activeLow", "pullUp", "debounceMs"}], "sensor": {"driver", "busId", "address", "temperaturePoint",
/// "humidityPoint", "pollMs", "temperatureThreshold", "humidityThreshold", "reportEveryMs", "alertPoint",
/// "alertAboveCelsius", "faultPoint"}, "wiring"}</c>. Required: <c>name</c>; per output <c>point</c>, <c>pin</c>,
/// <c>kind</c> and <c>onDisconnect</c> (what an output does when the session drops is always a stated choice);
/// per input <c>point</c> and <c>pin</c>; in the sensor <c>driver</c> and <c>address</c> (a number or a
/// <c>"0x44"</c> string). Everything else has the <see cref="BoardMap"/> defaults. <c>safeValue</c> is the data
/// point's raw value (Motor_Speed 5 is speed 0). Unknown fields are refused, so a typo does not pass silently.
/// The rules between board and product are <see cref="BoardCheck"/>'s.
/// </para>
/// </summary>
public static class BoardFile
{
    private static readonly string[] TopFields = { "name", "indicator", "inputPollMs", "outputs", "inputs", "sensor", "wiring" };
    private static readonly string[] IndicatorFields = { "pin", "activeLow" };
    private static readonly string[] OutputFields = { "point", "pin", "kind", "activeLow", "safeValue", "onDisconnect", "pwmFrequencyHz" };
    private static readonly string[] InputFields = { "point", "pin", "activeLow", "pullUp", "debounceMs" };
    private static readonly string[] SensorFields =
    {
        "driver", "busId", "address", "temperaturePoint", "humidityPoint", "pollMs", "temperatureThreshold",
        "humidityThreshold", "reportEveryMs", "alertPoint", "alertAboveCelsius", "faultPoint",
    };

    /// <summary>Loads and checks the board file at <paramref name="path"/> against <paramref name="product"/>; false with an error naming the file and the field.</summary>
    public static bool TryLoad(string path, Product product, out BoardMap map, out string error)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            map = new BoardMap();
            error = $"{path}: cannot read the board file: {e.Message}";
            return false;
        }

        return TryParse(text, path, product, out map, out error);
    }

    /// <summary>Parses and checks board JSON; <paramref name="source"/> names it in errors (a path, usually).</summary>
    public static bool TryParse(string json, string source, Product product, out BoardMap map, out string error)
    {
        map = new BoardMap();
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            BoardMap parsed = Read(document.RootElement);
            string? rule = BoardCheck.Check(product, parsed);
            if (rule != null) throw new BoardFileException(rule);
            map = parsed;
            error = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            error = $"{source}: not valid JSON: {e.Message}";
            return false;
        }
        catch (BoardFileException e)
        {
            error = $"{source}: {e.Message}";
            return false;
        }
    }

    private static BoardMap Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new BoardFileException("the board must be a JSON object");
        CheckFields(root, TopFields, string.Empty);
        var map = new BoardMap
        {
            Name = RequiredString(root, "name", "name"),
            InputPollMs = OptionalInt(root, "inputPollMs", "inputPollMs") ?? 10,
        };
        OptionalString(root, "wiring", "wiring");

        if (Present(root, "indicator", out JsonElement indicator))
        {
            RequireObject(indicator, "indicator");
            CheckFields(indicator, IndicatorFields, "indicator.");
            map.IndicatorPin = RequiredInt(indicator, "pin", "indicator.pin");
            map.IndicatorActiveLow = OptionalBool(indicator, "activeLow", "indicator.activeLow") ?? false;
        }

        var outputs = new List<OutputBinding>();
        foreach ((JsonElement element, string field) in Items(root, "outputs"))
        {
            CheckFields(element, OutputFields, field + ".");
            outputs.Add(new OutputBinding
            {
                Point = RequiredString(element, "point", field + ".point"),
                Pin = RequiredInt(element, "pin", field + ".pin"),
                Kind = Choice(element, "kind", field + ".kind", "digital", "pwm") == 0 ? OutputKind.Digital : OutputKind.Pwm,
                ActiveLow = OptionalBool(element, "activeLow", field + ".activeLow") ?? false,
                SafeValue = OptionalLong(element, "safeValue", field + ".safeValue") ?? 0,
                OnDisconnect = Choice(element, "onDisconnect", field + ".onDisconnect", "hold", "safe") == 0 ? DisconnectPolicy.Hold : DisconnectPolicy.Safe,
                PwmFrequencyHz = OptionalInt(element, "pwmFrequencyHz", field + ".pwmFrequencyHz") ?? 1000,
            });
        }

        map.Outputs = outputs.ToArray();

        var inputs = new List<InputBinding>();
        foreach ((JsonElement element, string field) in Items(root, "inputs"))
        {
            CheckFields(element, InputFields, field + ".");
            inputs.Add(new InputBinding
            {
                Point = RequiredString(element, "point", field + ".point"),
                Pin = RequiredInt(element, "pin", field + ".pin"),
                ActiveLow = OptionalBool(element, "activeLow", field + ".activeLow") ?? false,
                PullUp = OptionalBool(element, "pullUp", field + ".pullUp") ?? false,
                DebounceMs = OptionalInt(element, "debounceMs", field + ".debounceMs") ?? 50,
            });
        }

        map.Inputs = inputs.ToArray();
        if (Present(root, "sensor", out JsonElement sensor)) map.Sensor = ReadSensor(sensor);
        return map;
    }

    private static SensorBinding ReadSensor(JsonElement sensor)
    {
        RequireObject(sensor, "sensor");
        CheckFields(sensor, SensorFields, "sensor.");
        var binding = new SensorBinding
        {
            Driver = RequiredString(sensor, "driver", "sensor.driver"),
            Address = Address(sensor),
            TemperaturePoint = OptionalString(sensor, "temperaturePoint", "sensor.temperaturePoint"),
            HumidityPoint = OptionalString(sensor, "humidityPoint", "sensor.humidityPoint"),
            AlertPoint = OptionalString(sensor, "alertPoint", "sensor.alertPoint"),
            FaultPoint = OptionalString(sensor, "faultPoint", "sensor.faultPoint"),
        };
        if (binding.Driver.Length == 0) throw new BoardFileException("sensor.driver: must name a driver (e.g. \"simulated\", \"sht3x\")");
        binding.BusId = OptionalInt(sensor, "busId", "sensor.busId") ?? binding.BusId;
        binding.PollMs = OptionalInt(sensor, "pollMs", "sensor.pollMs") ?? binding.PollMs;
        binding.ReportEveryMs = OptionalInt(sensor, "reportEveryMs", "sensor.reportEveryMs") ?? binding.ReportEveryMs;
        binding.TemperatureThreshold = OptionalDouble(sensor, "temperatureThreshold", "sensor.temperatureThreshold") ?? binding.TemperatureThreshold;
        binding.HumidityThreshold = OptionalDouble(sensor, "humidityThreshold", "sensor.humidityThreshold") ?? binding.HumidityThreshold;
        binding.AlertAboveCelsius = OptionalDouble(sensor, "alertAboveCelsius", "sensor.alertAboveCelsius") ?? binding.AlertAboveCelsius;
        return binding;
    }

    private static int Address(JsonElement sensor)
    {
        if (!sensor.TryGetProperty("address", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new BoardFileException("sensor.address: missing (the I2C address, e.g. \"0x44\" or 68)");
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number)) return number;
        string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (text != null && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int hex))
        {
            return hex;
        }

        throw new BoardFileException("sensor.address: must be an integer or a hex string such as \"0x44\"");
    }

    private static IEnumerable<(JsonElement Element, string Field)> Items(JsonElement root, string name)
    {
        if (!Present(root, name, out JsonElement array)) yield break;
        if (array.ValueKind != JsonValueKind.Array) throw new BoardFileException($"{name}: must be a list");
        int i = 0;
        foreach (JsonElement element in array.EnumerateArray())
        {
            string field = $"{name}[{i++}]";
            RequireObject(element, field);
            yield return (element, field);
        }
    }

    private static void CheckFields(JsonElement element, string[] known, string prefix)
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                throw new BoardFileException($"{prefix}{property.Name}: unknown field (known: {string.Join(", ", known)})");
            }
        }
    }

    private static void RequireObject(JsonElement element, string field)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new BoardFileException($"{field}: must be an object");
    }

    private static bool Present(JsonElement element, string name, out JsonElement value) =>
        element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static string RequiredString(JsonElement element, string name, string field) =>
        OptionalString(element, name, field) ?? throw new BoardFileException($"{field}: missing");

    private static string? OptionalString(JsonElement element, string name, string field)
    {
        if (!Present(element, name, out JsonElement value)) return null;
        if (value.ValueKind != JsonValueKind.String) throw new BoardFileException($"{field}: must be a string");
        return value.GetString();
    }

    private static int RequiredInt(JsonElement element, string name, string field) =>
        OptionalInt(element, name, field) ?? throw new BoardFileException($"{field}: missing");

    private static int? OptionalInt(JsonElement element, string name, string field)
    {
        if (!Present(element, name, out JsonElement value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number)) throw new BoardFileException($"{field}: must be an integer");
        return number;
    }

    private static long? OptionalLong(JsonElement element, string name, string field)
    {
        if (!Present(element, name, out JsonElement value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long number)) throw new BoardFileException($"{field}: must be an integer");
        return number;
    }

    private static double? OptionalDouble(JsonElement element, string name, string field)
    {
        if (!Present(element, name, out JsonElement value)) return null;
        if (value.ValueKind != JsonValueKind.Number) throw new BoardFileException($"{field}: must be a number");
        return value.GetDouble();
    }

    private static bool? OptionalBool(JsonElement element, string name, string field)
    {
        if (!Present(element, name, out JsonElement value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new BoardFileException($"{field}: must be true or false"),
        };
    }

    /// <summary>The index of the required string field's value among <paramref name="choices"/>.</summary>
    private static int Choice(JsonElement element, string name, string field, params string[] choices)
    {
        string value = RequiredString(element, name, field);
        int index = Array.IndexOf(choices, value);
        if (index < 0) throw new BoardFileException($"{field}: must be {string.Join(" or ", choices)}, not \"{value}\"");
        return index;
    }

    /// <summary>A problem in the board file; caught in <see cref="TryParse"/> and turned into its error text.</summary>
    private sealed class BoardFileException : Exception
    {
        public BoardFileException(string message)
            : base(message)
        {
        }
    }
}
