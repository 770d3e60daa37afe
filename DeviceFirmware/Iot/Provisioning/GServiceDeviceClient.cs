#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DeviceFirmware.Iot.Provisioning;

/// <summary>
/// The device's two GService calls (docs/protocol.md §7): register (<c>POST /dev/devices</c>, form-encoded, answers
/// <c>did=…</c>) and provision (<c>GET /dev/devices/{did}</c>, answers <c>host=…&amp;port=…&amp;server_ts=…</c>).
/// </summary>
public sealed class GServiceDeviceClient
{
    private readonly HttpClient http;
    private readonly Uri baseUri;

    /// <summary>Creates the client for GService at <paramref name="baseUri"/>.</summary>
    public GServiceDeviceClient(HttpClient http, Uri baseUri)
    {
        this.http = http;
        this.baseUri = baseUri;
    }

    /// <summary>Registers a device of <paramref name="productKey"/>; returns its new DID.</summary>
    public async Task<string> RegisterAsync(string productKey, string passcode, string mac, CancellationToken cancel)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["product_key"] = productKey,
            ["passcode"] = passcode,
            ["mac"] = mac,
            ["type"] = "normal",
        });
        using HttpResponseMessage response = await http.PostAsync(new Uri(baseUri, "/dev/devices"), form, cancel).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new ProvisioningException($"registration refused: HTTP {(int)response.StatusCode} {Shorten(body)}");
        Dictionary<string, string> fields = ParseForm(body);
        if (!fields.TryGetValue("did", out string? did) || !Protocol.Identity.Did.IsValid(did))
        {
            throw new ProvisioningException($"registration answered without a valid did: {Shorten(body)}");
        }

        return did;
    }

    /// <summary>Asks where device <paramref name="did"/> connects to M2M.</summary>
    public async Task<(string Host, int Port)> ProvisionAsync(string did, CancellationToken cancel)
    {
        using HttpResponseMessage response = await http.GetAsync(new Uri(baseUri, "/dev/devices/" + Uri.EscapeDataString(did)), cancel).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new ProvisioningException($"provisioning of {did} refused: HTTP {(int)response.StatusCode} {Shorten(body)}");
        Dictionary<string, string> fields = ParseForm(body);
        if (!fields.TryGetValue("host", out string? host) || host.Length == 0
            || !fields.TryGetValue("port", out string? portText)
            || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
        {
            throw new ProvisioningException($"provisioning answered without host and port: {Shorten(body)}");
        }

        return (host, port);
    }

    /// <summary>Parses <c>a=1&amp;b=2</c> (form encoding).</summary>
    public static Dictionary<string, string> ParseForm(string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in body.Trim().Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) continue;
            fields[Uri.UnescapeDataString(pair[..equals].Replace('+', ' '))] = Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
        }

        return fields;
    }

    private static string Shorten(string body) => body.Length > 200 ? body[..200] + "…" : body;
}
