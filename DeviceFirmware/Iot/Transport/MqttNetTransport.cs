#nullable enable
using System;
using System.Buffers;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.Core.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace DeviceFirmware.Iot.Transport;

/// <summary>
/// <see cref="IMqttTransport"/> over MQTTnet 5 (MQTT 3.1 by default, or 3.1.1: <see cref="MqttConnection.Version"/>; QoS 0, clean session). MQTTnet is asynchronous and the core is
/// not: every outcome is reported to <see cref="ITransportEvents"/> (the host loop, which decides what runs when), and each connect attempt gets a
/// new client and a generation number (<see cref="MqttAttempts"/>), so a late answer from an abandoned attempt can never
/// be taken for the current one. Publishes are copied and sent in order from the loop thread, at most a bounded number waiting.
/// MQTTnet has no auto-reconnect and its own keep-alive only fires after a silent keep-alive period; our pings come
/// every 60 s, so the supervisor alone decides pings and reconnects.
/// </summary>
public sealed class MqttNetTransport : IMqttTransport, IAsyncDisposable
{
    private const int OutgoingCapacity = 256;
    private readonly MqttConnection connection;
    private readonly ITransportEvents events;
    private readonly ILogger logger;
    private readonly MqttClientFactory factory = new();
    private readonly LimitedMqttClientAdapterFactory adapters;
    private readonly BrokerCertificateCheck? certificateCheck;
    private readonly MqttAttempts attempts;
    private Task lastSend = Task.CompletedTask;
    private int pendingSends;

    /// <summary>Creates the transport; nothing connects until the core asks.</summary>
    public MqttNetTransport(MqttConnection connection, ITransportEvents events, ILogger<MqttNetTransport> logger)
    {
        this.connection = connection;
        this.events = events;
        this.logger = logger;
        attempts = new MqttAttempts(CloseClientAsync);

        // A packet over the protocol's largest frame ends the connection before its body is read (MqttPacketLimits).
        adapters = new LimitedMqttClientAdapterFactory(
            MqttPacketLimits.MaxPacketBytes,
            (declared, limit) => logger.LogWarning("Broker sent a packet of {Declared} bytes (limit {Limit}): connection closed", declared, limit));
        if (connection.Tls) certificateCheck = new BrokerCertificateCheck(connection.CaFile);
    }

    /// <summary>Publishes dropped because the outgoing queue was full.</summary>
    public long DroppedPublishes => Interlocked.Read(ref droppedPublishes);

    private long droppedPublishes;

    /// <inheritdoc/>
    public void BeginConnect(string clientId, string userName, string password, int keepAliveSeconds, string subscribeTopic)
    {
        IMqttClient fresh = factory.CreateMqttClient(adapters);
        int attempt = attempts.Begin(fresh, out CancellationToken cancel);
        fresh.ApplicationMessageReceivedAsync += e =>
        {
            if (!attempts.IsCurrent(attempt)) return Task.CompletedTask;
            Deliver(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        fresh.DisconnectedAsync += e =>
        {
            if (!attempts.Lose(attempt)) return Task.CompletedTask;
            logger.LogWarning("Connection to {Host}:{Port} lost ({Reason})", connection.Host, connection.Port, e.Reason);
            events.ConnectionLost();
            return Task.CompletedTask;
        };

        MqttClientOptions options = BuildOptions(clientId, userName, password, keepAliveSeconds);
        _ = Task.Run(() => ConnectAsync(fresh, options, subscribeTopic, attempt, cancel), CancellationToken.None);
    }

    /// <inheritdoc/>
    public void AbortConnect()
    {
        attempts.Abandon();

        logger.LogWarning("Connect attempt to {Host}:{Port} abandoned after its timeout", connection.Host, connection.Port);
    }

    /// <inheritdoc/>
    public void SendPing()
    {
        IMqttClient? current = attempts.ConnectedAttempt(out int attempt);
        if (current is null) return;
        _ = Task.Run(async () =>
        {
            using var timeout = new CancellationTokenSource(connection.PingTimeoutMs);
            try
            {
                await current.PingAsync(timeout.Token).ConfigureAwait(false);
                if (attempts.IsCurrent(attempt)) events.PingResponse();
            }
            catch (Exception e) when (e is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
            {
                logger.LogDebug("PINGREQ got no PINGRESP: {Reason}", e.Message);
            }
        });
    }

    /// <inheritdoc/>
    public void Disconnect() => attempts.Abandon();

    /// <inheritdoc/>
    /// <remarks>
    /// Called by the core, so only from the loop thread. A publish starts at once on that thread when the previous one
    /// has finished (the usual case: a QoS 0 PUBLISH is one socket write), else right after it, so order holds without a
    /// sender thread in between; at most <see cref="OutgoingCapacity"/> wait, so a stalled socket costs a counter.
    /// </remarks>
    public bool Publish(string topic, byte[] payload, int offset, int count)
    {
        IMqttClient? current = attempts.Connected;
        if (current is null) return false;
        if (Interlocked.Increment(ref pendingSends) > OutgoingCapacity)
        {
            Interlocked.Decrement(ref pendingSends);
            Interlocked.Increment(ref droppedPublishes);
            return false;
        }

        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.AsSpan(offset, count).ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .Build();
        lastSend = lastSend.IsCompleted
            ? SendAsync(current, message)
            : lastSend.ContinueWith(_ => SendAsync(current, message), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        return true;
    }

    /// <summary>Closes the connection cleanly (DISCONNECT) and waits up to <paramref name="timeoutMs"/> for it.</summary>
    /// <remarks>Also waits for clients retired earlier (the core's own Disconnect at stop), so that a process exiting right
    /// after this never cuts a DISCONNECT short: the broker must see a clean goodbye, not a dead connection.</remarks>
    public async Task CloseAsync(int timeoutMs)
    {
        if (!await attempts.CloseAllAsync(timeoutMs).ConfigureAwait(false)) logger.LogWarning("MQTT disconnect did not finish within {Timeout} ms", timeoutMs);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await CloseAsync(2000).ConfigureAwait(false);

    // The CONNECT is the one every session of this project sends (MqttConnectOptions, shared with the App client).
    private MqttClientOptions BuildOptions(string clientId, string userName, string password, int keepAliveSeconds) =>
        MqttConnectOptions.Build(
            connection.Host,
            connection.Port,
            connection.Version,
            clientId,
            userName,
            password,
            keepAliveSeconds,
            connection.PingTimeoutMs,
            certificateCheck is null ? null : certificateCheck.IsTrusted);

    private async Task ConnectAsync(IMqttClient fresh, MqttClientOptions options, string subscribeTopic, int attempt, CancellationToken cancel)
    {
        try
        {
            MqttClientConnectResult result = await fresh.ConnectAsync(options, cancel).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success) throw new InvalidOperationException($"CONNACK {result.ResultCode}");
            MqttClientSubscribeOptions subscribe = factory.CreateSubscribeOptionsBuilder()
                .WithTopicFilter(subscribeTopic, MqttQualityOfServiceLevel.AtMostOnce)
                .Build();
            MqttClientSubscribeResult granted = await fresh.SubscribeAsync(subscribe, cancel).ConfigureAwait(false);
            foreach (MqttClientSubscribeResultItem item in granted.Items)
            {
                if (item.ResultCode != MqttClientSubscribeResultCode.GrantedQoS0) throw new InvalidOperationException($"SUBACK {item.ResultCode} for {subscribeTopic}");
            }

            if (!attempts.IsCurrent(attempt)) return;
            if (!attempts.Announce(attempt, () => fresh.IsConnected)) throw new InvalidOperationException("the connection closed while subscribing");

            logger.LogInformation("Connected to {Host}:{Port} as {ClientId} over MQTT {Version}, subscribed {Topic}", connection.Host, connection.Port, options.ClientId, MqttVersions.Name(connection.Version), subscribeTopic);
            events.Connected();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (!attempts.IsCurrent(attempt)) return;
            logger.LogWarning("Connect to {Host}:{Port} failed: {Reason}", connection.Host, connection.Port, Innermost(e).Message);
            events.ConnectFailed();
        }
    }

    // MQTTnet 5.2.0 gives every PUBLISH a payload array of its own (MqttV3PacketFormatter.DecodePublishPacket takes it
    // from MqttBufferReader.ReadRemainingData, which allocates and copies), so the array is the message's: it goes to the
    // core as it is, run at once or queued, never copied again. A payload in several segments (not produced by that
    // reader) is made one array first.
    private void Deliver(MqttApplicationMessage message)
    {
        ReadOnlySequence<byte> payload = message.Payload;
        ArraySegment<byte> bytes = payload.IsSingleSegment && MemoryMarshal.TryGetArray(payload.First, out ArraySegment<byte> single) && single.Array is not null
            ? single
            : new ArraySegment<byte>(payload.ToArray());
        events.Message(message.Topic, bytes.Array!, bytes.Offset, bytes.Count, message.Retain, payloadReused: false);
    }

    private async Task SendAsync(IMqttClient sender, MqttApplicationMessage message)
    {
        try
        {
            await sender.PublishAsync(message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never logged above Debug: a failed publish of a log must not become a log to publish.
            logger.LogDebug("Publish on {Topic} failed: {Reason}", message.Topic, e.Message);
        }
        finally
        {
            Interlocked.Decrement(ref pendingSends);
        }
    }

    // MQTTnet wraps the cause (refused, TLS, timeout) in "Error while connecting host"; the user needs the cause.
    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }

    private Task CloseClientAsync(IMqttClient old, int timeoutMs) =>
        MqttGoodbye.CloseAsync(old, timeoutMs, e => logger.LogDebug("DISCONNECT failed: {Reason}", e.Message));
}
