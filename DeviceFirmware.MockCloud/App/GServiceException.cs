using System;

namespace DeviceFirmware.MockCloud.App;

/// <summary>
/// GService refused a call with its <c>{error_code,error_message,detail_message}</c> answer (docs/protocol.md §7),
/// e.g. 9020 "username or password error!".
/// </summary>
public sealed class GServiceException : Exception
{
    /// <summary>Creates the exception from GService's answer.</summary>
    /// <param name="httpStatus">The HTTP status of the answer.</param>
    /// <param name="errorCode">The <c>error_code</c> (0 when the answer carried none).</param>
    /// <param name="errorMessage">The <c>error_message</c>.</param>
    /// <param name="detailMessage">The <c>detail_message</c>, if any.</param>
    public GServiceException(int httpStatus, int errorCode, string errorMessage, string? detailMessage)
        : base(Describe(errorCode, errorMessage, detailMessage))
    {
        HttpStatus = httpStatus;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        DetailMessage = detailMessage;
    }

    /// <summary>9003: unknown application id.</summary>
    public const int AppIdInvalid = 9003;

    /// <summary>9004: the token is not one GService issued.</summary>
    public const int TokenInvalid = 9004;

    /// <summary>9005: no such user.</summary>
    public const int UserNotExist = 9005;

    /// <summary>9006: the token has expired.</summary>
    public const int TokenExpired = 9006;

    /// <summary>9017: the user is not bound to the device.</summary>
    public const int DeviceNotBound = 9017;

    /// <summary>9019: the username is taken.</summary>
    public const int UsernameUnavailable = 9019;

    /// <summary>9020: wrong username or password.</summary>
    public const int UsernameOrPasswordError = 9020;

    /// <summary>9041: too many failed logins.</summary>
    public const int Throttled = 9041;

    /// <summary>The HTTP status of the answer.</summary>
    public int HttpStatus { get; }

    /// <summary>GService's <c>error_code</c> (0 when the answer was not a GService error body).</summary>
    public int ErrorCode { get; }

    /// <summary>GService's <c>error_message</c>.</summary>
    public string ErrorMessage { get; }

    /// <summary>GService's <c>detail_message</c>, if any.</summary>
    public string? DetailMessage { get; }

    /// <summary>True for the answers that mean "these credentials are not accepted": 9004, 9005, 9006, 9020.</summary>
    public bool IsBadCredentials => ErrorCode is TokenInvalid or UserNotExist or TokenExpired or UsernameOrPasswordError;

    private static string Describe(int code, string message, string? detail) =>
        string.IsNullOrEmpty(detail) || detail == message ? $"GService error {code}: {message}" : $"GService error {code}: {message} ({detail})";
}
