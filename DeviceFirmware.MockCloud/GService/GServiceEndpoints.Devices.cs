using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Store;
using DeviceFirmware.Protocol.Identity;
using Microsoft.AspNetCore.Http;

namespace DeviceFirmware.MockCloud.GService;

/// <summary>The device side: <c>POST /dev/devices</c> (register) and <c>GET /dev/devices/{did}</c> (provisioning).</summary>
internal sealed partial class GServiceEndpoints
{
    private const int MaxMacLength = 64;
    private const int MaxTypeLength = 32;

    /// <summary>A device passcode is at least as long as the ones GAgent makes (10 letters A–Y, docs/protocol.md §7).</summary>
    internal const int MinPasscodeLength = 10;

    /// <summary>A device passcode fits the 0x0092 frame that carries it to Apps (passcode ≤ 32 bytes, docs/protocol.md §3).</summary>
    internal const int MaxDevicePasscodeLength = 32;

    /// <summary>
    /// Registers a device from the form <c>product_key, mac, passcode?, type?</c>: 201 text <c>did=&lt;did&gt;</c>. The same
    /// MAC again keeps its DID; with a new passcode only while nobody is bound and the device is offline (9016 otherwise:
    /// <see cref="CloudStore.RegisterDevice"/>). A passcode must be strong (<see cref="IsStrongPasscode"/>).
    /// </summary>
    public async Task RegisterDeviceAsync(HttpContext context)
    {
        Dictionary<string, string> form = await RequestBody.ReadFormAsync(context, options.MaxRequestBodyBytes).ConfigureAwait(false);
        string productKey = FormField(form, "product_key", JsonFields.MaxTextLength) ?? throw Missing("product_key");
        string mac = FormField(form, "mac", MaxMacLength) ?? throw Missing("mac");
        string type = FormField(form, "type", MaxTypeLength) ?? "normal";
        string? passcode = null;
        if (form.TryGetValue("passcode", out string? given))
        {
            if (!IsStrongPasscode(given))
            {
                throw new GServiceProblem(GServiceError.DidOrPasscodeInvalid, $"\"passcode\" must be {MinPasscodeLength}–{MaxDevicePasscodeLength} printable ASCII characters without spaces");
            }

            passcode = given;
        }

        switch (store.RegisterDevice(productKey, mac, passcode, type, presence.IsOnline, out DeviceRecord? device))
        {
            case DeviceRegistration.UnknownProduct:
                throw new GServiceProblem(GServiceError.FormInvalid, "unknown product_key");
            case DeviceRegistration.Claimed:
                GServiceLog.DeviceClaimRefused(logger, device!.Did, RemoteAddress(context));
                throw new GServiceProblem(
                    GServiceError.DidOrPasscodeInvalid,
                    "this MAC is a registered device that is bound or online: register with its passcode, or have its owners unbind it (or reset it with DELETE /dev/devices and its passcode) first");
            case DeviceRegistration.Reset:
                GServiceLog.DeviceReset(logger, device!.Did);
                break;
        }

        GServiceLog.DeviceRegistered(logger, device!.Did, device.ProductKey);
        await WriteTextAsync(context, StatusCodes.Status201Created, "did=" + device.Did).ConfigureAwait(false);
    }

    /// <summary>
    /// A device resets (GAgent's "disable DID"): the form <c>did, passcode</c> with its current passcode unbinds every
    /// owner (their live subscriptions end) so that it may register again with a new passcode: 200 text <c>did=&lt;did&gt;</c>.
    /// A wrong passcode is 9016 and counts towards the same per-address throttle as wrong bind passcodes.
    /// </summary>
    public async Task ReleaseDeviceAsync(HttpContext context)
    {
        Dictionary<string, string> form = await RequestBody.ReadFormAsync(context, options.MaxRequestBodyBytes).ConfigureAwait(false);
        string did = FormField(form, "did", Did.MaxLength) ?? throw Missing("did");
        string passcode = FormField(form, "passcode", MaxPasscodeLength) ?? throw Missing("passcode");
        string remoteKey = "remote:" + RemoteAddress(context);
        if (bindThrottle.IsThrottled(remoteKey)) throw new GServiceProblem(GServiceError.Throttled, "too many wrong passcodes from this address; try again later");
        IReadOnlyList<string>? owners = store.ReleaseDevice(did, passcode);
        if (owners is null)
        {
            bindThrottle.RecordFailure(remoteKey);
            throw new GServiceProblem(GServiceError.DidOrPasscodeInvalid, "unknown DID or wrong passcode");
        }

        foreach (string uid in owners) Revoke(uid, did);
        GServiceLog.DeviceReleased(logger, did, owners.Count);
        await WriteTextAsync(context, StatusCodes.Status200OK, "did=" + did).ConfigureAwait(false);
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

    /// <summary>
    /// True for a passcode a device may register with: <see cref="MinPasscodeLength"/>–<see cref="MaxDevicePasscodeLength"/>
    /// printable ASCII characters without spaces. The passcode is the device's M2M password and what an App needs to bind
    /// it, so a short one could be guessed.
    /// </summary>
    internal static bool IsStrongPasscode(string passcode) =>
        passcode.Length is >= MinPasscodeLength and <= MaxDevicePasscodeLength && IsPasscode(passcode);

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
