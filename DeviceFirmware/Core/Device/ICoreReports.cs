using DeviceFirmware.Core.Dispatch;

namespace DeviceFirmware.Core.Device
{
    /// <summary>
    /// What the core decided, told to its host as it happens, so that the host only has to log it: the numbers come
    /// from the session supervisor, never recomputed by a host. Called on the thread running the core; an
    /// implementation must not call back into the core, and should not block (the core waits for it).
    /// </summary>
    public interface ICoreReports
    {
        /// <summary>The session is up: CONNACK accepted, subscribed, status broadcast.</summary>
        void Connected();

        /// <summary>
        /// A connect attempt failed (refused, unreachable, or aborted past its timeout): <paramref name="failedAttempts"/>
        /// in a row so far; the next attempt is due in <paramref name="nextAttemptInMs"/>.
        /// </summary>
        void ConnectAttemptFailed(int failedAttempts, long nextAttemptInMs);

        /// <summary>
        /// The session ended: dropped by the core after <paramref name="missedPings"/> PINGRESPs missed in a row
        /// (<paramref name="droppedAsDead"/>), or lost under it. It had been up <paramref name="connectedMs"/>; when that
        /// was too short to count as stable, <paramref name="failedAttempts"/> is above 0 and the next attempt waits
        /// <paramref name="nextAttemptInMs"/>; otherwise the core reconnects at once.
        /// </summary>
        void SessionEnded(bool droppedAsDead, int missedPings, long connectedMs, int failedAttempts, long nextAttemptInMs);

        /// <summary>
        /// A message was not run (<paramref name="outcome"/>); the Apps already got the reason as a 0x0012 Warning
        /// (rate-limited). <paramref name="refusal"/> builds the same text, only if asked.
        /// </summary>
        void MessageRefused(DispatchOutcome outcome, RefusalReport refusal);
    }
}
