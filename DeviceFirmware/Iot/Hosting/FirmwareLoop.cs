#nullable enable
using System;
using System.Buffers;
using System.Threading;
using DeviceFirmware.Core;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Core.Session;
using DeviceFirmware.Iot.Logging;
using Microsoft.Extensions.Logging;

namespace DeviceFirmware.Iot.Hosting;

/// <summary>
/// The one thread that runs the core: it sleeps until the core's next deadline or the next event (a message, a
/// session outcome, a log), hands the event over, then ticks. The core is single-threaded by design (as on the
/// ESP32), so nothing else ever calls it.
/// </summary>
public sealed class FirmwareLoop : IDisposable
{
    private readonly DeviceCore core;
    private readonly FirmwareInbox inbox;
    private readonly IClock clock;
    private readonly AppLoggerProvider? appLogs;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private readonly ManualResetEventSlim stopped = new(false);
    private readonly object coreGate = new();

    // Big enough for every frame a product's commands can need; a larger one goes the queued way (and is refused there).
    private readonly byte[] receiveBuffer = new byte[4096];
    private Thread? thread;
    private bool running;

    /// <summary>Creates the loop; nothing runs until <see cref="Start"/>.</summary>
    public FirmwareLoop(DeviceCore core, FirmwareInbox inbox, IClock clock, AppLoggerProvider? appLogs, ILogger<FirmwareLoop> logger)
    {
        this.core = core;
        this.inbox = inbox;
        this.clock = clock;
        this.appLogs = appLogs;
        this.logger = logger;
    }

    /// <summary>Where refused messages are logged locally (the same text as their 0x0012 Warning); null = not logged.</summary>
    public ILogger? RefusalLogger { get; set; }

    /// <summary>Starts the loop thread: outputs to their safe level, then the session.</summary>
    public void Start()
    {
        thread = new Thread(Run) { Name = "firmware-loop", IsBackground = true };
        thread.Start();
    }

    /// <summary>Stops the loop: the core drives outputs safe and disconnects; waits up to <paramref name="timeoutMs"/>.</summary>
    public bool Stop(int timeoutMs)
    {
        stop.Cancel();
        return thread is null || stopped.Wait(timeoutMs);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stop(2000);
        stop.Dispose();
        stopped.Dispose();
    }

    /// <summary>
    /// Runs a received message at once on the calling thread (MQTTnet's receive thread) when the core is idle and nothing
    /// is queued before it: the reply then leaves without waking the loop thread, and the payload is copied into the
    /// loop's own receive buffer, so this path allocates nothing of ours. Otherwise false, and the caller queues the
    /// message. The core stays single-threaded: it only ever runs under one lock, and events run in the order they came.
    /// </summary>
    public bool TryHandleNow(string topic, ReadOnlySequence<byte> payload, bool retained)
    {
        if (payload.Length > receiveBuffer.Length || !inbox.IsEmpty || !Monitor.TryEnter(coreGate)) return false;
        try
        {
            if (!running || !inbox.IsEmpty) return false;
            payload.CopyTo(receiveBuffer);
            LogRefusal(core.OnMessage(topic, receiveBuffer, 0, (int)payload.Length, retained));
            AfterEvents();
            return true;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // As in the loop: log, then let the loop stop the core, which drives the outputs safe.
            logger.LogCritical(failure, "Firmware core failed");
            stop.Cancel();
            return true;
        }
        finally
        {
            Monitor.Exit(coreGate);
        }
    }

    private void Run()
    {
        try
        {
            lock (coreGate)
            {
                core.Start();
                running = true;
            }

            while (!stop.IsCancellationRequested)
            {
                long wait;
                lock (coreGate) wait = core.NextDeadlineMs - clock.NowMs;
                inbox.Wait((int)Math.Clamp(wait, 0, 1000), stop.Token);

                // Events are only taken under the lock, so one handled inline can never overtake one taken here.
                lock (coreGate)
                {
                    while (inbox.TryTake(out FirmwareEvent? next)) Handle(next!);
                    AfterEvents();
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in the core must not leave a relay on: log it, then fall through to the safe stop below.
            logger.LogCritical(e, "Firmware loop failed");
        }
        finally
        {
            lock (coreGate)
            {
                running = false;
                core.Stop();
            }

            stopped.Set();
        }
    }

    // Caller holds the core lock. The App log threshold follows a 0x0010 at once, so the very next log is filtered right.
    private void AfterEvents()
    {
        Report(core.Tick());
        if (appLogs is not null) appLogs.Threshold = core.Log.Threshold;
    }

    // The session's own decisions, in the log: without them a half-open connection is dropped silently and nobody
    // can tell from the log when the next connect attempt comes (docs/protocol.md §4).
    private void Report(SessionAction action)
    {
        switch (action)
        {
            case SessionAction.Drop:
                logger.LogWarning("{Missed} PINGRESPs missed in a row: connection dropped as dead", core.Session.MaxMissedPings);
                ReportLoss("Session dropped");
                break;
            case SessionAction.AbortConnect:
                ReportNextAttempt();
                break;
        }
    }

    // A connection lost soon after it was made counts as a failed attempt (SessionSettings.StableConnectionMs): say so, with
    // the wait, so that a broker kicking us after SUBACK shows up in the log as a growing schedule, not as silence.
    private void ReportLoss(string what)
    {
        int failures = core.Session.FailedAttempts;
        if (failures == 0)
        {
            logger.LogInformation("{What} after {Lived} ms: reconnecting at once (attempt 1)", what, core.Session.LastConnectionMs);
        }
        else
        {
            logger.LogWarning("{What} {Lived} ms after it was made: counted as failed attempt {Failed}; attempt {Next} in {Wait} ms",
                what, core.Session.LastConnectionMs, failures, failures + 1, core.Session.WaitAfterFailures(failures));
        }
    }

    // The core already sent the refusal to the Apps (0x0012, rate-limited); the host's own log gets the same text. Its
    // category is never forwarded to the Apps (AppLoggerProvider.IsExcluded), so the Apps do not get it twice.
    private void LogRefusal(DispatchOutcome outcome)
    {
        if (outcome is DispatchOutcome.Handled or DispatchOutcome.Repeated || RefusalLogger is null || !RefusalLogger.IsEnabled(LogLevel.Warning)) return;
        RefusalLogger.LogWarning("{Refusal}", core.Dispatcher.LastRefusal.Build());
    }

    private void ReportNextAttempt()
    {
        int failures = core.Session.FailedAttempts;
        logger.LogInformation("Connect attempt {Failed} failed; attempt {Next} in {Wait} ms", failures, failures + 1, core.Session.WaitAfterFailures(failures));
    }

    private void Handle(FirmwareEvent e)
    {
        switch (e.Kind)
        {
            case FirmwareEventKind.Message:
                LogRefusal(core.OnMessage(e.Topic!, e.Payload!, 0, e.Payload!.Length, e.Retained));
                break;
            case FirmwareEventKind.Connected:
                core.OnConnected();
                break;
            case FirmwareEventKind.ConnectFailed:
                int failuresBefore = core.Session.FailedAttempts;
                core.OnConnectFailed();
                if (core.Session.FailedAttempts != failuresBefore) ReportNextAttempt();
                break;
            case FirmwareEventKind.ConnectionLost:
                bool wasConnected = core.IsConnected;
                core.OnConnectionLost();
                if (wasConnected) ReportLoss("Session lost");
                break;
            case FirmwareEventKind.PingResponse:
                core.OnPingResponse();
                break;
            case FirmwareEventKind.Log:
                core.Log.Emit(e.Level, e.Tag ?? "", e.Source ?? "", e.Content ?? "");
                break;
        }
    }
}
