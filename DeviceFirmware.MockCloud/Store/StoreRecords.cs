using System;

namespace DeviceFirmware.MockCloud.Store;

/// <summary>A login session: the user, the token the App sends as <c>X-Gizwits-User-token</c> and when it stops working.</summary>
/// <param name="Uid">The user id.</param>
/// <param name="Token">The token (32 hex characters); the store keeps only its hash.</param>
/// <param name="ExpireAt">When the token expires.</param>
public sealed record UserSession(string Uid, string Token, DateTimeOffset ExpireAt);

/// <summary>A registered device.</summary>
/// <param name="Did">Its device id.</param>
/// <param name="ProductKey">The product it is an instance of.</param>
/// <param name="Mac">The MAC it registered with.</param>
/// <param name="Passcode">Its passcode (the M2M password; Apps need it to bind).</param>
/// <param name="Type">The device type it registered as (<c>normal</c> by default).</param>
/// <param name="IsDisabled">True when an administrator disabled it.</param>
public sealed record DeviceRecord(string Did, string ProductKey, string Mac, string Passcode, string Type, bool IsDisabled);

/// <summary>A device as one user's binding sees it.</summary>
/// <param name="Device">The device.</param>
/// <param name="Remark">The user's remark.</param>
/// <param name="DevAlias">The user's alias for the device.</param>
public sealed record BoundDevice(DeviceRecord Device, string Remark, string DevAlias);

/// <summary>What a login attempt came to.</summary>
public enum LoginOutcome
{
    /// <summary>Credentials matched; a new token was issued.</summary>
    LoggedIn,

    /// <summary>No user has that username or email (error 9005).</summary>
    UnknownUser,

    /// <summary>The user exists but the password does not match (error 9020).</summary>
    WrongPassword,
}

/// <summary>What a presented token is.</summary>
public enum TokenStatus
{
    /// <summary>Issued by this store and not expired.</summary>
    Valid,

    /// <summary>Never issued by this store (error 9004).</summary>
    Invalid,

    /// <summary>Issued but past its expiry (error 9006).</summary>
    Expired,
}

/// <summary>What a binding request for one device came to.</summary>
public enum BindOutcome
{
    /// <summary>The user is now bound to the device (a repeat updates remark and alias).</summary>
    Bound,

    /// <summary>No device has that DID.</summary>
    UnknownDevice,

    /// <summary>The passcode is not the device's.</summary>
    WrongPasscode,
}

/// <summary>What a device registration (<c>POST /dev/devices</c>) came to; see <see cref="CloudStore.RegisterDevice"/>.</summary>
public enum DeviceRegistration
{
    /// <summary>A new product key and MAC: a new DID.</summary>
    Registered,

    /// <summary>The same product key, MAC and passcode again (a device that lost the answer or restarted): the same DID, nothing changed but the type.</summary>
    Again,

    /// <summary>The same product key and MAC with a new passcode while nobody is bound and the device is offline (a reset device): the same DID, the new passcode.</summary>
    Reset,

    /// <summary>Refused, nothing changed: the product key is unknown.</summary>
    UnknownProduct,

    /// <summary>Refused, nothing changed: a new passcode for a device that is bound or online (the old passcode is needed, or the owners must unbind first).</summary>
    Claimed,
}
