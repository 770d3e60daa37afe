namespace DeviceFirmware.MockCloud.GService;

/// <summary>A GService error (docs/protocol.md §7): its code, HTTP status and fixed message.</summary>
/// <param name="Code">The <c>error_code</c>.</param>
/// <param name="Status">The HTTP status it is sent with.</param>
/// <param name="Message">The <c>error_message</c>.</param>
public sealed record GServiceError(int Code, int Status, string Message)
{
    /// <summary>9003: the <c>X-Gizwits-Application-Id</c> header is missing or not a known application.</summary>
    public static readonly GServiceError AppIdInvalid = new(9003, 400, "appid invalid");

    /// <summary>9004: the <c>X-Gizwits-User-token</c> header is missing or not a token this cloud issued.</summary>
    public static readonly GServiceError TokenInvalid = new(9004, 400, "token invalid");

    /// <summary>9005: login names a user that does not exist.</summary>
    public static readonly GServiceError UserNotExist = new(9005, 400, "user not exist");

    /// <summary>9006: the token has expired.</summary>
    public static readonly GServiceError TokenExpired = new(9006, 400, "token expired");

    /// <summary>9014: provisioning asks for a DID that was never registered.</summary>
    public static readonly GServiceError DeviceNotFound = new(9014, 404, "device not found");

    /// <summary>9015: the body is malformed: not JSON/form, wrong content type, a missing or mistyped field, too large.</summary>
    public static readonly GServiceError FormInvalid = new(9015, 400, "form invalid");

    /// <summary>9016: a DID or passcode in the request is missing or malformed.</summary>
    public static readonly GServiceError DidOrPasscodeInvalid = new(9016, 400, "did or passcode invalid");

    /// <summary>9017: the user is not bound to the device (not produced by the §7 endpoints, whose batch answers list such DIDs as failed).</summary>
    public static readonly GServiceError DeviceNotBound = new(9017, 401, "device not bound");

    /// <summary>9019: the username or email is already registered.</summary>
    public static readonly GServiceError UsernameUnavailable = new(9019, 400, "username unavailable");

    /// <summary>9020: wrong password.</summary>
    public static readonly GServiceError UsernameOrPasswordError = new(9020, 400, "username or password error!");

    /// <summary>9041: too many failed logins; try again later.</summary>
    public static readonly GServiceError Throttled = new(9041, 429, "request was throttled");
}
