#nullable enable
using DeviceFirmware.Protocol;

namespace DeviceFirmware.Iot.Config;

/// <summary>Parses the <c>--log-level</c> option: a name (off, error, warning, info) or the 0x0010 number 0–3.</summary>
public static class LogLevelOption
{
    /// <summary>Empty means the protocol's default, Warning.</summary>
    public static bool TryParse(string? text, out LogLevel level)
    {
        level = LogLevel.Warning;
        if (string.IsNullOrWhiteSpace(text)) return true;
        switch (text.Trim().ToUpperInvariant())
        {
            case "0": case "OFF": level = LogLevel.Off; return true;
            case "1": case "ERROR": level = LogLevel.Error; return true;
            case "2": case "WARNING": case "WARN": level = LogLevel.Warning; return true;
            case "3": case "INFO": case "INFORMATION": level = LogLevel.Info; return true;
            default: return false;
        }
    }
}
