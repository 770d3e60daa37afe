using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Diagnostics;
using DeviceFirmware.Protocol.Identity;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>
/// Rights that end while a connection is open: an unbinding, a device reset, an expired token. The ACLs decide at
/// SUBSCRIBE and PUBLISH time; these make the end take effect at once on what is already subscribed.
/// </summary>
public sealed partial class M2mBroker
{
    /// <summary>
    /// Unsubscribes every App session of <paramref name="uid"/> from <c>dev2app/&lt;did&gt;</c> and
    /// <c>dev2app/&lt;did&gt;/&lt;own&gt;</c>. Delivery is checked per message as well (see <see cref="OnInterceptingClientEnqueueAsync"/>),
    /// so nothing reaches them even before this finishes.
    /// </summary>
    public void Unbound(string uid, string did)
    {
        ArgumentNullException.ThrowIfNull(uid);
        ArgumentNullException.ThrowIfNull(did);
        var sessions = new List<string>();
        lock (bookkeeping)
        {
            foreach (KeyValuePair<string, string> owner in appOwners)
            {
                if (owner.Value == uid) sessions.Add(owner.Key);
            }
        }

        foreach (string clientId in sessions) _ = UnsubscribeAsync(clientId, did, uid);
    }

    private async Task UnsubscribeAsync(string clientId, string did, string uid)
    {
        MqttServer? running = server;
        if (running == null) return;
        try
        {
            await running.UnsubscribeAsync(clientId, [Topics.Dev2App(did), Topics.Dev2App(did) + "/" + clientId]).ConfigureAwait(false);
            M2mLog.Revoked(logger, clientId, did, uid);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
        {
            // The session ended meanwhile: nothing left to unsubscribe.
        }
    }

    /// <summary>
    /// Runs for every message about to be queued for a subscriber. A <c>dev2app/&lt;DID&gt;</c> message reaches an App
    /// only while its user is bound to the DID and (for a live connection) its token is valid: an App whose binding ended
    /// is unsubscribed, one whose token ended is disconnected.
    /// </summary>
    private Task OnInterceptingClientEnqueueAsync(InterceptingClientApplicationMessageEnqueueEventArgs e)
    {
        string topic = e.ApplicationMessage.Topic ?? string.Empty;
        if (Topics.ParseDev2App(topic, out int didStart, out int didLength, out _, out _) != TopicError.None) return Task.CompletedTask;
        string receiver = e.ReceiverClientId;
        string? uid;
        string? token = null;
        if (clients.TryGetValue(receiver, out Connection? connection))
        {
            if (connection.Client.Kind != M2mClientKind.App) return Task.CompletedTask;
            uid = connection.Client.Uid;
            token = connection.Token;
        }
        else
        {
            lock (bookkeeping)
            {
                if (!appOwners.TryGetValue(receiver, out uid)) return Task.CompletedTask;
            }
        }

        if (token != null && !directory.IsValidToken(uid, token))
        {
            e.AcceptEnqueue = false;
            M2mLog.DeliveryRefused(logger, topic, receiver, "the token is no longer valid");
            DisconnectRevoked(receiver);
            return Task.CompletedTask;
        }

        string did = topic.Substring(didStart, didLength);
        if (directory.IsBound(uid, did)) return Task.CompletedTask;
        e.AcceptEnqueue = false;
        M2mLog.DeliveryRefused(logger, LogText.Safe(topic), receiver, $"uid '{uid}' is no longer bound to {did}");
        _ = UnsubscribeAsync(receiver, did, uid);
        return Task.CompletedTask;
    }

    /// <summary>Disconnects an App whose token is no longer valid (once; not awaited, as this runs in MQTTnet's own loops).</summary>
    private void DisconnectRevoked(string clientId)
    {
        if (!flooding.TryAdd(clientId, true)) return;
        M2mLog.TokenRevoked(logger, clientId);
        MqttServer? running = server;
        _ = Task.Run(async () =>
        {
            try
            {
                if (running != null) await running.DisconnectClientAsync(clientId, MqttDisconnectReasonCode.NotAuthorized).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        });
    }
}
