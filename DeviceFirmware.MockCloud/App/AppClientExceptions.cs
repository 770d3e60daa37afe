using System;

namespace DeviceFirmware.MockCloud.App;

/// <summary>M2M refused the App's CONNECT (CONNACK other than accepted), e.g. a wrong or expired token.</summary>
public sealed class AppConnectRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="address">The M2M HOST:PORT.</param>
    /// <param name="reason">The CONNACK result, e.g. <c>BadUserNameOrPassword</c>.</param>
    /// <param name="isBadCredentials">True when the user name or token was refused.</param>
    public AppConnectRefusedException(string address, string reason, bool isBadCredentials)
        : base($"M2M at {address} refused the connection: {reason}" + (isBadCredentials ? " (token invalid or expired: log in again)" : string.Empty))
    {
        Reason = reason;
        IsBadCredentials = isBadCredentials;
    }

    /// <summary>The CONNACK result.</summary>
    public string Reason { get; }

    /// <summary>True when the user name or token was refused.</summary>
    public bool IsBadCredentials { get; }
}

/// <summary>M2M refused the subscriptions for a device: the user is not bound to it (docs/protocol.md §8).</summary>
public sealed class DeviceNotBoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="did"/>.</summary>
    public DeviceNotBoundException(string did)
        : base($"device {did} is not bound to this user (M2M refused its topics)")
    {
        Did = did;
    }

    /// <summary>The device.</summary>
    public string Did { get; }
}

/// <summary>The device did not answer in time: no 0x0094 with the sn of a 0x0093, or no 0x0011 after a 0x0010.</summary>
public sealed class ReplyTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="did">The device.</param>
    /// <param name="what">What was awaited, e.g. <c>0x0094 with sn 5</c>.</param>
    /// <param name="timeout">How long it was awaited.</param>
    public ReplyTimeoutException(string did, string what, TimeSpan timeout)
        : base($"no {what} from device {did} within {timeout.TotalSeconds:0.###} s (is it online?)")
    {
        Did = did;
        Timeout = timeout;
    }

    /// <summary>The device.</summary>
    public string Did { get; }

    /// <summary>How long it was awaited.</summary>
    public TimeSpan Timeout { get; }
}
