using System;
using System.Buffers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Iot.Transport;
using DeviceFirmware.MockCloud.M2m;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;

namespace DeviceFirmware.MockCloud.App;

/// <summary>
/// The MQTTnet work of an App's connection, one attempt at a time, as the session loop asks for it: a fresh client per
/// attempt, tracked by the <see cref="MqttAttempts"/> the firmware's transport uses too (so a late answer of an
/// abandoned attempt is never taken for the current one); CONNECT with the shared <see cref="MqttConnectOptions"/>;
/// the App's subscriptions after every CONNACK; PINGREQs. Outcomes are reported, never acted on here: the loop owns
/// the decisions. Messages of the current attempt go to the receiver unchanged, on MQTTnet's thread.
/// </summary>
internal sealed class AppConnectAttempts : IDisposable
{
    private readonly AppClientOptions options;
    private readonly string clientId;
    private readonly string userName;
    private readonly AppSubscriptions subscriptions;
    private readonly ILogger logger;
    private readonly Action<string, byte[]> received;
    private readonly Action<AppSessionSignal> report;
    private readonly MqttAttempts attempts;
    private readonly MqttClientFactory factory = new();
    private readonly BrokerCertificateCheck? caCheck;
    private readonly X509Certificate2? pinned;

    /// <summary>Attempts for one App; <paramref name="report"/> is called from MQTTnet's threads and must only queue.</summary>
    public AppConnectAttempts(
        AppClientOptions options,
        string clientId,
        string userName,
        AppSubscriptions subscriptions,
        ILogger logger,
        Action<string, byte[]> received,
        Action<AppSessionSignal> report)
    {
        this.options = options;
        this.clientId = clientId;
        this.userName = userName;
        this.subscriptions = subscriptions;
        this.logger = logger;
        this.received = received;
        this.report = report;
        attempts = new MqttAttempts((old, timeoutMs) => MqttGoodbye.CloseAsync(old, timeoutMs, e => logger.LogDebug("App {ClientId}: DISCONNECT failed: {Reason}", clientId, e.Message)));
        if (options.Tls)
        {
            caCheck = new BrokerCertificateCheck(options.TrustedCertificateFile);
            pinned = options.TrustedCertificateFile == null ? null : X509CertificateLoader.LoadCertificateFromFile(options.TrustedCertificateFile);
        }
    }

    /// <summary>The connected (CONNACK and SUBACK in) client, or null.</summary>
    public IMqttClient? Connected => attempts.Connected;

    private string Address => options.Address;

    /// <summary>True while <paramref name="attempt"/> is the newest attempt.</summary>
    public bool IsCurrent(int attempt) => attempts.IsCurrent(attempt);

    /// <summary>Gives up the current attempt or connection (no CONNACK in time, pings missed); its client says goodbye.</summary>
    public void Abandon() => attempts.Abandon();

    /// <summary>Gives up everything and waits at most <paramref name="timeoutMs"/> for every goodbye.</summary>
    public Task<bool> CloseAllAsync(int timeoutMs) => attempts.CloseAllAsync(timeoutMs);

    /// <summary>
    /// Starts a new attempt in the background. <paramref name="connectedBefore"/> tells whether a device's refused topics
    /// are the caller's mistake (the first connect) or an unbinding meanwhile (<see cref="AppSubscriptions.SubscribeAllAsync"/>).
    /// </summary>
    public void BeginConnect(Func<bool> connectedBefore)
    {
        IMqttClient fresh = factory.CreateMqttClient();
        int attempt = attempts.Begin(fresh, out CancellationToken cancel);
        fresh.ApplicationMessageReceivedAsync += e =>
        {
            if (attempts.IsCurrent(attempt)) received(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
        fresh.DisconnectedAsync += _ =>
        {
            if (attempts.Lose(attempt)) report(new AppSessionSignal(AppSessionSignalKind.Lost, attempt, null));
            return Task.CompletedTask;
        };

        _ = Task.Run(() => ConnectAsync(fresh, attempt, connectedBefore, cancel), CancellationToken.None);
    }

    /// <summary>Sends a PINGREQ on the live connection (if any); a PINGRESP is reported as <see cref="AppSessionSignalKind.Pong"/>.</summary>
    public void SendPing()
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
                    report(new AppSessionSignal(AppSessionSignalKind.Pong, attempt, null));
                }
                catch (Exception e) when (e is OperationCanceledException or MqttCommunicationException or InvalidOperationException or ObjectDisposedException)
                {
                    logger.LogDebug("App {ClientId}: PINGREQ got no PINGRESP: {Reason}", clientId, e.Message);
                }
            },
            CancellationToken.None);
    }

    /// <summary>Releases the pinned broker certificate (call after <see cref="CloseAllAsync"/>).</summary>
    public void Dispose() => (pinned as IDisposable)?.Dispose();

    private async Task ConnectAsync(IMqttClient fresh, int attempt, Func<bool> connectedBefore, CancellationToken cancel)
    {
        try
        {
            MqttClientOptions connect = MqttConnectOptions.Build(
                options.Host,
                options.Port,
                options.MqttVersion,
                clientId,
                userName,
                options.Token,
                options.Session.KeepAliveSeconds,
                options.Session.ConnectTimeoutMs,
                options.Tls ? IsTrusted : null);
            MqttClientConnectResult result = await fresh.ConnectAsync(connect, cancel).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success) throw Refused(result.ResultCode);

            await subscriptions.SubscribeAllAsync(fresh, Address, connectedBefore, cancel).ConfigureAwait(false);

            if (!attempts.IsCurrent(attempt)) return;
            if (!attempts.Announce(attempt, () => fresh.IsConnected)) throw new MqttCommunicationException("the connection closed while subscribing");

            report(new AppSessionSignal(AppSessionSignalKind.Connected, attempt, null));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (!attempts.IsCurrent(attempt)) return;
            report(new AppSessionSignal(AppSessionSignalKind.ConnectFailed, attempt, Classify(e)));
        }
    }

    // What the App's user is told: a refusal as such, anything else as "M2M unreachable" with the socket error when
    // there is one (MQTTnet wraps it).
    private Exception Classify(Exception e) => e switch
    {
        AppConnectRefusedException or DeviceNotBoundException => e,
        _ => new CloudUnreachableException(Address, e is MqttCommunicationException { InnerException: SocketException socket } ? socket : e),
    };

    private AppConnectRefusedException Refused(MqttClientConnectResultCode code) =>
        new(Address, code.ToString(), code is MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized);

    // The CA check (system trust, or chaining to the given file), or the given file pinned as the broker's own certificate.
    private bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors) =>
        caCheck!.IsTrusted(certificate, errors) || (pinned != null && M2mCertificate.IsTrusted(pinned, certificate, errors));
}
