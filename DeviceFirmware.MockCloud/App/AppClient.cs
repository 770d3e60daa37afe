using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DeviceFirmware.Core.Session;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.P0;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeviceFirmware.MockCloud.App;

/// <summary>
/// An App on M2M (docs/protocol.md §1, §3, §4): connects with a random <c>usr…</c> AppClientId, user name
/// <c>2$appid$uid</c> and the login token (MQTT 3.1.1, clean session, keep-alive 120 s, optional TLS); subscribes
/// <c>ser2cli_res/&lt;own&gt;</c> and, per device, <c>dev2app/&lt;DID&gt;</c> and <c>dev2app/&lt;DID&gt;/&lt;own&gt;</c>;
/// sends 0x0090, 0x0093 (awaiting the 0x0094 with the same sn), 0x0010 (awaiting 0x0011); and delivers everything
/// received, decoded with each device's product, on <see cref="Events"/>.
/// </summary>
/// <remarks>
/// A thin facade: the connection, its reconnects (the firmware's own <see cref="SessionSupervisor"/>) and
/// subscriptions are <see cref="AppConnection"/>'s; which answer ends which wait is <see cref="PendingReplies"/>'s.
/// This class frames the commands (P0 encoding included) and turns what arrives into <see cref="AppEvent"/>s.
/// </remarks>
public sealed class AppClient : IAsyncDisposable
{
    private readonly AppClientOptions options;
    private readonly AppSubscriptions subscriptions;
    private readonly AppConnection connection;
    private readonly PendingReplies pending;
    private readonly Channel<AppEvent> events;
    private int lastSn;
    private int disposed;

    private AppClient(AppClientOptions options, ILogger logger)
    {
        this.options = options;
        ClientId = options.ClientId ?? AppClientId.NewRandom(Random.Shared);
        if (!AppClientId.IsValid(ClientId)) throw new ArgumentException($"'{ClientId}' is not an AppClientId (usr + [0-9a-zA-Z], at most 23)", nameof(options));
        string userName = AppUserName.Build(options.AppId, options.Uid)
            ?? throw new ArgumentException("AppId and Uid must be non-empty and hold no '$'", nameof(options));
        if (string.IsNullOrEmpty(options.Token)) throw new ArgumentException("Token is required (log in first)", nameof(options));
        if (options.ReplyTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "ReplyTimeout must be positive");
        pending = new PendingReplies(options.ReplyTimeout, options.TimeProvider);

        // Dropping the oldest keeps a slow reader (a console left open) from holding memory or stalling the receive path.
        events = Channel.CreateBounded<AppEvent>(new BoundedChannelOptions(Math.Max(1, options.EventCapacity))
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleWriter = false,
        });
        subscriptions = new AppSubscriptions(ClientId, logger);
        connection = new AppConnection(options, ClientId, userName, subscriptions, logger, OnMessage, OnSessionChanged);
    }

    /// <summary>This App's AppClientId (<c>usr…</c>).</summary>
    public string ClientId { get; }

    /// <summary>The M2M HOST:PORT.</summary>
    public string Address => options.Address;

    /// <summary>True while connected and subscribed.</summary>
    public bool IsConnected => connection.IsConnected;

    /// <summary>Connections established since start (1 after <see cref="ConnectAsync"/>; each reconnect adds one).</summary>
    public int Connections => connection.Connections;

    /// <summary>Everything received, decoded, in arrival order; also <see cref="SessionChangedEvent"/>s. Completes on dispose.</summary>
    public ChannelReader<AppEvent> Events => events.Reader;

    /// <summary>
    /// Connects to M2M and subscribes the topics of <paramref name="devices"/> (DID → product, the product may be
    /// null). Returns once connected; from then on the client keeps itself connected. The first attempt's failure is
    /// thrown: <see cref="CloudUnreachableException"/> (nothing answers, or no CONNACK in time),
    /// <see cref="AppConnectRefusedException"/> (CONNACK refused: bad token), <see cref="DeviceNotBoundException"/>.
    /// </summary>
    public static async Task<AppClient> ConnectAsync(
        AppClientOptions options,
        IEnumerable<KeyValuePair<string, Product?>>? devices = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = new AppClient(options, logger ?? NullLogger.Instance);
        if (devices != null)
        {
            foreach (KeyValuePair<string, Product?> device in devices) app.subscriptions.Remember(device.Key, device.Value);
        }

        try
        {
            await app.connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return app;
    }

    /// <summary>The decoded events as an async stream (one reader at a time).</summary>
    public IAsyncEnumerable<AppEvent> ReadEventsAsync(CancellationToken cancellationToken = default) => events.Reader.ReadAllAsync(cancellationToken);

    /// <summary>
    /// Adds a device: subscribes <c>dev2app/&lt;DID&gt;</c> and <c>dev2app/&lt;DID&gt;/&lt;own&gt;</c> now (when connected)
    /// and after every reconnect; its business data is decoded with <paramref name="product"/> (null: left undecoded).
    /// </summary>
    /// <exception cref="DeviceNotBoundException">M2M refused the topics.</exception>
    public Task AddDeviceAsync(string did, Product? product, CancellationToken cancellationToken = default) =>
        subscriptions.AddAsync(() => connection.Current, did, product, cancellationToken);

    /// <summary>The product a device's data is decoded with, or null.</summary>
    public Product? ProductOf(string did) => subscriptions.ProductOf(did);

    /// <summary>Sends business data <paramref name="p0"/> (from its action byte) as a 0x0090: no sn, no answer awaited.</summary>
    public async Task SendBusinessAsync(string did, byte[] p0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(p0);
        byte[] frame = new byte[FrameWriter.FrameLength(p0.Length)];
        Check(FrameWriter.WriteBusiness(frame, 0, GizwitsCommand.Business, p0, 0, p0.Length, out int length), "0x0090");
        await connection.PublishAsync(did, frame.AsSpan(0, length).ToArray(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <paramref name="p0"/> as a 0x0093 with this client's next sn and returns the device's 0x0094 with that sn.
    /// </summary>
    /// <exception cref="ReplyTimeoutException">No 0x0094 with the sn within <see cref="AppClientOptions.ReplyTimeout"/>.</exception>
    public Task<DeviceStatusEvent> RequestAsync(string did, byte[] p0, CancellationToken cancellationToken = default) =>
        RequestAsync(did, p0, unchecked((uint)Interlocked.Increment(ref lastSn)), cancellationToken);

    /// <summary>
    /// Sends <paramref name="p0"/> as a 0x0093 with the given <paramref name="sn"/> (e.g. an App retrying a command whose
    /// answer it lost, with the same sn) and returns the device's 0x0094 with that sn. One such request per sn at a time.
    /// </summary>
    /// <exception cref="ReplyTimeoutException">No 0x0094 with the sn within <see cref="AppClientOptions.ReplyTimeout"/>.</exception>
    public async Task<DeviceStatusEvent> RequestAsync(string did, byte[] p0, uint sn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(p0);
        byte[] frame = new byte[FrameWriter.FrameLength(FrameLimits.SnLength + p0.Length)];
        Check(FrameWriter.WriteBusinessWithSn(frame, 0, GizwitsCommand.BusinessWithSn, sn, p0, 0, p0.Length, out int length), "0x0093");
        byte[] sent = frame.AsSpan(0, length).ToArray();
        return await pending.AwaitStatusAsync(did, sn, cancel => connection.PublishAsync(did, sent, cancel), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the <paramref name="flagged"/> points of <paramref name="values"/> with a P0 0x01 (0x11 for a var_len product) in a 0x0090 (no answer awaited).</summary>
    public Task SendWriteAsync(string did, DataPointValues values, bool[] flagged, CancellationToken cancellationToken = default) =>
        SendBusinessAsync(did, WriteP0(values, flagged), cancellationToken);

    /// <summary>Writes with a P0 0x01 (0x11 for a var_len product) in a 0x0093 and returns the device's 0x0094 (its status after the write).</summary>
    public Task<DeviceStatusEvent> SendWriteWithReplyAsync(string did, DataPointValues values, bool[] flagged, CancellationToken cancellationToken = default) =>
        RequestAsync(did, WriteP0(values, flagged), cancellationToken);

    /// <summary>
    /// Reads the device's status: a P0 0x02 in a 0x0093 (for a var_len product: a 0x12 flagging every point); returns
    /// the 0x0094 (P0 0x03 or 0x13, decoded).
    /// </summary>
    public Task<DeviceStatusEvent> SendReadAsync(string did, CancellationToken cancellationToken = default)
    {
        Product? product = ProductOf(did);
        byte[] p0;
        int length;
        if (product != null && product.IsVariableLength)
        {
            p0 = new byte[product.MaxMessageSize];
            bool[] all = new bool[product.Points.Length];
            Array.Fill(all, true);
            P0Writer.WriteVariable(P0Action.VariableRead, new DataPointValues(product), all, p0, 0, out length);
        }
        else
        {
            p0 = new byte[1];
            P0Writer.WriteRead(p0, 0, out length);
        }

        return RequestAsync(did, p0.AsSpan(0, length).ToArray(), cancellationToken);
    }

    /// <summary>
    /// Sends 0x0010 (log level threshold and indicator LED, docs/protocol.md §3 [ours]) and waits for the device's 0x0011.
    /// </summary>
    /// <exception cref="ReplyTimeoutException">No 0x0011 within <see cref="AppClientOptions.ReplyTimeout"/>.</exception>
    public async Task SendSettingsAsync(string did, Protocol.LogLevel logLevel, bool indicatorLed, CancellationToken cancellationToken = default)
    {
        if (logLevel is < Protocol.LogLevel.Off or > Protocol.LogLevel.Info) throw new ArgumentOutOfRangeException(nameof(logLevel), "log level must be 0-3");
        byte[] frame = new byte[16];
        Check(FrameWriter.WriteSettings(frame, 0, DeviceSettings.Compose(logLevel, indicatorLed), out int length), "0x0010");
        byte[] sent = frame.AsSpan(0, length).ToArray();
        await pending.AwaitSettingsAckAsync(did, cancel => connection.PublishAsync(did, sent, cancel), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the session loop, disconnects (DISCONNECT), and completes <see cref="Events"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        await connection.DisposeAsync().ConfigureAwait(false);
        events.Writer.TryComplete();
    }

    private static void Check(FrameError error, string what)
    {
        if (error != FrameError.None) throw new ArgumentException($"{what} cannot be encoded: {error}");
    }

    private static byte[] WriteP0(DataPointValues values, bool[] flagged)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(flagged);
        byte[] buffer = new byte[values.Product.MaxMessageSize];
        // A var_len product has no fixed layout: its Apps write with 0x11 (flags over all ids, flagged values only).
        P0Error error = values.Product.IsVariableLength
            ? P0Writer.WriteVariable(P0Action.VariableWrite, values, flagged, buffer, 0, out int length)
            : P0Writer.WriteWrite(values, flagged, buffer, 0, out length);
        if (error != P0Error.None) throw new ArgumentException($"the P0 write cannot be encoded: {error}", nameof(values));
        return buffer.AsSpan(0, length).ToArray();
    }

    // The receive path (MQTTnet's thread): never throws. A reply ends its command's wait before it is an event, so a
    // caller awaiting RequestAsync has its answer no later than a reader of Events.
    private void OnMessage(string topic, byte[] payload)
    {
        AppEvent received;
        try
        {
            received = AppMessageDecoder.Decode(topic, payload, ProductOf, options.TimeProvider.GetUtcNow());
        }
#pragma warning disable CA1031 // A bug in decoding one message must not stop the client's receiving.
        catch (Exception e)
#pragma warning restore CA1031
        {
            received = new UnusableMessageEvent(string.Empty, topic ?? string.Empty, options.TimeProvider.GetUtcNow(), payload, "decoder failed: " + e.Message);
        }

        pending.Offer(received);
        events.Writer.TryWrite(received);
    }

    private void OnSessionChanged(bool connected, int connections) =>
        events.Writer.TryWrite(new SessionChangedEvent(string.Empty, string.Empty, options.TimeProvider.GetUtcNow(), connected, connections));
}
