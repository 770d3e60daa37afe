using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DeviceFirmware.Core.Session;
using DeviceFirmware.Iot.Transport;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.P0;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DeviceFirmware.MockCloud.App;

/// <summary>
/// An App on M2M (docs/protocol.md §1, §3, §4): connects with a random <c>usr…</c> AppClientId, user name
/// <c>2$appid$uid</c> and the login token (MQTT 3.1.1, clean session, keep-alive 120 s, optional TLS); subscribes
/// <c>ser2cli_res/&lt;own&gt;</c> and, per device, <c>dev2app/&lt;DID&gt;</c> and <c>dev2app/&lt;DID&gt;/&lt;own&gt;</c>;
/// sends 0x0090, 0x0093 (awaiting the 0x0094 with the same sn), 0x0010 (awaiting 0x0011); and delivers everything
/// received, decoded with each device's product, on <see cref="Events"/>.
/// The heartbeat and reconnect rules are the firmware's own <see cref="SessionSupervisor"/>: a small loop polls it and
/// carries out what it asks (connect, ping, drop), and every reconnect subscribes again.
/// </summary>
public sealed class AppClient : IAsyncDisposable
{
    private readonly AppClientOptions options;
    private readonly string userName;
    private readonly ILogger logger;
    private readonly SessionSupervisor supervisor;
    private readonly MqttClientFactory factory = new();
    private readonly ConcurrentQueue<Signal> signals = new();
    private readonly SemaphoreSlim signalled = new(0);
    private readonly CancellationTokenSource stop = new();
    private readonly Channel<AppEvent> events;
    private readonly object gate = new();
    private readonly Dictionary<string, Product?> devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Did, uint Sn), TaskCompletionSource<DeviceStatusEvent>> pendingReplies = new();
    private readonly Dictionary<string, Queue<TaskCompletionSource<bool>>> pendingSettings = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<Exception?> firstOutcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long startedAt;
    private readonly BrokerCertificateCheck? caCheck;
    private readonly X509Certificate2? pinned;
    private readonly MqttAttempts attempts;
    private int connections;
    private int lastSn;
    private Task? loop;
    private int disposed;

    private AppClient(AppClientOptions options, ILogger logger)
    {
        this.options = options;
        this.logger = logger;
        ClientId = options.ClientId ?? AppClientId.NewRandom(Random.Shared);
        if (!AppClientId.IsValid(ClientId)) throw new ArgumentException($"'{ClientId}' is not an AppClientId (usr + [0-9a-zA-Z], at most 23)", nameof(options));
        userName = AppUserName.Build(options.AppId, options.Uid)
            ?? throw new ArgumentException("AppId and Uid must be non-empty and hold no '$'", nameof(options));
        if (string.IsNullOrEmpty(options.Token)) throw new ArgumentException("Token is required (log in first)", nameof(options));
        if (options.ReplyTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "ReplyTimeout must be positive");
        supervisor = new SessionSupervisor(options.Session);
        attempts = new MqttAttempts(CloseAsync);
        events = Channel.CreateBounded<AppEvent>(new BoundedChannelOptions(Math.Max(1, options.EventCapacity))
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleWriter = false,
        });
        startedAt = options.TimeProvider.GetTimestamp();
        if (options.Tls)
        {
            caCheck = new BrokerCertificateCheck(options.TrustedCertificateFile);
            pinned = options.TrustedCertificateFile == null ? null : X509CertificateLoader.LoadCertificateFromFile(options.TrustedCertificateFile);
        }
    }

    private enum SignalKind
    {
        Connected,
        ConnectFailed,
        Lost,
        Pong,
    }

    /// <summary>This App's AppClientId (<c>usr…</c>).</summary>
    public string ClientId { get; }

    /// <summary>The M2M HOST:PORT.</summary>
    public string Address => options.Address;

    /// <summary>True while connected and subscribed.</summary>
    public bool IsConnected
    {
        get
        {
            return attempts.Connected != null;
        }
    }

    /// <summary>Connections established since start (1 after <see cref="ConnectAsync"/>; each reconnect adds one).</summary>
    public int Connections => Volatile.Read(ref connections);

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
            foreach (KeyValuePair<string, Product?> device in devices) app.Remember(device.Key, device.Value);
        }

        app.loop = Task.Run(app.RunAsync, CancellationToken.None);
        Exception? failure;
        try
        {
            failure = await app.firstOutcome.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (failure == null) return app;
        await app.DisposeAsync().ConfigureAwait(false);
        throw failure;
    }

    /// <summary>The decoded events as an async stream (one reader at a time).</summary>
    public IAsyncEnumerable<AppEvent> ReadEventsAsync(CancellationToken cancellationToken = default) => events.Reader.ReadAllAsync(cancellationToken);

    /// <summary>
    /// Adds a device: subscribes <c>dev2app/&lt;DID&gt;</c> and <c>dev2app/&lt;DID&gt;/&lt;own&gt;</c> now (when connected)
    /// and after every reconnect; its business data is decoded with <paramref name="product"/> (null: left undecoded).
    /// </summary>
    /// <exception cref="DeviceNotBoundException">M2M refused the topics.</exception>
    public async Task AddDeviceAsync(string did, Product? product, CancellationToken cancellationToken = default)
    {
        if (!Did.IsValid(did)) throw new ArgumentException($"'{did}' is not a DID", nameof(did));
        IMqttClient? current;
        lock (gate) devices[did] = product;
        current = attempts.Connected;

        if (current == null) return;
        MqttClientSubscribeResult result = await current.SubscribeAsync(SubscribeOptions(DeviceFilters(did)), cancellationToken).ConfigureAwait(false);
        foreach (MqttClientSubscribeResultItem item in result.Items)
        {
            if (!Granted(item.ResultCode))
            {
                lock (gate) devices.Remove(did);
                throw new DeviceNotBoundException(did);
            }
        }
    }

    /// <summary>The product a device's data is decoded with, or null.</summary>
    public Product? ProductOf(string did)
    {
        lock (gate) return did != null && devices.TryGetValue(did, out Product? product) ? product : null;
    }

    /// <summary>Sends business data <paramref name="p0"/> (from its action byte) as a 0x0090: no sn, no answer awaited.</summary>
    public async Task SendBusinessAsync(string did, byte[] p0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(p0);
        byte[] frame = new byte[FrameWriter.FrameLength(p0.Length)];
        Check(FrameWriter.WriteBusiness(frame, 0, GizwitsCommand.Business, p0, 0, p0.Length, out int length), "0x0090");
        await PublishAsync(did, frame.AsSpan(0, length).ToArray(), cancellationToken).ConfigureAwait(false);
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
        var reply = new TaskCompletionSource<DeviceStatusEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        pendingReplies[(did, sn)] = reply;
        try
        {
            await PublishAsync(did, frame.AsSpan(0, length).ToArray(), cancellationToken).ConfigureAwait(false);
            return await reply.Task.WaitAsync(options.ReplyTimeout, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ReplyTimeoutException(did, $"0x0094 with sn {sn}", options.ReplyTimeout);
        }
        finally
        {
            pendingReplies.TryRemove((did, sn), out _);
        }
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
        var ack = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (!pendingSettings.TryGetValue(did, out Queue<TaskCompletionSource<bool>>? queue)) pendingSettings[did] = queue = new Queue<TaskCompletionSource<bool>>();
            queue.Enqueue(ack);
        }

        try
        {
            await PublishAsync(did, frame.AsSpan(0, length).ToArray(), cancellationToken).ConfigureAwait(false);
            await ack.Task.WaitAsync(options.ReplyTimeout, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ReplyTimeoutException(did, "0x0011 (settings applied)", options.ReplyTimeout);
        }
        finally
        {
            lock (gate)
            {
                if (pendingSettings.TryGetValue(did, out Queue<TaskCompletionSource<bool>>? queue) && !ack.Task.IsCompleted)
                {
                    var rest = new Queue<TaskCompletionSource<bool>>();
                    foreach (TaskCompletionSource<bool> other in queue)
                    {
                        if (other != ack) rest.Enqueue(other);
                    }

                    pendingSettings[did] = rest;
                }
            }
        }
    }

    /// <summary>Stops the session loop, disconnects (DISCONNECT), and completes <see cref="Events"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        await stop.CancelAsync().ConfigureAwait(false);
        if (loop != null)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        await attempts.CloseAllAsync(3000).ConfigureAwait(false);
        firstOutcome.TrySetResult(new ObjectDisposedException(nameof(AppClient)));
        events.Writer.TryComplete();
        stop.Dispose();
        signalled.Dispose();
        (pinned as IDisposable)?.Dispose();
    }

    private long Now => (long)options.TimeProvider.GetElapsedTime(startedAt).TotalMilliseconds;

    private static bool Granted(MqttClientSubscribeResultCode code) =>
        code is MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2;

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

    private static MqttClientSubscribeOptions SubscribeOptions(IEnumerable<string> filters)
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (string filter in filters) builder.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtMostOnce);
        return builder.Build();
    }

    private string[] DeviceFilters(string did) => [Topics.Dev2App(did), Topics.Dev2App(did, ClientId)];

    private void Remember(string did, Product? product)
    {
        if (!Did.IsValid(did)) throw new ArgumentException($"'{did}' is not a DID", nameof(did));
        lock (gate) devices[did] = product;
    }

    private async Task PublishAsync(string did, byte[] frame, CancellationToken cancellationToken)
    {
        if (!Did.IsValid(did)) throw new ArgumentException($"'{did}' is not a DID", nameof(did));
        IMqttClient? current = attempts.Connected;
        if (current == null) throw new InvalidOperationException($"not connected to M2M at {Address} (reconnecting)");
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(Topics.App2Dev(did, ClientId))
            .WithPayload(frame)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .Build();
        try
        {
            await current.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (MqttCommunicationException e)
        {
            throw new InvalidOperationException($"not connected to M2M at {Address}: {e.Message}", e);
        }
    }

    // The session loop: the only caller of the supervisor (it is single-threaded by design, as in the firmware).
    private async Task RunAsync()
    {
        supervisor.Start(Now);
        while (!stop.IsCancellationRequested)
        {
            long wait = Math.Clamp(supervisor.NextDeadline - Now, 0, 1000);
            try
            {
                await signalled.WaitAsync(TimeSpan.FromMilliseconds(wait), stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            while (signals.TryDequeue(out Signal signal))
            {
                if (!Handle(signal)) return;
            }

            Act(supervisor.Poll(Now));
        }

        supervisor.Stop();
    }

    // False when the loop must end (the first attempt failed: ConnectAsync throws it).
    private bool Handle(Signal signal)
    {
        if (!attempts.IsCurrent(signal.Generation)) return true;
        switch (signal.Kind)
        {
            case SignalKind.Connected:
                supervisor.OnConnected(Now);
                Volatile.Write(ref connections, supervisor.Connections);
                logger.LogInformation("App {ClientId} connected to M2M at {Address} (connection {Count})", ClientId, Address, supervisor.Connections);
                Emit(new SessionChangedEvent(string.Empty, string.Empty, options.TimeProvider.GetUtcNow(), true, supervisor.Connections));
                firstOutcome.TrySetResult(null);
                return true;
            case SignalKind.ConnectFailed:
                if (firstOutcome.TrySetResult(signal.Error)) return false;
                supervisor.OnConnectFailed(Now);
                logger.LogWarning("App {ClientId}: connect to {Address} failed ({Reason}); next attempt in {Seconds} s", ClientId, Address, signal.Error?.Message, supervisor.WaitAfterFailures(supervisor.FailedAttempts) / 1000.0);
                return true;
            case SignalKind.Lost:
                supervisor.OnConnectionLost(Now);
                logger.LogWarning("App {ClientId}: connection to {Address} lost; reconnecting", ClientId, Address);
                Emit(new SessionChangedEvent(string.Empty, string.Empty, options.TimeProvider.GetUtcNow(), false, supervisor.Connections));
                return true;
            default:
                supervisor.OnPingResponse(Now);
                return true;
        }
    }

    private void Act(SessionAction action)
    {
        switch (action)
        {
            case SessionAction.Connect:
                BeginConnect();
                break;
            case SessionAction.AbortConnect:
                attempts.Abandon();

                var timedOut = new CloudUnreachableException(Address, new TimeoutException($"no CONNACK within {options.Session.ConnectTimeoutMs / 1000.0} s"));
                if (!firstOutcome.TrySetResult(timedOut)) logger.LogWarning("App {ClientId}: {Reason}", ClientId, timedOut.Message);
                break;
            case SessionAction.Ping:
                SendPing();
                break;
            case SessionAction.Drop:
                attempts.Abandon();

                logger.LogWarning("App {ClientId}: {Missed} PINGRESPs missed; reconnecting", ClientId, options.Session.MaxMissedPings);
                Emit(new SessionChangedEvent(string.Empty, string.Empty, options.TimeProvider.GetUtcNow(), false, supervisor.Connections));
                break;
        }
    }

    private void BeginConnect()
    {
        IMqttClient fresh = factory.CreateMqttClient();
        int attempt = attempts.Begin(fresh, out CancellationToken cancel);
        fresh.ApplicationMessageReceivedAsync += e =>
        {
            if (attempts.IsCurrent(attempt)) OnMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
        fresh.DisconnectedAsync += _ =>
        {
            if (attempts.Lose(attempt)) Post(SignalKind.Lost, attempt, null);
            return Task.CompletedTask;
        };

        _ = Task.Run(() => ConnectAttemptAsync(fresh, attempt, cancel), CancellationToken.None);
    }

    private async Task ConnectAttemptAsync(IMqttClient fresh, int attempt, CancellationToken cancel)
    {
        try
        {
            MqttClientConnectResult result = await fresh.ConnectAsync(BuildOptions(), cancel).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success) throw Refused(result.ResultCode);

            string[] dids;
            lock (gate)
            {
                dids = new string[devices.Count];
                devices.Keys.CopyTo(dids, 0);
            }

            var filters = new List<string> { Topics.Ser2CliRes(ClientId) };
            foreach (string did in dids) filters.AddRange(DeviceFilters(did));
            MqttClientSubscribeResult granted = await fresh.SubscribeAsync(SubscribeOptions(filters), cancel).ConfigureAwait(false);
            foreach (MqttClientSubscribeResultItem item in granted.Items)
            {
                if (Granted(item.ResultCode)) continue;
                string topic = item.TopicFilter.Topic;
                if (!topic.StartsWith(Topics.Dev2AppPrefix, StringComparison.Ordinal)) throw new AppConnectRefusedException(Address, $"subscription to {topic} refused", false);
                string did = topic.Substring(Topics.Dev2AppPrefix.Length).Split('/')[0];

                // At the first connect this is the caller's mistake; later the user was unbound meanwhile: forget the device.
                if (!firstOutcome.Task.IsCompleted) throw new DeviceNotBoundException(did);
                lock (gate) devices.Remove(did);
                logger.LogWarning("App {ClientId}: M2M refused the topics of {Did} (no longer bound); not watching it", ClientId, did);
            }

            if (!attempts.IsCurrent(attempt)) return;
            if (!attempts.Announce(attempt, () => fresh.IsConnected)) throw new MqttCommunicationException("the connection closed while subscribing");

            Post(SignalKind.Connected, attempt, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (!attempts.IsCurrent(attempt)) return;
            Post(SignalKind.ConnectFailed, attempt, Classify(e));
        }
    }

    private Exception Classify(Exception e) => e switch
    {
        AppConnectRefusedException or DeviceNotBoundException => e,
        _ => new CloudUnreachableException(Address, e is MqttCommunicationException { InnerException: SocketException socket } ? socket : e),
    };

    private AppConnectRefusedException Refused(MqttClientConnectResultCode code) =>
        new(Address, code.ToString(), code is MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized);

    private MqttClientOptions BuildOptions()
    {
        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithProtocolVersion(DeviceFirmware.Iot.Transport.MqttConnection.ToMqttNet(options.MqttVersion))
            .WithClientId(ClientId)
            .WithCredentials(userName, options.Token)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.Session.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromMilliseconds(options.Session.ConnectTimeoutMs));
        if (options.Tls)
        {
            builder = builder.WithTlsOptions(tls => tls
                .UseTls()
                .WithTargetHost(options.Host)
                .WithCertificateValidationHandler(args => IsTrusted(args.Certificate, args.SslPolicyErrors)));
        }

        return builder.Build();
    }

    // The CA check (system trust, or chaining to the given file), or the given file pinned as the broker's own certificate.
    private bool IsTrusted(X509Certificate? certificate, System.Net.Security.SslPolicyErrors errors) =>
        caCheck!.IsTrusted(certificate, errors) || (pinned != null && M2mCertificate.IsTrusted(pinned, certificate, errors));

    private void SendPing()
    {
        IMqttClient? current = attempts.ConnectedAttempt(out int attempt);
        if (current == null) return;
        int timeoutMs = Math.Min(options.Session.PingIntervalMs, 10000);
        _ = Task.Run(
            async () =>
            {
                using var timeout = new CancellationTokenSource(timeoutMs);
                try
                {
                    await current.PingAsync(timeout.Token).ConfigureAwait(false);
                    Post(SignalKind.Pong, attempt, null);
                }
                catch (Exception e) when (e is OperationCanceledException or MqttCommunicationException or InvalidOperationException or ObjectDisposedException)
                {
                    logger.LogDebug("App {ClientId}: PINGREQ got no PINGRESP: {Reason}", ClientId, e.Message);
                }
            },
            CancellationToken.None);
    }

    private void Post(SignalKind kind, int attempt, Exception? error)
    {
        signals.Enqueue(new Signal(kind, attempt, error));
        try
        {
            signalled.Release();
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: nobody is listening.
        }
    }

    // The receive path: never throws.
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

        switch (received)
        {
            case DeviceStatusEvent { Sn: uint sn } reply when pendingReplies.TryRemove((reply.Did, sn), out TaskCompletionSource<DeviceStatusEvent>? waiter):
                waiter.TrySetResult(reply);
                break;
            case SettingsAckEvent ack:
                TaskCompletionSource<bool>? settings = null;
                lock (gate)
                {
                    if (pendingSettings.TryGetValue(ack.Did, out Queue<TaskCompletionSource<bool>>? queue) && queue.Count > 0) settings = queue.Dequeue();
                }

                settings?.TrySetResult(true);
                break;
        }

        Emit(received);
    }

    private void Emit(AppEvent e) => events.Writer.TryWrite(e);

    private async Task CloseAsync(IMqttClient old, int timeoutMs)
    {
        try
        {
            if (old.IsConnected)
            {
                using var timeout = new CancellationTokenSource(timeoutMs);
                await old.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogDebug("App {ClientId}: DISCONNECT failed: {Reason}", ClientId, e.Message);
        }
        finally
        {
            old.Dispose();
        }
    }

    private readonly record struct Signal(SignalKind Kind, int Generation, Exception? Error);
}
