using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Store;
using Microsoft.AspNetCore.Http;

namespace DeviceFirmware.MockCloud.GService;

/// <summary><c>POST /app/users</c> and <c>POST /app/login</c>.</summary>
internal sealed partial class GServiceEndpoints
{
    private const int MaxEmailLength = 254;

    /// <summary>
    /// A phone_id is the anonymous account's only secret: whoever sends it gets that uid, a token and its bindings with
    /// their passcodes. 16 characters at least (an Android ID is 16 hex digits, a UUID 36 characters), at most 64.
    /// </summary>
    internal const int MinPhoneIdLength = 16;

    private const int MaxPhoneIdLength = 64;

    /// <summary>Registers <c>{username,password}</c>, <c>{email,password}</c> or anonymous <c>{phone_id}</c>: 201 <c>{uid,token,expire_at}</c>.</summary>
    public async Task RegisterUserAsync(HttpContext context)
    {
        string appId = RequireAppId(context);
        JsonElement body = await RequestBody.ReadJsonObjectAsync(context, options.MaxRequestBodyBytes).ConfigureAwait(false);
        bool hasUsername = JsonFields.Has(body, "username");
        bool hasEmail = JsonFields.Has(body, "email");
        bool hasPhoneId = JsonFields.Has(body, "phone_id");
        if ((hasUsername ? 1 : 0) + (hasEmail ? 1 : 0) + (hasPhoneId ? 1 : 0) != 1)
        {
            throw new GServiceProblem(GServiceError.FormInvalid, "give exactly one of username, email or phone_id");
        }

        UserSession session;
        string kind;
        if (hasPhoneId)
        {
            if (JsonFields.Has(body, "password")) throw new GServiceProblem(GServiceError.FormInvalid, "an anonymous (phone_id) user has no password");
            string phoneId = JsonFields.Required(body, "phone_id", GServiceError.FormInvalid, MaxPhoneIdLength);
            if (!IsPhoneId(phoneId))
            {
                throw new GServiceProblem(GServiceError.FormInvalid, $"\"phone_id\" must be {MinPhoneIdLength}–{MaxPhoneIdLength} characters of [0-9A-Za-z._:-]");
            }

            string remoteKey = "remote:" + RemoteAddress(context);
            if (anonymousThrottle.IsThrottled(remoteKey))
            {
                GServiceLog.AnonymousThrottled(logger, appId, RemoteAddress(context));
                throw new GServiceProblem(GServiceError.Throttled, "too many anonymous registrations from this address; try again later");
            }

            anonymousThrottle.RecordFailure(remoteKey);
            session = store.RegisterAnonymous(phoneId);
            kind = "anonymous";
        }
        else
        {
            kind = hasUsername ? "username" : "email";
            string name = hasUsername
                ? JsonFields.Required(body, "username", GServiceError.FormInvalid)
                : JsonFields.Required(body, "email", GServiceError.FormInvalid, MaxEmailLength);
            if (!hasUsername && (name.IndexOf('@', System.StringComparison.Ordinal) < 1 || name.EndsWith('@')))
            {
                throw new GServiceProblem(GServiceError.FormInvalid, "\"email\" is not an email address");
            }

            string password = JsonFields.Required(body, "password", GServiceError.FormInvalid);
            if (!store.TryRegisterUser(name, password, out UserSession? created))
            {
                throw new GServiceProblem(GServiceError.UsernameUnavailable, $"that {kind} is already registered");
            }

            session = created;
        }

        GServiceLog.UserRegistered(logger, session.Uid, kind, appId);
        await WriteJsonAsync(context, StatusCodes.Status201Created, SessionJson(session)).ConfigureAwait(false);
    }

    /// <summary>Logs in <c>{username,password}</c> (username or email): 200 <c>{uid,token,expire_at}</c>; throttled after repeated failures.</summary>
    public async Task LoginAsync(HttpContext context)
    {
        string appId = RequireAppId(context);
        JsonElement body = await RequestBody.ReadJsonObjectAsync(context, options.MaxRequestBodyBytes).ConfigureAwait(false);
        string name = JsonFields.Required(body, "username", GServiceError.FormInvalid);
        string password = JsonFields.Required(body, "password", GServiceError.FormInvalid);

        string remote = RemoteAddress(context);
        string nameKey = "name:" + name.ToUpperInvariant();
        string remoteKey = "remote:" + remote;
        if (throttle.IsThrottled(nameKey, remoteKey))
        {
            GServiceLog.LoginRefused(logger, appId, remote, "throttled");
            throw new GServiceProblem(GServiceError.Throttled, "too many failed logins; try again later");
        }

        switch (store.Login(name, password, out UserSession? session))
        {
            case LoginOutcome.LoggedIn:
                throttle.Clear(nameKey);
                GServiceLog.UserLoggedIn(logger, session!.Uid, appId);
                await WriteJsonAsync(context, StatusCodes.Status200OK, SessionJson(session)).ConfigureAwait(false);
                return;
            case LoginOutcome.UnknownUser:
                throttle.RecordFailure(nameKey, remoteKey);
                GServiceLog.LoginRefused(logger, appId, remote, "unknown user");
                throw new GServiceProblem(GServiceError.UserNotExist, "no user has that username or email");
            default:
                throttle.RecordFailure(nameKey, remoteKey);
                GServiceLog.LoginRefused(logger, appId, remote, "wrong password");
                throw new GServiceProblem(GServiceError.UsernameOrPasswordError, "the password does not match");
        }
    }

    /// <summary>True for <see cref="MinPhoneIdLength"/>–64 characters of <c>[0-9A-Za-z._:-]</c>.</summary>
    internal static bool IsPhoneId(string phoneId)
    {
        if (phoneId.Length is < MinPhoneIdLength or > MaxPhoneIdLength) return false;
        foreach (char c in phoneId)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or ':' or '-')) return false;
        }

        return true;
    }

    private static JsonObject SessionJson(UserSession session) => new()
    {
        ["uid"] = session.Uid,
        ["token"] = session.Token,
        ["expire_at"] = session.ExpireAt.ToUnixTimeSeconds(),
    };
}
