using System;
using System.Globalization;

namespace DeviceFirmware.MockCloud.Cli;

/// <summary>Parses an M2M address <c>HOST:PORT</c> (a name, an IPv4 address, or a bracketed IPv6 address).</summary>
internal static class AppM2mAddress
{
    public static (string Host, int Port) Parse(string address)
    {
        int colon = address.LastIndexOf(':');
        string host = colon > 0 ? address[..colon] : string.Empty;
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        if (host.Length == 0 || host.Contains(' ', StringComparison.Ordinal)
            || !ushort.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out ushort port) || port == 0)
        {
            throw new AppCliException(ExitCodes.Error, $"--m2m '{address}' is not HOST:PORT (port 1-65535)");
        }

        return (host, port);
    }
}
