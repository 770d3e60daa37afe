#nullable enable
using System;
using System.Globalization;

namespace DeviceFirmware.Iot.Config;

/// <summary>
/// A <c>HOST:PORT</c> option value (<c>127.0.0.1:1883</c>, <c>[::1]:1883</c>, <c>m2m.example:8883</c>): the one parser for
/// every such option of the firmware (<c>--m2m</c>, <c>--sim-control</c>) and of gizctl (<c>--http</c>, <c>--mqtt</c>).
/// </summary>
public readonly record struct HostPort(string Host, int Port)
{
    /// <summary>Parses <paramref name="text"/>; false with a reason when it is not HOST:PORT with a port in 1–65535.</summary>
    public static bool TryParse(string? text, out HostPort value, out string error) => TryParse(text, false, out value, out error);

    /// <summary>
    /// As <see cref="TryParse(string?, out HostPort, out string)"/>; <paramref name="listening"/> also accepts port 0 (any
    /// free port). An IPv6 host must be in brackets, so that its colons cannot be taken for the port's.
    /// </summary>
    public static bool TryParse(string? text, bool listening, out HostPort value, out string error)
    {
        value = default;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is empty (expected HOST:PORT)";
            return false;
        }

        int colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            error = $"'{text}' is not HOST:PORT";
            return false;
        }

        string host = text[..colon];
        bool bracketed = host.StartsWith('[') && host.EndsWith(']');
        if (!bracketed && host.Contains(':', StringComparison.Ordinal))
        {
            error = $"'{text}': write an IPv6 host in brackets, e.g. [::1]:1883";
            return false;
        }

        if (bracketed) host = host[1..^1];
        if (host.Length == 0)
        {
            error = $"'{text}': the host is empty";
            return false;
        }

        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < (listening ? 0 : 1) || port > 65535)
        {
            error = listening ? $"'{text}' has no port in 0-65535" : $"'{text}' has no port in 1-65535";
            return false;
        }

        value = new HostPort(host, port);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
