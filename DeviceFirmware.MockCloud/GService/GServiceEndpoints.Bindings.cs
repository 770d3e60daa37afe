using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Store;
using DeviceFirmware.Protocol.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DeviceFirmware.MockCloud.GService;

/// <summary><c>POST</c>, <c>DELETE</c> and <c>GET /app/bindings</c>.</summary>
internal sealed partial class GServiceEndpoints
{
    private const int MaxDevicesPerRequest = 100;
    private const int MaxPasscodeLength = 64;
    private const int DefaultLimit = 20;
    private const int MaxLimit = 1000;

    /// <summary>Binds <c>{"devices":[{did,passcode,remark?,dev_alias?}]}</c>: 200 <c>{success:[did…],failed:[did…]}</c>.</summary>
    public async Task BindAsync(HttpContext context)
    {
        RequireAppId(context);
        string uid = RequireUser(context);
        JsonElement body = await RequestBody.ReadJsonObjectAsync(context, options.MaxRequestBodyBytes).ConfigureAwait(false);

        // Every entry is checked before any is bound, so a malformed request changes nothing.
        var requests = new List<(string Did, string Passcode, string Remark, string Alias)>();
        foreach (JsonElement device in DeviceEntries(body))
        {
            string did = RequireDid(device);
            string passcode = JsonFields.Optional(device, "passcode", GServiceError.DidOrPasscodeInvalid, MaxPasscodeLength) ?? string.Empty;
            if (!IsPasscode(passcode)) throw new GServiceProblem(GServiceError.DidOrPasscodeInvalid, "\"passcode\" must be 1–64 printable ASCII characters");
            string remark = JsonFields.Optional(device, "remark", GServiceError.FormInvalid) ?? string.Empty;
            string alias = JsonFields.Optional(device, "dev_alias", GServiceError.FormInvalid) ?? string.Empty;
            requests.Add((did, passcode, remark, alias));
        }

        // Wrong passcodes are throttled like failed logins, per user and per address: a passcode is what stands between
        // anyone with an account and someone else's device.
        string remote = RemoteAddress(context);
        string uidKey = "uid:" + uid;
        string remoteKey = "remote:" + remote;
        if (bindThrottle.IsThrottled(uidKey, remoteKey))
        {
            GServiceLog.BindThrottled(logger, uid, remote);
            throw new GServiceProblem(GServiceError.Throttled, "too many wrong passcodes; try again later");
        }

        var success = new JsonArray();
        var failed = new JsonArray();
        foreach ((string did, string passcode, string remark, string alias) in requests)
        {
            if (bindThrottle.IsThrottled(uidKey, remoteKey))
            {
                failed.Add(did);
                continue;
            }

            BindOutcome outcome = store.Bind(uid, did, passcode, remark, alias);
            if (outcome == BindOutcome.WrongPasscode) bindThrottle.RecordFailure(uidKey, remoteKey);
            if (outcome == BindOutcome.Bound)
            {
                GServiceLog.DeviceBound(logger, uid, did);
                success.Add(did);
            }
            else
            {
                GServiceLog.BindRefused(logger, uid, did, outcome == BindOutcome.UnknownDevice ? "unknown device" : "wrong passcode");
                failed.Add(did);
            }
        }

        await WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["success"] = success, ["failed"] = failed }).ConfigureAwait(false);
    }

    /// <summary>Unbinds <c>{"devices":[{did}]}</c>: 200 <c>{success:[did…],failed:[did…]}</c> (failed: not bound to this user).</summary>
    public async Task UnbindAsync(HttpContext context)
    {
        RequireAppId(context);
        string uid = RequireUser(context);
        JsonElement body = await RequestBody.ReadJsonObjectAsync(context, options.MaxRequestBodyBytes).ConfigureAwait(false);
        var dids = new List<string>();
        foreach (JsonElement device in DeviceEntries(body)) dids.Add(RequireDid(device));

        var success = new JsonArray();
        var failed = new JsonArray();
        foreach (string did in dids)
        {
            if (store.Unbind(uid, did))
            {
                Revoke(uid, did);
                GServiceLog.DeviceUnbound(logger, uid, did);
                success.Add(did);
            }
            else
            {
                GServiceLog.UnbindRefused(logger, uid, did);
                failed.Add(did);
            }
        }

        await WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["success"] = success, ["failed"] = failed }).ConfigureAwait(false);
    }

    /// <summary>Lists the user's devices (<c>limit</c> 1–1000, default 20; <c>skip</c> ≥ 0; <c>show_disabled</c> 0 or 1), <c>is_online</c> live from M2M.</summary>
    public async Task ListBindingsAsync(HttpContext context)
    {
        RequireAppId(context);
        string uid = RequireUser(context);
        int limit = QueryInt(context, "limit", DefaultLimit, 1, MaxLimit);
        int skip = QueryInt(context, "skip", 0, 0, int.MaxValue);
        bool showDisabled = QueryInt(context, "show_disabled", 0, 0, 1) == 1;

        var devices = new JsonArray();
        foreach (BoundDevice bound in store.ListBindings(uid, limit, skip, showDisabled))
        {
            DeviceRecord d = bound.Device;
            devices.Add(new JsonObject
            {
                ["product_key"] = d.ProductKey,
                ["did"] = d.Did,
                ["mac"] = d.Mac,
                ["is_online"] = presence.IsOnline(d.Did),
                ["passcode"] = d.Passcode,
                ["host"] = options.M2mHost,
                ["port"] = options.M2mPort,
                ["port_s"] = options.M2mTlsPort,
                ["remark"] = bound.Remark,
                ["is_disabled"] = d.IsDisabled,
                ["type"] = d.Type,
                ["dev_alias"] = bound.DevAlias,
            });
        }

        await WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["devices"] = devices }).ConfigureAwait(false);
    }

    private static JsonElement.ArrayEnumerator DeviceEntries(JsonElement body)
    {
        if (!body.TryGetProperty("devices", out JsonElement devices) || devices.ValueKind != JsonValueKind.Array)
        {
            throw new GServiceProblem(GServiceError.FormInvalid, "\"devices\" must be a list");
        }

        int count = devices.GetArrayLength();
        if (count == 0 || count > MaxDevicesPerRequest)
        {
            throw new GServiceProblem(GServiceError.FormInvalid, $"\"devices\" must hold 1–{MaxDevicesPerRequest} entries");
        }

        foreach (JsonElement device in devices.EnumerateArray())
        {
            if (device.ValueKind != JsonValueKind.Object) throw new GServiceProblem(GServiceError.FormInvalid, "each entry of \"devices\" must be an object");
        }

        return devices.EnumerateArray();
    }

    private static string RequireDid(JsonElement device)
    {
        string did = JsonFields.Optional(device, "did", GServiceError.DidOrPasscodeInvalid, Did.MaxLength) ?? string.Empty;
        if (!Did.IsValid(did)) throw new GServiceProblem(GServiceError.DidOrPasscodeInvalid, "\"did\" is missing or not a DID");
        return did;
    }

    /// <summary>True for 1–64 printable ASCII characters without spaces: what can be an MQTT password and a form value.</summary>
    internal static bool IsPasscode(string passcode)
    {
        if (passcode.Length is < 1 or > MaxPasscodeLength) return false;
        foreach (char c in passcode)
        {
            if (c <= 0x20 || c >= 0x7F) return false;
        }

        return true;
    }

    private static int QueryInt(HttpContext context, string name, int fallback, int min, int max)
    {
        StringValues values = context.Request.Query[name];
        if (values.Count == 0) return fallback;
        if (values.Count > 1 || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new GServiceProblem(GServiceError.FormInvalid, $"\"{name}\" must be a whole number from {min} to {max}");
        }

        return value;
    }
}
