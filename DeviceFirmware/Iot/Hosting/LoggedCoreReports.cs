#nullable enable
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Dispatch;
using Microsoft.Extensions.Logging;

namespace DeviceFirmware.Iot.Hosting;

/// <summary>
/// The core's decisions in the host's log: without them a half-open connection is dropped silently and nobody can
/// tell when the next connect attempt comes (docs/protocol.md §4). The numbers are the core's; nothing is recomputed.
/// </summary>
public sealed class LoggedCoreReports : ICoreReports
{
    private readonly ILogger session;
    private readonly ILogger refusals;

    /// <summary>
    /// Logs session decisions to <paramref name="session"/>, refused messages to <paramref name="refusals"/> (the same
    /// text as their 0x0012 Warning; give it a category <c>AppLoggerProvider</c> never forwards, so the Apps do not get it twice).
    /// </summary>
    public LoggedCoreReports(ILogger session, ILogger refusals)
    {
        this.session = session;
        this.refusals = refusals;
    }

    /// <inheritdoc/>
    public void Connected()
    {
        // The transport logs the connection itself, with the broker and the MQTT version.
    }

    /// <inheritdoc/>
    public void ConnectAttemptFailed(int failedAttempts, long nextAttemptInMs) =>
        session.LogInformation("Connect attempt {Failed} failed; attempt {Next} in {Wait} ms", failedAttempts, failedAttempts + 1, nextAttemptInMs);

    /// <inheritdoc/>
    public void SessionEnded(bool droppedAsDead, int missedPings, long connectedMs, int failedAttempts, long nextAttemptInMs)
    {
        if (droppedAsDead) session.LogWarning("{Missed} PINGRESPs missed in a row: connection dropped as dead", missedPings);
        string what = droppedAsDead ? "Session dropped" : "Session lost";

        // A connection lost soon after it was made counts as a failed attempt (SessionSettings.StableConnectionMs): say so,
        // with the wait, so that a broker kicking us after SUBACK shows in the log as a growing schedule, not as silence.
        if (failedAttempts == 0)
        {
            session.LogInformation("{What} after {Lived} ms: reconnecting at once (attempt 1)", what, connectedMs);
        }
        else
        {
            session.LogWarning("{What} {Lived} ms after it was made: counted as failed attempt {Failed}; attempt {Next} in {Wait} ms",
                what, connectedMs, failedAttempts, failedAttempts + 1, nextAttemptInMs);
        }
    }

    /// <inheritdoc/>
    public void MessageRefused(DispatchOutcome outcome, RefusalReport refusal)
    {
        if (refusals.IsEnabled(LogLevel.Warning)) refusals.LogWarning("{Refusal}", refusal.Build());
    }
}
