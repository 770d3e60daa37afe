using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.MockCloud.Diagnostics;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>
/// The mock cloud's M2M broker (docs/protocol.md §1, §4, §8) on MQTTnet.Server: authenticates Apps and devices
/// against an <see cref="IM2mDirectory"/>, enforces the topic ACLs, clamps keep-alive, disconnects PINGREQ
/// floods, and publishes 0x0092 on <c>dev2app/&lt;DID&gt;</c> when a device comes and goes. Every connect,
/// refusal and relayed frame is logged in one line, without passwords, tokens or passcodes.
/// Start with <see cref="StartAsync"/>; stop with <see cref="StopAsync"/> or <see cref="DisposeAsync"/>.
/// </summary>
public sealed partial class M2mBroker : IAsyncDisposable, IDevicePresence, IBindingRevocation
{
    private readonly M2mOptions options;
    private readonly IM2mDirectory directory;
    private readonly ILogger logger;
    private readonly M2mAuthenticator authenticator;
    private readonly M2mAcl acl;
    private readonly PingRateLimit pings;
    private readonly object bookkeeping = new();

    // Accepted CONNECTs waiting for their session, by remote end point (one per TCP connection).
    private readonly ConcurrentDictionary<string, Connection> pending = new(StringComparer.Ordinal);

    // Live connections by client id. A device is online exactly while its DID is here as a device.
    private readonly ConcurrentDictionary<string, Connection> clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> flooding = new(StringComparer.Ordinal);

    // App client ids and the uid that holds each (guarded by bookkeeping): claimed by an accepted CONNECT, released when
    // a clean-session connection ends; a persistent session (clean session 0) keeps its claim, as MQTTnet keeps the
    // session. MQTTnet hands an existing session, subscriptions included, to whoever connects with its client id; without
    // this, any user who learnt another's AppClientId could take over their session and receive their devices' traffic.
    private readonly System.Collections.Generic.Dictionary<string, string> appOwners = new(StringComparer.Ordinal);
    private MqttServer? server;
    private bool ownsCertificate;
    private volatile bool stopping;

    /// <summary>A broker over <paramref name="directory"/>'s accounts; nothing listens until <see cref="StartAsync"/>.</summary>
    public M2mBroker(IM2mDirectory directory, M2mOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(directory);
        this.directory = directory;
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        if (options.MaxKeepAlive < TimeSpan.FromSeconds(1) || options.MaxKeepAlive > TimeSpan.FromSeconds(ushort.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxKeepAlive must be 1 s to 65535 s");
        }

        authenticator = new M2mAuthenticator(directory);
        acl = new M2mAcl(directory);
        pings = new PingRateLimit(options.MaxPingsPerWindow, options.PingWindow, options.TimeProvider);
    }

    /// <summary>The plain MQTT end point actually bound (the real port when 0 was asked); null before start.</summary>
    public IPEndPoint? MqttEndpoint { get; private set; }

    /// <summary>The MQTT-over-TLS end point actually bound; null before start or without TLS.</summary>
    public IPEndPoint? MqttsEndpoint { get; private set; }

    /// <summary>The TLS server certificate (given or made at start-up); clients trust it, e.g. with <see cref="M2mCertificate.IsTrusted"/>. Null without TLS.</summary>
    public X509Certificate2? Certificate { get; private set; }

    /// <summary>
    /// Raised for every message relayed (after the ACL) and every 0x0092 notice the broker publishes, on the broker's
    /// thread: handlers must be quick and must not throw. Nothing is copied when nobody listens.
    /// </summary>
    public event Action<RelayedFrame>? FrameRelayed;

    /// <inheritdoc/>
    public bool IsOnline(string did) =>
        did != null && clients.TryGetValue(did, out Connection? connection) && connection.Client.Kind == M2mClientKind.Device;

    /// <summary>Binds the listeners and starts accepting clients. Throws if already started or a port is taken.</summary>
    public async Task StartAsync()
    {
        if (server != null) throw new InvalidOperationException("The M2M broker is already started");
        stopping = false;
        // MQTTnet's own listeners read any packet whole, up to 256 MB, before anyone is authenticated: M2mListener
        // replaces them (packet size limits, connections per address, TLS handshake timeout). The communication
        // timeout is how long MQTTnet waits for the CONNECT.
        MqttServerOptions serverOptions = new MqttServerOptionsBuilder().WithDefaultCommunicationTimeout(options.ConnectTimeout).Build();
        if (options.MqttsEndpoint != null)
        {
            ownsCertificate = options.TlsCertificate == null;
            Certificate = options.TlsCertificate ?? M2mCertificate.CreateSelfSigned();
            if (options.CertificatePemPath != null) M2mCertificate.WritePem(Certificate, options.CertificatePemPath);
        }

        var listener = new M2mListener(options, Certificate, logger);
        var adapter = new KeepAliveClampingServerAdapter(
            listener,
            (ushort)options.MaxKeepAlive.TotalSeconds,
            (clientId, asked, clamped) => M2mLog.KeepAliveClamped(logger, LogText.Safe(clientId), asked, clamped));
        MqttServer created = new MqttServerFactory().CreateMqttServer(serverOptions, [adapter], new MqttNetLogBridge(logger));
        created.ValidatingConnectionAsync += OnValidatingConnectionAsync;
        created.ClientConnectedAsync += OnClientConnectedAsync;
        created.ClientDisconnectedAsync += OnClientDisconnectedAsync;
        created.InterceptingSubscriptionAsync += OnInterceptingSubscriptionAsync;
        created.InterceptingPublishAsync += OnInterceptingPublishAsync;
        created.InterceptingInboundPacketAsync += OnInterceptingInboundPacketAsync;
        created.InterceptingClientEnqueueAsync += OnInterceptingClientEnqueueAsync;
        try
        {
            await created.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            created.Dispose();
            throw;
        }

        server = created;

        MqttEndpoint = listener.MqttEndpoint;
        M2mLog.Listening(logger, MqttEndpoint!, "mqtt");
        if (listener.MqttsEndpoint != null)
        {
            MqttsEndpoint = listener.MqttsEndpoint;
            M2mLog.Listening(logger, MqttsEndpoint, "mqtts");
        }
    }

    /// <summary>Disconnects every client (no 0x0092 is sent for them: the cloud itself is going away) and closes the listeners.</summary>
    public async Task StopAsync()
    {
        MqttServer? running = server;
        if (running == null) return;
        stopping = true;
        try
        {
            await running.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            running.Dispose();
            server = null;
            clients.Clear();
            pending.Clear();
            flooding.Clear();
            lock (bookkeeping) appOwners.Clear();
            MqttEndpoint = MqttsEndpoint = null;
        }
    }

    /// <summary>Stops the broker and disposes a certificate it made itself.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (ownsCertificate) Certificate?.Dispose();
    }

    private static string Remote(EndPoint? endPoint) => endPoint?.ToString() ?? "?";

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

    private async Task PublishPresenceAsync(Connection device, bool online)
    {
        MqttServer? running = server;
        if (stopping || running == null) return;
        string did = device.Client.Did;
        try
        {
            byte[] frame = PresenceFrame(did, device.Passcode, online);
            MqttApplicationMessage message = new MqttApplicationMessageBuilder().WithTopic(Topics.Dev2App(did)).WithPayload(frame).Build();
            await running.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = string.Empty }, CancellationToken.None).ConfigureAwait(false);
            RaiseRelayed(message.Topic, string.Empty, frame);
            M2mLog.Presence(logger, did, online ? "online" : "offline");
        }
#pragma warning disable CA1031 // A failed notice is logged; it must not break the client's connection handling.
        catch (Exception exception) when (!stopping)
#pragma warning restore CA1031
        {
            M2mLog.PresenceFailed(logger, did, exception);
        }
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

    private byte[] PresenceFrame(string did, string passcode, bool online)
    {
        string mac = options.DeviceMac?.Invoke(did) ?? string.Empty;
        byte[] buffer = new byte[FrameLimits.MaxHeaderLength + 11 + FrameLimits.MaxMac + FrameLimits.MaxPasscode + FrameLimits.MaxBusinessVersion];
        FrameError error = FrameWriter.WriteDeviceOnline(buffer, 0, mac, passcode, online, FrameLimits.ProtocolVersion, string.Empty, out int length);
        if (error != FrameError.None)
        {
            // A MAC or passcode over the frame's 32-byte limits: announce the state without them rather than not at all.
            error = FrameWriter.WriteDeviceOnline(buffer, 0, string.Empty, string.Empty, online, FrameLimits.ProtocolVersion, string.Empty, out length);
        }

        return error == FrameError.None ? buffer.AsSpan(0, length).ToArray() : throw new InvalidOperationException($"0x0092 could not be written: {error}");
    }

    /// <summary>One accepted TCP connection: who it is, where from, (for a device) the passcode 0x0092 carries, (for an App) the token it authenticated with, and whether its session ends with it.</summary>
    private sealed record Connection(M2mClient Client, string Remote, string Passcode, string Token, bool CleanSession);
}
