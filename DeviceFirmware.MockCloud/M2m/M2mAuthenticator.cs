using DeviceFirmware.Protocol.Identity;
using MQTTnet.Protocol;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>The answer to one CONNECT: who it is, or the CONNACK reason and a loggable why.</summary>
/// <param name="Client">The accepted client; null when refused.</param>
/// <param name="ReasonCode">Success, or the CONNACK reason of the refusal.</param>
/// <param name="Why">A short reason for the log; never holds a password, token or passcode.</param>
public sealed record M2mConnectDecision(M2mClient? Client, MqttConnectReasonCode ReasonCode, string Why)
{
    /// <summary>True when the connection is accepted.</summary>
    public bool Accepted => Client != null;
}

/// <summary>
/// Decides an MQTT CONNECT against docs/protocol.md §1/§8. A user name of the form <c>2$appid$uid</c> makes it an
/// App; a DID (without <c>$</c>) makes it a device. Refusals: a malformed client id (or one that differs from a device's
/// user name) → <see cref="MqttConnectReasonCode.ClientIdentifierNotValid"/>; an unknown application id →
/// <see cref="MqttConnectReasonCode.NotAuthorized"/>; a missing, wrong or expired token or passcode →
/// <see cref="MqttConnectReasonCode.BadUserNameOrPassword"/>.
/// </summary>
public sealed class M2mAuthenticator
{
    private readonly IM2mDirectory directory;

    /// <summary>Decides against the accounts of <paramref name="directory"/>.</summary>
    public M2mAuthenticator(IM2mDirectory directory)
    {
        this.directory = directory ?? throw new System.ArgumentNullException(nameof(directory));
    }

    /// <summary>Decides one CONNECT; never throws on any input.</summary>
    public M2mConnectDecision Decide(string? clientId, string? userName, string? password)
    {
        if (string.IsNullOrEmpty(userName)) return Refuse(MqttConnectReasonCode.BadUserNameOrPassword, "no user name");
        if (string.IsNullOrEmpty(password)) return Refuse(MqttConnectReasonCode.BadUserNameOrPassword, "no password");
        return AppUserName.TryParse(userName, out int appIdStart, out int appIdLength, out int uidStart, out int uidLength)
            ? DecideApp(clientId, userName.Substring(appIdStart, appIdLength), userName.Substring(uidStart, uidLength), password)
            : DecideDevice(clientId, userName, password);
    }

    private M2mConnectDecision DecideApp(string? clientId, string appId, string uid, string token)
    {
        if (clientId == null || !AppClientId.IsValid(clientId))
        {
            return Refuse(MqttConnectReasonCode.ClientIdentifierNotValid, "an App's client id must be usr + [0-9a-zA-Z], at most 23 bytes");
        }

        if (!directory.IsApplication(appId)) return Refuse(MqttConnectReasonCode.NotAuthorized, $"unknown appid '{appId}'");
        if (!directory.IsValidToken(uid, token)) return Refuse(MqttConnectReasonCode.BadUserNameOrPassword, $"token not valid for uid '{uid}'");
        return new M2mConnectDecision(M2mClient.App(clientId, appId, uid), MqttConnectReasonCode.Success, "app");
    }

    private M2mConnectDecision DecideDevice(string? clientId, string did, string passcode)
    {
        // A '$' marks an attempt at an App user name (Gizwits DIDs never hold one), so it is the user name that is wrong.
        if (!Did.IsValid(did) || did.Contains('$', System.StringComparison.Ordinal))
        {
            return Refuse(MqttConnectReasonCode.BadUserNameOrPassword, "user name is neither 2$appid$uid nor a DID");
        }

        if (clientId != did) return Refuse(MqttConnectReasonCode.ClientIdentifierNotValid, "a device's client id must equal its user name (the DID)");
        if (!directory.IsDevice(did, passcode)) return Refuse(MqttConnectReasonCode.BadUserNameOrPassword, "unknown DID or wrong passcode");
        return new M2mConnectDecision(M2mClient.Device(did), MqttConnectReasonCode.Success, "device");
    }

    private static M2mConnectDecision Refuse(MqttConnectReasonCode code, string why) => new(null, code, why);
}
