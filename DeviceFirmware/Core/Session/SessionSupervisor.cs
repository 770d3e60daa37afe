namespace DeviceFirmware.Core.Session
{
    /// <summary>
    /// The MQTT session's heartbeat and reconnect rules (docs/protocol.md §4) as a pure state machine over an
    /// injected clock: it never sleeps, never touches a socket and never allocates. The host reports
    /// events (<see cref="OnConnected"/>, <see cref="OnConnectFailed"/>, <see cref="OnConnectionLost"/>,
    /// <see cref="OnPingResponse"/>) and calls <see cref="Poll"/> at or after <see cref="NextDeadline"/> to
    /// learn what to do. Reconnect: at once after a drop, then 10 s, 20 s, 30 s … (+10 s per failure,
    /// capped at 10 minutes, each plus the device's fixed spread, <see cref="ReconnectSpread"/>); a restart, or the loss of a
    /// connection that lived at least <see cref="SessionSettings.StableConnectionMs"/>, starts again from at once. A
    /// connection lost sooner counts as one more failed attempt, so a broker that accepts and then drops every connection
    /// (a duplicate DID, an ACL kick) meets the growing schedule instead of a connect storm.
    /// </summary>
    public sealed class SessionSupervisor
    {
        private readonly SessionSettings settings;
        private readonly int spreadMs;
        private long deadline;
        private long connectedAt;
        private long connectStartedAt;
        private bool awaitingPong;

        /// <summary>Creates a stopped supervisor with no spread.</summary>
        public SessionSupervisor(SessionSettings settings)
            : this(settings, 0)
        {
        }

        /// <summary>Creates a stopped supervisor whose waits after a failure are <paramref name="spreadMs"/> longer (see <see cref="ReconnectSpread"/>).</summary>
        public SessionSupervisor(SessionSettings settings, int spreadMs)
        {
            this.settings = settings;
            this.spreadMs = spreadMs < 0 ? 0 : spreadMs;
        }

        /// <summary>Where the session is.</summary>
        public SessionState State { get; private set; }

        /// <summary>
        /// Connect attempts that failed since the last stable connection (or start); a connection lost within
        /// <see cref="SessionSettings.StableConnectionMs"/> counts as a failed attempt.
        /// </summary>
        public int FailedAttempts { get; private set; }

        /// <summary>PINGRESPs missed in a row on the current connection.</summary>
        public int MissedPings { get; private set; }

        /// <summary>PINGRESPs missed in a row after which <see cref="Poll"/> drops the connection (the settings' value).</summary>
        public int MaxMissedPings => settings.MaxMissedPings;

        /// <summary>When (clock milliseconds) <see cref="Poll"/> next has something to do.</summary>
        public long NextDeadline => deadline;

        /// <summary>Connections established since start (the host broadcasts the full status after each).</summary>
        public int Connections { get; private set; }

        /// <summary>How long (ms) the last connection lived before it was lost.</summary>
        public long LastConnectionMs { get; private set; }

        /// <summary>The wait before attempt number <paramref name="failures"/>+1: 0, then 10 s, 20 s, … capped, plus the spread after a failure.</summary>
        public long WaitAfterFailures(int failures)
        {
            if (failures <= 0) return 0;
            long wait = (long)failures * settings.ReconnectStepMs;
            return (wait > settings.MaxReconnectWaitMs ? settings.MaxReconnectWaitMs : wait) + spreadMs;
        }

        /// <summary>Starts (or restarts) the session: the first attempt is due at once.</summary>
        public void Start(long now)
        {
            FailedAttempts = 0;
            MissedPings = 0;
            awaitingPong = false;
            State = SessionState.Waiting;
            deadline = now;
        }

        /// <summary>Stops: <see cref="Poll"/> returns nothing until the next <see cref="Start"/>.</summary>
        public void Stop()
        {
            State = SessionState.Stopped;
        }

        /// <summary>The attempt began by <see cref="SessionAction.Connect"/> succeeded (CONNACK accepted, subscribed).</summary>
        public void OnConnected(long now)
        {
            if (State != SessionState.Connecting) return;
            State = SessionState.Connected;
            connectedAt = now;
            MissedPings = 0;
            awaitingPong = false;
            Connections++;
            deadline = now + settings.PingIntervalMs;
        }

        /// <summary>The attempt failed (refused, unreachable, or aborted after its timeout).</summary>
        public void OnConnectFailed(long now)
        {
            if (State != SessionState.Connecting) return;
            FailedAttempts++;
            State = SessionState.Waiting;
            deadline = now + WaitAfterFailures(FailedAttempts);
        }

        /// <summary>
        /// The connection closed under us (or we dropped it): reconnect at once if it had lived at least
        /// <see cref="SessionSettings.StableConnectionMs"/>; otherwise it counts as a failed attempt and the schedule goes on.
        /// </summary>
        public void OnConnectionLost(long now)
        {
            if (State != SessionState.Connected) return;
            State = SessionState.Waiting;
            MissedPings = 0;
            awaitingPong = false;
            LastConnectionMs = now - connectedAt;
            if (LastConnectionMs >= settings.StableConnectionMs)
            {
                FailedAttempts = 0;
                deadline = now;
            }
            else
            {
                FailedAttempts++;
                deadline = now + WaitAfterFailures(FailedAttempts);
            }
        }

        /// <summary>A PINGRESP arrived.</summary>
        public void OnPingResponse(long now)
        {
            if (State != SessionState.Connected) return;
            awaitingPong = false;
            MissedPings = 0;
        }

        /// <summary>Returns what to do at <paramref name="now"/>; <see cref="SessionAction.None"/> before the deadline.</summary>
        public SessionAction Poll(long now)
        {
            switch (State)
            {
                case SessionState.Waiting:
                    if (now < deadline) return SessionAction.None;
                    State = SessionState.Connecting;
                    connectStartedAt = now;
                    deadline = now + settings.ConnectTimeoutMs;
                    return SessionAction.Connect;

                case SessionState.Connecting:
                    if (now - connectStartedAt < settings.ConnectTimeoutMs) return SessionAction.None;
                    OnConnectFailed(now);
                    return SessionAction.AbortConnect;

                case SessionState.Connected:
                    if (FailedAttempts > 0 && now - connectedAt >= settings.StableConnectionMs) FailedAttempts = 0;
                    if (now < deadline) return SessionAction.None;
                    if (awaitingPong)
                    {
                        MissedPings++;
                        if (MissedPings >= settings.MaxMissedPings)
                        {
                            OnConnectionLost(now);
                            return SessionAction.Drop;
                        }
                    }

                    awaitingPong = true;
                    deadline = now + settings.PingIntervalMs;
                    return SessionAction.Ping;

                default:
                    return SessionAction.None;
            }
        }
    }
}
