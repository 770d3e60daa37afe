using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Core.Session;
using DeviceFirmware.Protocol.Identity;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace DeviceFirmware.MockCloud.App;

/// <summary>
/// An App's MQTT connection to M2M (docs/protocol.md §1): MQTT 3.1 or 3.1.1, clean session, keep-alive 120 s,
/// optional TLS, user name <c>2$appid$uid</c> and the login token. The heartbeat and reconnect rules are the firmware's
/// own <see cref="SessionSupervisor"/>: a small loop polls it and carries out what it asks (connect, ping, drop)
/// through <see cref="AppConnectAttempts"/>, and every connect subscribes the App's topics again
/// (<see cref="AppSubscriptions"/>). What arrives is handed on undecoded; publishing is the caller's.
/// </summary>
internal sealed class AppConnection : IAsyncDisposable
{
    private readonly AppClientOptions options;
    private readonly string clientId;
    private readonly ILogger logger;
    private readonly Action<bool, int> sessionChanged;
    private readonly SessionSupervisor supervisor;
    private readonly AppConnectAttempts attempts;
    private readonly ConcurrentQueue<AppSessionSignal> signals = new();
    private readonly SemaphoreSlim signalled = new(0);
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource<Exception?> firstOutcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long startedAt;
    private int connections;
    private Task? loop;
    private int disposed;

    /// <summary>
    /// A connection for the App <paramref name="clientId"/> / <paramref name="userName"/> (validated by the caller);
    /// nothing connects before <see cref="OpenAsync"/>. <paramref name="received"/> gets every message of the current
    /// connection on MQTTnet's receive thread (it must not throw); <paramref name="sessionChanged"/> gets (connected,
    /// connections so far) on the session loop.
    /// </summary>
    public AppConnection(
        AppClientOptions options,
        string clientId,
        string userName,
        AppSubscriptions subscriptions,
        ILogger logger,
        Action<string, byte[]> received,
        Action<bool, int> sessionChanged)
    {
        this.options = options;
        this.clientId = clientId;
        this.logger = logger;
        this.sessionChanged = sessionChanged;
        supervisor = new SessionSupervisor(options.Session);
        attempts = new AppConnectAttempts(options, clientId, userName, subscriptions, logger, received, Post);
        startedAt = options.TimeProvider.GetTimestamp();
    }

    /// <summary>The M2M HOST:PORT.</summary>
    public string Address => options.Address;

    /// <summary>True while connected and subscribed.</summary>
    public bool IsConnected => attempts.Connected != null;

    /// <summary>Connections established since start (each reconnect adds one).</summary>
    public int Connections => Volatile.Read(ref connections);

    /// <summary>The connected MQTTnet client, or null while (re)connecting.</summary>
    public IMqttClient? Current => attempts.Connected;

    private long Now => (long)options.TimeProvider.GetElapsedTime(startedAt).TotalMilliseconds;

    /// <summary>
    /// Starts the session loop and returns once the first connection is up and subscribed; from then on the loop keeps
    /// it connected. The first attempt's failure is thrown: <see cref="CloudUnreachableException"/> (nothing answers, or
    /// no CONNACK in time), <see cref="AppConnectRefusedException"/>, <see cref="DeviceNotBoundException"/>.
    /// </summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        loop = Task.Run(RunAsync, CancellationToken.None);
        Exception? failure = await firstOutcome.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (failure != null) throw failure;
    }

    /// <summary>Publishes <paramref name="frame"/> on <c>app2dev/&lt;DID&gt;/&lt;own&gt;</c> at QoS 0.</summary>
    /// <exception cref="InvalidOperationException">Not connected (reconnecting), or the connection failed meanwhile.</exception>
    public async Task PublishAsync(string did, byte[] frame, CancellationToken cancellationToken)
    {
        if (!Did.IsValid(did)) throw new ArgumentException($"'{did}' is not a DID", nameof(did));
        IMqttClient? current = attempts.Connected;
        if (current == null) throw new InvalidOperationException($"not connected to M2M at {Address} (reconnecting)");
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(Topics.App2Dev(did, clientId))
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

    /// <summary>Stops the session loop and disconnects (DISCONNECT), waiting up to 3 s for the goodbye.</summary>
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
        stop.Dispose();
        signalled.Dispose();
        attempts.Dispose();
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

            while (signals.TryDequeue(out AppSessionSignal signal))
            {
                if (!Handle(signal)) return;
            }

            Act(supervisor.Poll(Now));
        }

        supervisor.Stop();
    }

    // False when the loop must end (the first attempt failed: OpenAsync throws it).
    private bool Handle(AppSessionSignal signal)
    {
        if (!attempts.IsCurrent(signal.Generation)) return true;
        switch (signal.Kind)
        {
            case AppSessionSignalKind.Connected:
                supervisor.OnConnected(Now);
                Volatile.Write(ref connections, supervisor.Connections);
                logger.LogInformation("App {ClientId} connected to M2M at {Address} (connection {Count})", clientId, Address, supervisor.Connections);
                sessionChanged(true, supervisor.Connections);
                firstOutcome.TrySetResult(null);
                return true;
            case AppSessionSignalKind.ConnectFailed:
                if (firstOutcome.TrySetResult(signal.Error)) return false;
                supervisor.OnConnectFailed(Now);
                logger.LogWarning("App {ClientId}: connect to {Address} failed ({Reason}); next attempt in {Seconds} s", clientId, Address, signal.Error?.Message, supervisor.WaitAfterFailures(supervisor.FailedAttempts) / 1000.0);
                return true;
            case AppSessionSignalKind.Lost:
                supervisor.OnConnectionLost(Now);
                logger.LogWarning("App {ClientId}: connection to {Address} lost; reconnecting", clientId, Address);
                sessionChanged(false, supervisor.Connections);
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
                attempts.BeginConnect(() => firstOutcome.Task.IsCompleted);
                break;
            case SessionAction.AbortConnect:
                attempts.Abandon();

                var timedOut = new CloudUnreachableException(Address, new TimeoutException($"no CONNACK within {options.Session.ConnectTimeoutMs / 1000.0} s"));
                if (!firstOutcome.TrySetResult(timedOut)) logger.LogWarning("App {ClientId}: {Reason}", clientId, timedOut.Message);
                break;
            case SessionAction.Ping:
                attempts.SendPing();
                break;
            case SessionAction.Drop:
                attempts.Abandon();

                logger.LogWarning("App {ClientId}: {Missed} PINGRESPs missed; reconnecting", clientId, options.Session.MaxMissedPings);
                sessionChanged(false, supervisor.Connections);
                break;
        }
    }

    // The loop's inbox: MQTTnet's threads report what happened, the loop wakes and hands it to the supervisor in order.
    private void Post(AppSessionSignal signal)
    {
        signals.Enqueue(signal);
        try
        {
            signalled.Release();
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: nobody is listening.
        }
    }
}
