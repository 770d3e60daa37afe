using System;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Core.Indicator;
using DeviceFirmware.Core.Logging;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.Core.Peripherals;
using DeviceFirmware.Core.Session;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Core.Device
{
    /// <summary>
    /// The firmware core as the hosts (.NET and nanoFramework) run it: the device state, the dispatcher, the
    /// session supervisor, the log emitter, the indicator LED and the board's outputs, inputs and sensor, wired
    /// together. Not thread-safe: hosts reach it only through <see cref="Hosting.HostLoop"/>, which lets one thread
    /// at a time call the <c>On…</c> members and then <see cref="Tick"/> (after each event, and whenever
    /// <see cref="NextDeadlineMs"/> arrives). What it decides is told to <see cref="DeviceConfig.Reports"/>.
    /// Everything is preallocated here: after start-up a command, a tick or a status broadcast allocates nothing.
    /// <para>
    /// Indicator LED (one decision, in <see cref="CurrentPattern"/>): <see cref="LedPattern.Error"/> (fast blink)
    /// while the sensor is faulty, or while not connected after a failed connect attempt;
    /// <see cref="LedPattern.Connected"/> (on) while connected; otherwise <see cref="LedPattern.Connecting"/>
    /// (slow blink, also right after a connection was lost). Dark whenever an App turned it off with 0x0010.
    /// </para>
    /// </summary>
    public sealed class DeviceCore
    {
        private readonly IClock clock;
        private readonly IMqttTransport transport;
        private readonly string did;
        private readonly string passcode;
        private readonly string subscription;
        private readonly SessionSettings sessionSettings;
        private readonly int stateBytes;
        private readonly ICoreReports reports;
        private readonly DeviceBoard board;
        private long nextInputPoll;
        private bool indicatorLevel;

        /// <summary>
        /// Builds the core on <paramref name="pins"/> for <c>config.Product</c> on <c>config.Board</c>;
        /// <paramref name="sensor"/> and <paramref name="custom"/> may be null (no sensor; 0x05 refused). Start-up only:
        /// throws <see cref="ArgumentException"/> for a missing or invalid DID, a missing product or drivers, or a board
        /// that does not fit the product (the message is <see cref="BoardCheck.Check"/>'s, naming the board field).
        /// Nothing touches a pin before <see cref="Start"/>.
        /// </summary>
        public DeviceCore(DeviceConfig config, IClock clock, IMqttTransport transport, IPinDriver pins, ISensor sensor, ICustomCommandHandler custom)
            : this(config, clock, transport, BoardFor(config, pins), sensor, custom)
        {
        }

        /// <summary>
        /// Builds the core on a <see cref="DeviceBoard"/> the host made (and may have opened, to drive the outputs safe
        /// before the DID was known); the core takes its pins over. <c>config.Product</c> must be the board's product
        /// (<c>config.Board</c> is not read: the board has its map). Throws as the other constructor.
        /// </summary>
        public DeviceCore(DeviceConfig config, IClock clock, IMqttTransport transport, DeviceBoard board, ISensor sensor, ICustomCommandHandler custom)
        {
            if (config == null) throw new ArgumentException("config: missing");
            if (clock == null || transport == null || board == null) throw new ArgumentException("the clock, the transport and the pin driver are required");
            if (!Did.IsValid(config.Did)) throw new ArgumentException("config.Did: not a valid DID (1 to 64 printable ASCII characters without '/', '+', '#')");
            if (config.Product == null) throw new ArgumentException("config.Product: missing");
            if (config.Product != board.Product) throw new ArgumentException("config.Product: not the product the board was built for");

            this.clock = clock;
            this.transport = transport;
            this.board = board;
            did = config.Did;
            passcode = config.Passcode ?? string.Empty;
            subscription = Topics.DeviceSubscription(did);
            sessionSettings = config.Session ?? new SessionSettings();
            reports = config.Reports;

            Settings = new DeviceRuntimeSettings();
            Settings.Apply(DeviceSettings.Compose(config.InitialLogLevel, true));
            Log = new LogEmitter(did, transport, clock, Settings, config.LogMaxContentBytes, config.LogBurst, config.LogRefillMs);
            indicatorLevel = Board.IndicatorActiveLow;
            Sensor = new SensorPoller(config.Product, Board.Sensor, sensor, Log);
            Dispatcher = new Dispatcher(did, State, transport, Outputs, Log, Settings, custom, config.Dispatch ?? new DispatcherOptions());
            Session = new SessionSupervisor(sessionSettings, ReconnectSpread.ForDevice(did, sessionSettings.ReconnectStepMs));
            Indicator = new IndicatorLed(Settings);

            // A long per point value and an int per binary offset (DataPointValues), plus the binary storage.
            stateBytes = (config.Product.Points.Length * (8 + 4)) + State.Binary.Length;
        }

        /// <summary>The raw value of every data point: what status reports carry and outputs follow.</summary>
        internal DataPointValues State => board.State;

        /// <summary>Handles app2dev messages (the core's <see cref="OnMessage"/> goes straight to it).</summary>
        internal Dispatcher Dispatcher { get; }

        /// <summary>The reconnect and heartbeat state machine.</summary>
        internal SessionSupervisor Session { get; }

        /// <summary>The 0x0012 log emitter (through the transport).</summary>
        internal LogEmitter Log { get; }

        /// <summary>The settings an App changes with 0x0010.</summary>
        internal DeviceRuntimeSettings Settings { get; }

        /// <summary>The indicator LED's logic; its <see cref="IndicatorLed.Pattern"/> is set by the core.</summary>
        internal IndicatorLed Indicator { get; }

        /// <summary>The board map in use.</summary>
        internal BoardMap Board => board.Map;

        /// <summary>The output pins.</summary>
        internal BoardOutputs Outputs => board.Outputs;

        /// <summary>The debounced input pins.</summary>
        internal BoardInputs Inputs => board.Inputs;

        /// <summary>The climate sensor poller (disabled without a sensor).</summary>
        internal SensorPoller Sensor { get; }

        /// <summary>The log threshold an App set with 0x0010 (held by the settings only); safe to read from any thread.</summary>
        public LogLevel LogThreshold => Settings.LogLevel;

        /// <summary>The last refused message and why (its text is built only when asked).</summary>
        public RefusalReport LastRefusal => Dispatcher.LastRefusal;

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
        public bool IsStarted { get; private set; }

        /// <summary>True while the MQTT session is up (connected and subscribed).</summary>
        public bool IsConnected => Session.State == SessionState.Connected;

        /// <summary>
        /// Bytes of the buffers preallocated at construction: the dispatcher's (frames, P0, repeat window), the log
        /// frame, the device state and the peripheral tables. Object headers are not counted.
        /// </summary>
        public int PreallocatedBytes => Dispatcher.BufferBytes + Log.BufferSize + stateBytes + Outputs.BufferBytes + Inputs.BufferBytes;

        /// <summary>
        /// The earliest clock time at which <see cref="Tick"/> has something to do (a session deadline, an input
        /// poll, a sensor read, an LED blink edge); the host may sleep until then or until a transport event.
        /// <see cref="long.MaxValue"/> when stopped.
        /// </summary>
        public long NextDeadlineMs
        {
            get
            {
                if (!IsStarted) return long.MaxValue;
                long next = Session.State == SessionState.Stopped ? long.MaxValue : Session.NextDeadline;
                if (Inputs.Count > 0 && nextInputPoll < next) next = nextInputPoll;
                if (Sensor.Enabled && Sensor.NextPollMs < next) next = Sensor.NextPollMs;
                if (Board.IndicatorPin >= 0 && Settings.IndicatorLedEnabled && Indicator.Pattern != LedPattern.Connected)
                {
                    long half = Indicator.Pattern == LedPattern.Error ? IndicatorLed.FastBlinkMs : IndicatorLed.SlowBlinkMs;
                    long edge = ((clock.NowMs / half) + 1) * half;
                    if (edge < next) next = edge;
                }

                return next;
            }
        }

        /// <summary>
        /// Starts the device: every output to its safe value (pins opened at that level), inputs and the indicator
        /// opened, then the session, whose first connect is due at once (at the next <see cref="Tick"/>); so no
        /// output can move before its safe level is set. Does nothing when already started.
        /// </summary>
        public void Start()
        {
            if (IsStarted) return;
            long now = clock.NowMs;
            if (board.IsOpen) Outputs.AllToSafe(State);
            else board.Open(now);

            nextInputPoll = now + Board.InputPollMs;
            Sensor.Start(now);
            Session.Start(now);
            IsStarted = true;
            UpdateIndicator(now);
        }

        /// <summary>Stops the device: every output to its safe value, the connection closed, the session stopped, the indicator dark.</summary>
        public void Stop()
        {
            if (!IsStarted) return;
            Outputs.AllToSafe(State);
            transport.Disconnect();
            Session.Stop();
            IsStarted = false;
            WriteIndicator(false);
        }

        /// <summary>
        /// Does what is due at the clock's time: the session's action on the transport (connect with DID/DID/passcode,
        /// abort a connect past its timeout, ping, or drop after missed pings, which applies the disconnect policy),
        /// the input poll (a change broadcasts the status at once), the sensor read, the indicator level.
        /// Returns the session action it performed (<see cref="SessionAction.None"/> if none). Allocates nothing.
        /// </summary>
        public SessionAction Tick()
        {
            if (!IsStarted) return SessionAction.None;
            long now = clock.NowMs;
            SessionAction action = Session.Poll(now);
            switch (action)
            {
                case SessionAction.Connect:
                    transport.BeginConnect(did, did, passcode, sessionSettings.KeepAliveSeconds, subscription);
                    break;
                case SessionAction.AbortConnect:
                    transport.AbortConnect();
                    ReportFailedAttempt();
                    break;
                case SessionAction.Ping:
                    transport.SendPing();
                    break;
                case SessionAction.Drop:
                    // The supervisor already counts the connection as lost; the transport reports no loss for a drop we asked for.
                    transport.Disconnect();
                    Outputs.OnDisconnect(State);
                    ReportSessionEnded(true);
                    break;
            }

            if (Inputs.Count > 0 && now >= nextInputPoll)
            {
                nextInputPoll = now + Board.InputPollMs;
                if (Inputs.Poll(State, now)) Broadcast(now);
            }

            if (Sensor.Poll(State, now)) Broadcast(now);
            UpdateIndicator(now);
            return action;
        }

        /// <summary>
        /// A message arrived on <c>app2dev/&lt;DID&gt;/#</c>: handled by the dispatcher; one not run is told to
        /// <see cref="DeviceConfig.Reports"/>. Never throws.
        /// </summary>
        public DispatchOutcome OnMessage(string topic, byte[] payload, int offset, int count, bool retained)
        {
            DispatchOutcome outcome = Dispatcher.Handle(topic, payload, offset, count, retained);

            // A 0x0010 may have turned the indicator on or off: show it now rather than at the next tick.
            if (outcome == DispatchOutcome.Handled) UpdateIndicator(clock.NowMs);
            else if (outcome != DispatchOutcome.Repeated && reports != null) reports.MessageRefused(outcome, Dispatcher.LastRefusal);
            return outcome;
        }

        /// <summary>A log from the host's own code, for the Apps: sent as 0x0012 if the threshold and the rate limit let it.</summary>
        public void EmitLog(LogLevel level, string tag, string source, string content)
        {
            Log.Emit(level, tag ?? string.Empty, source ?? string.Empty, content ?? string.Empty);
        }

        /// <summary>The connect attempt succeeded (CONNACK accepted, subscribed): the full status is broadcast, the LED goes on.</summary>
        public void OnConnected()
        {
            long now = clock.NowMs;
            Session.OnConnected(now);
            if (IsConnected)
            {
                Broadcast(now);
                if (reports != null) reports.Connected();
            }

            UpdateIndicator(now);
        }

        /// <summary>The connect attempt failed (refused or unreachable): the next attempt waits per the reconnect schedule.</summary>
        public void OnConnectFailed()
        {
            long now = clock.NowMs;
            int failuresBefore = Session.FailedAttempts;
            Session.OnConnectFailed(now);
            if (Session.FailedAttempts != failuresBefore) ReportFailedAttempt();
            UpdateIndicator(now);
        }

        /// <summary>The connection closed under us: outputs follow their disconnect policy, the session reconnects at once.</summary>
        public void OnConnectionLost()
        {
            long now = clock.NowMs;
            bool wasConnected = IsConnected;
            Session.OnConnectionLost(now);
            Outputs.OnDisconnect(State);
            if (wasConnected) ReportSessionEnded(false);
            UpdateIndicator(now);
        }

        /// <summary>A PINGRESP arrived.</summary>
        public void OnPingResponse()
        {
            Session.OnPingResponse(clock.NowMs);
        }

        /// <summary>What the indicator shows now (see the class remarks).</summary>
        public LedPattern CurrentPattern()
        {
            if (Sensor.Faulty) return LedPattern.Error;
            if (IsConnected) return LedPattern.Connected;
            return Session.FailedAttempts > 0 ? LedPattern.Error : LedPattern.Connecting;
        }

        // The first constructor's board; null (refused by the second) when a part it needs is missing.
        private static DeviceBoard BoardFor(DeviceConfig config, IPinDriver pins) =>
            config == null || config.Product == null || pins == null ? null : new DeviceBoard(config.Product, config.Board, pins);

        /// <summary>Broadcasts the full status if connected (a status sent while offline would only be lost).</summary>
        private bool Broadcast(long now)
        {
            if (!IsConnected || !Dispatcher.BroadcastStatus()) return false;
            Sensor.MarkReported(State, now);
            return true;
        }

        private void ReportFailedAttempt()
        {
            if (reports == null) return;
            int failures = Session.FailedAttempts;
            reports.ConnectAttemptFailed(failures, Session.WaitAfterFailures(failures));
        }

        private void ReportSessionEnded(bool droppedAsDead)
        {
            if (reports == null) return;
            int failures = Session.FailedAttempts;
            reports.SessionEnded(droppedAsDead, Session.MaxMissedPings, Session.LastConnectionMs, failures, failures == 0 ? 0 : Session.WaitAfterFailures(failures));
        }

        private void UpdateIndicator(long now)
        {
            if (!IsStarted) return;
            Indicator.Pattern = CurrentPattern();
            WriteIndicator(Indicator.IsLit(now));
        }

        private void WriteIndicator(bool lit)
        {
            bool level = lit != Board.IndicatorActiveLow;
            if (Board.IndicatorPin < 0 || !board.IsOpen || level == indicatorLevel) return;
            indicatorLevel = level;
            board.Pins.Write(Board.IndicatorPin, level);
        }
    }
}
