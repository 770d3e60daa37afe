using System;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Diagnostics;
using Microsoft.Extensions.Logging;
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

    /// <summary>One accepted TCP connection: who it is, where from, (for a device) the passcode 0x0092 carries, (for an App) the token it authenticated with, and whether its session ends with it.</summary>
    private sealed record Connection(M2mClient Client, string Remote, string Passcode, string Token, bool CleanSession);
}
