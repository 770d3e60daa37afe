using System.Text.Json;

namespace DeviceFirmware.MockCloud.GService;

/// <summary>Typed access to the fields of a request's JSON object; a field of the wrong type is the given error.</summary>
internal static class JsonFields
{
    /// <summary>Longest free-text field accepted (names, remarks, aliases, passwords).</summary>
    public const int MaxTextLength = 256;

    /// <summary>True when <paramref name="name"/> is present (with any value, even null).</summary>
    public static bool Has(JsonElement obj, string name) => obj.TryGetProperty(name, out _);

    /// <summary>The string field <paramref name="name"/>: 1–<paramref name="maxLength"/> characters without control characters.</summary>
    public static string Required(JsonElement obj, string name, GServiceError error, int maxLength = MaxTextLength) =>
        Optional(obj, name, error, maxLength) is { Length: > 0 } value ? value : throw new GServiceProblem(error, $"\"{name}\" is required");

    /// <summary>The string field <paramref name="name"/>, or null when absent; present, it must be a string of at most <paramref name="maxLength"/> characters without control characters.</summary>
    public static string? Optional(JsonElement obj, string name, GServiceError error, int maxLength = MaxTextLength)
    {
        if (!obj.TryGetProperty(name, out JsonElement value)) return null;
        if (value.ValueKind != JsonValueKind.String) throw new GServiceProblem(error, $"\"{name}\" must be a string");
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (System.InvalidOperationException)
        {
            // System.Text.Json cannot transcode the string (e.g. a lone surrogate escape): malformed, not a server fault.
            throw new GServiceProblem(error, $"\"{name}\" is not valid text");
        }

        if (text.Length > maxLength) throw new GServiceProblem(error, $"\"{name}\" is longer than {maxLength} characters");
        if (HasControl(text)) throw new GServiceProblem(error, $"\"{name}\" holds a control character");
        return text;
    }

    /// <summary>True when <paramref name="text"/> holds a control character.</summary>
    public static bool HasControl(string text)
    {
        foreach (char c in text)
        {
            if (char.IsControl(c)) return true;
        }

        return false;
    }
}
