using System;
using System.Buffers;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Diagnostics;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>
/// What a connected client may do: SUBSCRIBE and PUBLISH against the topic ACLs (and a still-valid token), retain
/// flags dropped, every relayed frame logged and handed to <see cref="FrameRelayed"/>, PINGREQ floods cut off.
/// </summary>
public sealed partial class M2mBroker
{
    private Task OnInterceptingSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        string filter = e.TopicFilter.Topic ?? string.Empty;
        string? why = clients.TryGetValue(e.ClientId, out Connection? connection) ? acl.WhyNotSubscribe(connection.Client, filter) : "not a known session";
        if (why == null)
        {
            M2mLog.SubscribeAccepted(logger, e.ClientId, filter);
            return Task.CompletedTask;
        }

        e.ProcessSubscription = false;
        e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        M2mLog.SubscribeRefused(logger, e.ClientId, filter, why);
        return Task.CompletedTask;
    }

    private Task OnInterceptingPublishAsync(InterceptingPublishEventArgs e)
    {
        // The broker's own 0x0092 notices are injected without a sender.
        if (string.IsNullOrEmpty(e.ClientId)) return Task.CompletedTask;
        MqttApplicationMessage message = e.ApplicationMessage;
        string topic = message.Topic ?? string.Empty;
        string? why = clients.TryGetValue(e.ClientId, out Connection? connection) ? acl.WhyNotPublish(connection.Client, topic) : "not a known session";
        if (why != null)
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            M2mLog.PublishRefused(logger, e.ClientId, LogText.Safe(topic), LogText.Safe(why));
            return Task.CompletedTask;
        }

        // A token that expired (or was never renewed) ends the App's rights at once, not at its next CONNECT.
        if (connection!.Client.Kind == M2mClientKind.App && !directory.IsValidToken(connection.Client.Uid, connection.Token))
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            M2mLog.PublishRefused(logger, e.ClientId, LogText.Safe(topic), "the token is no longer valid");
            DisconnectRevoked(e.ClientId);
            return Task.CompletedTask;
        }

        // docs/protocol.md §8: a retained app2dev would replay an old command to a device that reconnects.
        // A retained dev2app would replay a stale status to an App subscribing later, and a device could fill the
        // broker with one retained message per dev2app/<DID>/<any cid> topic; the protocol uses neither (an App asks
        // for the status with a read). The frame itself is still relayed (the sender meant to send it now); only the
        // retain flag is dropped, so the broker never stores it and never hands it to a later subscriber.
        if (message.Retain)
        {
            message.Retain = false;
            M2mLog.RetainIgnored(logger, e.ClientId, topic);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            string frame = FrameLogLine.Describe(message.Payload.ToArray());
            M2mLog.Relayed(logger, topic, e.ClientId, frame);
        }

        if (FrameRelayed != null) RaiseRelayed(topic, e.ClientId, message.Payload.ToArray());
        return Task.CompletedTask;
    }

    private Task OnInterceptingInboundPacketAsync(InterceptingPacketEventArgs e)
    {
        if (e.Packet is not MqttPingReqPacket) return Task.CompletedTask;

        // An idle App's pings are where an expired token is noticed when nothing else flows.
        if (clients.TryGetValue(e.ClientId, out Connection? pinger) && pinger.Client.Kind == M2mClientKind.App &&
            !directory.IsValidToken(pinger.Client.Uid, pinger.Token))
        {
            e.ProcessPacket = false;
            DisconnectRevoked(e.ClientId);
            return Task.CompletedTask;
        }

        if (!pings.IsExceededBy(e.ClientId)) return Task.CompletedTask;
        e.ProcessPacket = false;
        if (!flooding.TryAdd(e.ClientId, true)) return Task.CompletedTask;
        M2mLog.PingFlood(logger, e.ClientId, options.MaxPingsPerWindow, options.PingWindow);
        MqttServer? running = server;

        // Not awaited here: this runs inside the client's receive loop, which the disconnect stops.
        _ = Task.Run(async () =>
        {
            try
            {
                if (running != null) await running.DisconnectClientAsync(e.ClientId, MqttDisconnectReasonCode.ImplementationSpecificError).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        });
        return Task.CompletedTask;
    }

    private void RaiseRelayed(string topic, string sender, byte[] payload)
    {
        Action<RelayedFrame>? handlers = FrameRelayed;
        if (handlers == null) return;
        try
        {
            handlers(new RelayedFrame(topic, sender, payload, options.TimeProvider.GetUtcNow()));
        }
#pragma warning disable CA1031 // An observer's fault must never break relaying.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            M2mLog.ObserverFailed(logger, exception);
        }
    }
}
