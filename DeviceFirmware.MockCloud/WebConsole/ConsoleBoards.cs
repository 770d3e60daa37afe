using System;
using System.Collections.Concurrent;
using System.Globalization;
using DeviceFirmware.Protocol.Identity;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>
/// Which simulated board (the firmware's <c>--sim-control</c> API) belongs to which device: one per DID, or one
/// for every device (a one-board set-up such as the demo). Thread-safe; the demo adds its board once it knows the DID.
/// </summary>
public sealed class ConsoleBoards
{
    private readonly ConcurrentDictionary<string, Uri> byDid = new(StringComparer.Ordinal);
    private volatile Uri? everyDevice;

    /// <summary>Sets the board of <paramref name="did"/>, or of every device without its own when <paramref name="did"/> is null.</summary>
    /// <exception cref="ArgumentException">The address is not an http:// URL on loopback, or the DID is not one.</exception>
    public void Set(string? did, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri || baseAddress.Scheme != Uri.UriSchemeHttp || !baseAddress.IsLoopback)
        {
            throw new ArgumentException($"'{baseAddress}' is not an http:// address on loopback (the control API listens on loopback only)", nameof(baseAddress));
        }

        Uri normal = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        if (did == null)
        {
            everyDevice = normal;
            return;
        }

        if (!Did.IsValid(did)) throw new ArgumentException($"'{did}' is not a DID", nameof(did));
        byDid[did] = normal;
    }

    /// <summary>The board of <paramref name="did"/>, or null when the console knows none.</summary>
    public Uri? Find(string did) => did != null && byDid.TryGetValue(did, out Uri? board) ? board : everyDevice;

    /// <summary>
    /// Parses <c>cloud serve --sim-control</c>: <c>[DID=]HOST:PORT</c> (loopback only) and adds it.
    /// </summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public void Add(string option)
    {
        ArgumentNullException.ThrowIfNull(option);
        int equals = option.IndexOf('=', StringComparison.Ordinal);
        string? did = equals < 0 ? null : option[..equals];
        string endpoint = equals < 0 ? option : option[(equals + 1)..];
        if (did != null && !Did.IsValid(did)) throw new FormatException($"--sim-control: '{did}' is not a DID");
        System.Net.IPEndPoint parsed = M2m.M2mOptions.ParseEndpoint(endpoint);
        if (!System.Net.IPAddress.IsLoopback(parsed.Address) || parsed.Port == 0)
        {
            throw new FormatException($"--sim-control: '{endpoint}' must be a loopback HOST:PORT with a port (the control API listens on loopback only)");
        }

        string host = parsed.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{parsed.Address}]" : parsed.Address.ToString();
        Set(did, new Uri(string.Format(CultureInfo.InvariantCulture, "http://{0}:{1}/", host, parsed.Port)));
    }
}
