using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Store;
using Microsoft.AspNetCore.Http;

namespace DeviceFirmware.MockCloud.GService;

/// <summary>The device side: <c>POST /dev/devices</c> (register) and <c>GET /dev/devices/{did}</c> (provisioning).</summary>
internal sealed partial class GServiceEndpoints
{
    private const int MaxMacLength = 64;
    private const int MaxTypeLength = 32;

    /// <summary>Registers a device from the form <c>product_key, mac, passcode?, type?</c>: 201 text <c>did=&lt;did&gt;</c>.</summary>
    public async Task RegisterDeviceAsync(HttpContext context)
    {
        Dictionary<string, string> form = await RequestBody.ReadFormAsync(context, options.MaxRequestBodyBytes).ConfigureAwait(false);
        string productKey = FormField(form, "product_key", JsonFields.MaxTextLength) ?? throw Missing("product_key");
        string mac = FormField(form, "mac", MaxMacLength) ?? throw Missing("mac");
        string type = FormField(form, "type", MaxTypeLength) ?? "normal";
        string? passcode = null;
        if (form.TryGetValue("passcode", out string? given))
        {
            if (!IsPasscode(given)) throw new GServiceProblem(GServiceError.DidOrPasscodeInvalid, "\"passcode\" must be 1–64 printable ASCII characters");
            passcode = given;
        }

        if (!store.TryRegisterDevice(productKey, mac, passcode, type, out DeviceRecord? device))
        {
            throw new GServiceProblem(GServiceError.FormInvalid, "unknown product_key");
        }

        GServiceLog.DeviceRegistered(logger, device.Did, device.ProductKey);
        await WriteTextAsync(context, StatusCodes.Status201Created, "did=" + device.Did).ConfigureAwait(false);
    }

    /// <summary>Tells a registered device where M2M is: 200 text <c>host=…&amp;port=…&amp;server_ts=…</c>; 9014 for an unknown DID.</summary>
    public async Task ProvisionAsync(HttpContext context)
    {
        string did = context.Request.RouteValues["did"] as string ?? string.Empty;
        if (store.GetDevice(did) is null) throw new GServiceProblem(GServiceError.DeviceNotFound, "no device has that DID");
        string host = options.M2mHost;
        int port = options.M2mPort;
        string text = $"host={host}&port={port.ToString(CultureInfo.InvariantCulture)}&server_ts={Unix(options.TimeProvider.GetUtcNow())}";
        GServiceLog.DeviceProvisioned(logger, did, host, port);
        await WriteTextAsync(context, StatusCodes.Status200OK, text).ConfigureAwait(false);
    }

    private static string? FormField(Dictionary<string, string> form, string name, int maxLength)
    {
        if (!form.TryGetValue(name, out string? value)) return null;
        if (value.Length is 0 || value.Length > maxLength || JsonFields.HasControl(value))
        {
            throw new GServiceProblem(GServiceError.FormInvalid, $"\"{name}\" must be 1–{maxLength} characters without control characters");
        }

        return value;
    }

    private static GServiceProblem Missing(string name) => new(GServiceError.FormInvalid, $"\"{name}\" is required");
}
