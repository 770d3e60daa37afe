namespace DeviceFirmware.MockCloud.M2m;

/// <summary>
/// What the M2M broker asks of the cloud's accounts (docs/protocol.md §8): who may connect and which DIDs an App is
/// bound to. Implemented over SQLite by the GService store; tests may use an in-memory one.
/// </summary>
public interface IM2mDirectory
{
    /// <summary>True when <paramref name="did"/> is a registered device whose passcode is <paramref name="passcode"/>.</summary>
    bool IsDevice(string did, string passcode);

    /// <summary>True when <paramref name="appId"/> is a known application id.</summary>
    bool IsApplication(string appId);

    /// <summary>True when <paramref name="token"/> is a valid, unexpired token of user <paramref name="uid"/>.</summary>
    bool IsValidToken(string uid, string token);

    /// <summary>True when user <paramref name="uid"/> is bound to device <paramref name="did"/>.</summary>
    bool IsBound(string uid, string did);
}
