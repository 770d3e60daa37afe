using System;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Diagnostics;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>
/// Who may connect and who is connected: the CONNECT decision (credentials, an online DID, App connections per uid,
/// the AppClientId claim) and the bookkeeping of live connections that presence and the ACLs read.
/// </summary>
public sealed partial class M2mBroker
{
    // The real M2M's devices (GAgent) speak 3.1; Apps may speak either. Both are accepted, and the log says which.
    private static string VersionName(MQTTnet.Formatter.MqttProtocolVersion version) => version switch
    {
        MQTTnet.Formatter.MqttProtocolVersion.V310 => "3.1 (MQIsdp/3)",
        MQTTnet.Formatter.MqttProtocolVersion.V311 => "3.1.1 (MQTT/4)",
        MQTTnet.Formatter.MqttProtocolVersion.V500 => "5.0 (MQTT/5)",
        _ => version.ToString(),
    };

    private Task OnValidatingConnectionAsync(ValidatingConnectionEventArgs e)
    {
        M2mConnectDecision decision;
        try
        {
            decision = authenticator.Decide(e.ClientId, e.UserName, e.Password);
        }
#pragma warning disable CA1031 // The directory (SQLite) failing must refuse the client, not crash the listener.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            decision = new M2mConnectDecision(null, MqttConnectReasonCode.ServerUnavailable, "the account store failed: " + exception.Message);
        }

        if (decision.Client is { Kind: M2mClientKind.App } && IsOnline(decision.Client.ClientId))
        {
            decision = new M2mConnectDecision(null, MqttConnectReasonCode.ClientIdentifierNotValid, "client id is an online device's DID");
        }

        if (decision.Client is { Kind: M2mClientKind.App } app)
        {
            if (AppConnectionsOf(app) >= options.MaxConnectionsPerUser)
            {
                decision = new M2mConnectDecision(null, MqttConnectReasonCode.ServerUnavailable, $"uid already has {options.MaxConnectionsPerUser} App connections");
            }
            else if (!ClaimAppClientId(app))
            {
                decision = new M2mConnectDecision(null, MqttConnectReasonCode.ClientIdentifierNotValid, "client id is held by another user's App");
            }
        }

        string remote = Remote(e.RemoteEndPoint);
        e.ReasonCode = decision.ReasonCode;
        if (decision.Client == null)
        {
            M2mLog.ConnectRefused(logger, LogText.Safe(e.ClientId), LogText.Safe(e.UserName), remote, decision.ReasonCode, LogText.Safe(decision.Why));
            return Task.CompletedTask;
        }

        bool device = decision.Client.Kind == M2mClientKind.Device;
        pending[remote] = new Connection(decision.Client, remote, device ? e.Password : string.Empty, device ? string.Empty : e.Password, e.CleanSession ?? true);
        M2mLog.ConnectAccepted(logger, decision.Client.ClientId, decision.Client.Kind, remote, VersionName(e.ProtocolVersion));
        return Task.CompletedTask;
    }

    // Live and accepted-but-not-yet-connected App connections of the App's uid, not counting its own client id (a
    // reconnect with the same AppClientId replaces that connection).
    private int AppConnectionsOf(M2mClient app)
    {
        int count = 0;
        foreach (Connection c in clients.Values)
        {
            if (c.Client.Kind == M2mClientKind.App && c.Client.Uid == app.Uid && c.Client.ClientId != app.ClientId) count++;
        }

        foreach (Connection c in pending.Values)
        {
            if (c.Client.Kind == M2mClientKind.App && c.Client.Uid == app.Uid && c.Client.ClientId != app.ClientId) count++;
        }

        return count;
    }

    // True when the App's uid may use its client id: nobody holds it, or the same user does (a reconnect, e.g. over a
    // half-open connection, takes its own session over as MQTT intends).
    private bool ClaimAppClientId(M2mClient app)
    {
        lock (bookkeeping)
        {
            if (appOwners.TryGetValue(app.ClientId, out string? owner) && owner != app.Uid) return false;
            appOwners[app.ClientId] = app.Uid;
            return true;
        }
    }

    private Task OnClientConnectedAsync(ClientConnectedEventArgs e)
    {
        if (!pending.TryRemove(Remote(e.RemoteEndPoint), out Connection? connection)) return Task.CompletedTask;
        lock (bookkeeping)
        {
            clients[e.ClientId] = connection;
        }

        return connection.Client.Kind == M2mClientKind.Device ? PublishPresenceAsync(connection, true) : Task.CompletedTask;
    }

    private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        string remote = Remote(e.RemoteEndPoint);
        pending.TryRemove(remote, out _);
        Connection? gone;
        lock (bookkeeping)
        {
            // A later connection with the same client id may already have replaced this one.
            if (!clients.TryGetValue(e.ClientId, out gone) || gone.Remote != remote) return Task.CompletedTask;
            clients.TryRemove(e.ClientId, out _);

            // The claim on an AppClientId lasts as long as MQTTnet keeps its session: a clean session ends with its
            // connection, and so does every session, since this broker keeps none (EnablePersistentSessions is off).
            // A takeover hands the client id to the new connection, which holds the claim already.
            if (gone.Client.Kind == M2mClientKind.App && e.DisconnectType != MqttClientDisconnectType.Takeover) appOwners.Remove(e.ClientId);
        }

        pings.Forget(e.ClientId);
        flooding.TryRemove(e.ClientId, out _);
        M2mLog.Disconnected(logger, e.ClientId, gone.Client.Kind, e.DisconnectType);

        // A takeover is the same device connecting again: its new session announces it online at once.
        bool announce = gone.Client.Kind == M2mClientKind.Device && e.DisconnectType != MqttClientDisconnectType.Takeover;
        return announce ? PublishPresenceAsync(gone, false) : Task.CompletedTask;
    }
}
