using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace DeviceFirmware.MockCloud.App;

/// <summary>
/// The App's side of GService (docs/protocol.md §7) over HTTP: register, login, bind, unbind, list bindings. Every call
/// sends <c>X-Gizwits-Application-Id</c>; the binding calls also send <see cref="UserToken"/>, which register and
/// login set. GService's error answers become <see cref="GServiceException"/>; a cloud that cannot be reached
/// becomes <see cref="CloudUnreachableException"/>.
/// </summary>
public sealed class GServiceClient : IDisposable
{
    private readonly HttpClient http;
    private readonly bool ownsHttp;

    /// <summary>A client of the GService at <paramref name="baseAddress"/> for application <paramref name="appId"/>.</summary>
    /// <param name="baseAddress">GService's base URL, e.g. <c>http://127.0.0.1:8080/</c>.</param>
    /// <param name="appId">The application id sent as <c>X-Gizwits-Application-Id</c>.</param>
    /// <param name="timeout">How long one call may take before the cloud counts as unreachable (default 15 s).</param>
    public GServiceClient(Uri baseAddress, string appId, TimeSpan? timeout = null)
        : this(new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(15) }, baseAddress, appId, true)
    {
    }

    /// <summary>A client over a caller's <paramref name="http"/> (not disposed with this client).</summary>
    /// <param name="http">The HTTP client to send with.</param>
    /// <param name="baseAddress">GService's base URL.</param>
    /// <param name="appId">The application id.</param>
    public GServiceClient(HttpClient http, Uri baseAddress, string appId)
        : this(http, baseAddress, appId, false)
    {
    }

    private GServiceClient(HttpClient http, Uri baseAddress, string appId, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{baseAddress}' is not an http:// or https:// URL", nameof(baseAddress));
        }

        this.http = http;
        this.ownsHttp = ownsHttp;
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        AppId = appId;
    }

    /// <summary>GService's base URL (ending in <c>/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The application id every call sends.</summary>
    public string AppId { get; }

    /// <summary>The user token the binding calls send; set by <see cref="RegisterAsync"/> and <see cref="LoginAsync"/>.</summary>
    public string? UserToken { get; set; }

    /// <summary>Registers a username user (<c>POST /app/users</c>) and keeps its token.</summary>
    /// <exception cref="GServiceException">9019 when the username is taken, 9015 for a malformed request.</exception>
    public async Task<AppSession> RegisterAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        JsonElement answer = await SendAsync(HttpMethod.Post, "app/users", new JsonObject { ["username"] = username, ["password"] = password }, false, cancellationToken).ConfigureAwait(false);
        return KeepSession(answer);
    }

    /// <summary>Logs in (<c>POST /app/login</c>) and keeps the new token.</summary>
    /// <exception cref="GServiceException">9005 unknown user, 9020 wrong password, 9041 throttled.</exception>
    public async Task<AppSession> LoginAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        JsonElement answer = await SendAsync(HttpMethod.Post, "app/login", new JsonObject { ["username"] = username, ["password"] = password }, false, cancellationToken).ConfigureAwait(false);
        return KeepSession(answer);
    }

    /// <summary>Binds the user to a device (<c>POST /app/bindings</c>); a wrong passcode or unknown DID is listed as failed.</summary>
    public async Task<BindResult> BindAsync(string did, string passcode, string? remark = null, string? alias = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(did);
        ArgumentNullException.ThrowIfNull(passcode);
        var device = new JsonObject { ["did"] = did, ["passcode"] = passcode };
        if (remark != null) device["remark"] = remark;
        if (alias != null) device["dev_alias"] = alias;
        JsonElement answer = await SendAsync(HttpMethod.Post, "app/bindings", new JsonObject { ["devices"] = new JsonArray(device) }, true, cancellationToken).ConfigureAwait(false);
        return ReadBindResult(answer);
    }

    /// <summary>Unbinds the user from a device (<c>DELETE /app/bindings</c>); a device not bound to the user is listed as failed.</summary>
    public async Task<BindResult> UnbindAsync(string did, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(did);
        JsonElement answer = await SendAsync(HttpMethod.Delete, "app/bindings", new JsonObject { ["devices"] = new JsonArray(new JsonObject { ["did"] = did }) }, true, cancellationToken).ConfigureAwait(false);
        return ReadBindResult(answer);
    }

    /// <summary>The user's devices (<c>GET /app/bindings</c>), with <c>is_online</c> as M2M sees it now.</summary>
    /// <param name="limit">At most this many (1–1000).</param>
    /// <param name="skip">Skip this many first.</param>
    /// <param name="showDisabled">Include devices an admin disabled.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<BoundDeviceInfo>> ListBindingsAsync(int limit = 20, int skip = 0, bool showDisabled = false, CancellationToken cancellationToken = default)
    {
        string query = string.Format(CultureInfo.InvariantCulture, "app/bindings?limit={0}&skip={1}&show_disabled={2}", limit, skip, showDisabled ? 1 : 0);
        JsonElement answer = await SendAsync(HttpMethod.Get, query, null, true, cancellationToken).ConfigureAwait(false);
        var devices = new List<BoundDeviceInfo>();
        foreach (JsonElement d in Property(answer, "devices", JsonValueKind.Array).EnumerateArray())
        {
            devices.Add(new BoundDeviceInfo(
                Text(d, "product_key"),
                Text(d, "did"),
                Text(d, "mac"),
                Flag(d, "is_online"),
                Text(d, "passcode"),
                Text(d, "host"),
                Number(d, "port"),
                Number(d, "port_s"),
                Text(d, "remark"),
                Flag(d, "is_disabled"),
                Text(d, "type"),
                Text(d, "dev_alias")));
        }

        return devices;
    }

    /// <summary>Disposes the HTTP client if this client made it.</summary>
    public void Dispose()
    {
        if (ownsHttp) http.Dispose();
    }

    private AppSession KeepSession(JsonElement answer)
    {
        var session = new AppSession(
            Text(answer, "uid"),
            Text(answer, "token"),
            DateTimeOffset.FromUnixTimeSeconds(Property(answer, "expire_at", JsonValueKind.Number).GetInt64()));
        UserToken = session.Token;
        return session;
    }

    private static BindResult ReadBindResult(JsonElement answer) => new(Dids(answer, "success"), Dids(answer, "failed"));

    private static List<string> Dids(JsonElement answer, string name)
    {
        var dids = new List<string>();
        foreach (JsonElement did in Property(answer, name, JsonValueKind.Array).EnumerateArray()) dids.Add(did.GetString() ?? string.Empty);
        return dids;
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, JsonObject? body, bool withToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path));
        request.Headers.Add("X-Gizwits-Application-Id", AppId);
        if (withToken)
        {
            if (UserToken == null) throw new InvalidOperationException("not logged in: register or log in first");
            request.Headers.Add("X-Gizwits-User-token", UserToken);
        }

        if (body != null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        string text;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HttpRequestException e)
        {
            throw new CloudUnreachableException(BaseAddress.AbsoluteUri, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CloudUnreachableException(BaseAddress.AbsoluteUri, new TimeoutException($"no answer within {http.Timeout.TotalSeconds:0.#} s", e));
        }

        int status = (int)response.StatusCode;
        JsonElement json;
        try
        {
            using JsonDocument document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new GServiceException(status, 0, $"HTTP {status} with a body that is not JSON", Shorten(text));
        }

        if (status is >= 200 and < 300)
        {
            if (json.ValueKind != JsonValueKind.Object) throw new GServiceException(status, 0, "the answer is not a JSON object", Shorten(text));
            return json;
        }

        if (json.ValueKind == JsonValueKind.Object
            && json.TryGetProperty("error_code", out JsonElement code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out int errorCode))
        {
            throw new GServiceException(status, errorCode, OptionalText(json, "error_message") ?? string.Empty, OptionalText(json, "detail_message"));
        }

        throw new GServiceException(status, 0, $"HTTP {status}", Shorten(text));
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static JsonElement Property(JsonElement obj, string name, JsonValueKind kind)
    {
        if (!obj.TryGetProperty(name, out JsonElement value) || value.ValueKind != kind)
        {
            throw new GServiceException(200, 0, $"the answer has no {kind} \"{name}\"", null);
        }

        return value;
    }

    private static string Text(JsonElement obj, string name) => OptionalText(obj, name) ?? string.Empty;

    private static string? OptionalText(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out JsonElement value) && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.Number && value.GetInt32() != 0));

    private static int Number(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) ? n : 0;
}
