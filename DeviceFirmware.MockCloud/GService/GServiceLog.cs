using Microsoft.Extensions.Logging;

namespace DeviceFirmware.MockCloud.GService;

/// <summary>GService's log lines. They name uids, DIDs, application ids and product keys, never a password, token or passcode.</summary>
internal static partial class GServiceLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "User {Uid} registered ({Kind}) through application {AppId}")]
    public static partial void UserRegistered(ILogger logger, string uid, string kind, string appId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "User {Uid} logged in through application {AppId}")]
    public static partial void UserLoggedIn(ILogger logger, string uid, string appId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Login refused through application {AppId} from {Remote}: {Reason}")]
    public static partial void LoginRefused(ILogger logger, string appId, string remote, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "User {Uid} bound device {Did}")]
    public static partial void DeviceBound(ILogger logger, string uid, string did);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "User {Uid} could not bind device {Did}: {Reason}")]
    public static partial void BindRefused(ILogger logger, string uid, string did, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "User {Uid} unbound device {Did}")]
    public static partial void DeviceUnbound(ILogger logger, string uid, string did);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "User {Uid} could not unbind device {Did}: not bound")]
    public static partial void UnbindRefused(ILogger logger, string uid, string did);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Device {Did} registered as product {ProductKey}")]
    public static partial void DeviceRegistered(ILogger logger, string did, string productKey);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Device {Did} provisioned with M2M {Host}:{Port}")]
    public static partial void DeviceProvisioned(ILogger logger, string did, string host, int port);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "{Method} {Path} refused with {Code}: {Detail}")]
    public static partial void RequestRefused(ILogger logger, string method, string path, int code, string detail);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Anonymous registration refused through application {AppId} from {Remote}: throttled")]
    public static partial void AnonymousThrottled(ILogger logger, string appId, string remote);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Binding refused for user {Uid} from {Remote}: throttled after wrong passcodes")]
    public static partial void BindThrottled(ILogger logger, string uid, string remote);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Device {Did} re-registered with a new passcode (a reset: nobody bound, offline)")]
    public static partial void DeviceReset(ILogger logger, string did);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Device {Did} re-registration with a new passcode refused from {Remote}: the device is bound or online")]
    public static partial void DeviceClaimRefused(ILogger logger, string did, string remote);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "Device {Did} released its bindings (reset with its passcode); {Count} user(s) unbound")]
    public static partial void DeviceReleased(ILogger logger, string did, int count);
}
