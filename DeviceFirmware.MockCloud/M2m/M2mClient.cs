namespace DeviceFirmware.MockCloud.M2m;

/// <summary>Which side of the relay an MQTT client is (docs/protocol.md §1).</summary>
public enum M2mClientKind
{
    /// <summary>An App: client id is an AppClientId, user name <c>2$appid$uid</c>.</summary>
    App,

    /// <summary>A device: client id and user name are its DID.</summary>
    Device,
}

/// <summary>Who an accepted MQTT connection is; the ACLs decide on this.</summary>
/// <param name="Kind">App or device.</param>
/// <param name="ClientId">The MQTT client id (an AppClientId, or the DID).</param>
/// <param name="AppId">The App's application id; empty for a device.</param>
/// <param name="Uid">The App user's uid; empty for a device.</param>
/// <param name="Did">The device's DID; empty for an App.</param>
public sealed record M2mClient(M2mClientKind Kind, string ClientId, string AppId, string Uid, string Did)
{
    /// <summary>An App connected as <paramref name="clientId"/> for user <paramref name="uid"/> of application <paramref name="appId"/>.</summary>
    public static M2mClient App(string clientId, string appId, string uid) => new(M2mClientKind.App, clientId, appId, uid, string.Empty);

    /// <summary>A device connected as <paramref name="did"/>.</summary>
    public static M2mClient Device(string did) => new(M2mClientKind.Device, did, string.Empty, string.Empty, did);
}
