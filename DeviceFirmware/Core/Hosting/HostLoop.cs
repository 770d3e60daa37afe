using System;
using System.Threading;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Protocol;

namespace DeviceFirmware.Core.Hosting
{
    /// <summary>
    /// The one way into a <see cref="DeviceCore"/>, for every host (.NET and ESP32): transports report here
    /// (<see cref="ITransportEvents"/>), the host's loggers post here (<see cref="Log"/>), and the host's loop thread
    /// calls <see cref="Start"/>, then <see cref="Step"/> for ever, then <see cref="Stop"/>.
    /// <para>
    /// Threads: the core is never run by two threads at once, and events reach it in the order they arrived. A message
    /// runs at once on the transport's receive thread when the core is idle and nothing waits before it (the reply then
    /// leaves without waking the loop thread); otherwise it waits in the <see cref="CoreInbox"/> for the loop thread.
    /// That decision is taken here and nowhere else. Everything else (session events, logs) always waits for the loop
    /// thread. Events are only taken while holding the core, so a message run at once can never overtake one that waits.
    /// </para>
    /// </summary>
#pragma warning disable CA1001 // Lives as long as the device; nanoFramework's WaitHandle has no Dispose to call.
    public sealed class HostLoop : ITransportEvents, IHostLogs
    {
        private readonly CoreInbox inbox;
        private readonly IClock clock;
        private readonly CoreEvent taken = new CoreEvent();

        // Who holds the core: 1 while a thread runs it. A flag rather than a lock, since the receive thread must only
        // try (nanoFramework's Monitor has no TryEnter) and only the loop thread ever waits for it.
        private const int EnterPatienceMs = 1000;
        private readonly AutoResetEvent released = new AutoResetEvent(false);
        private int busy;
        private int waiting;
        private DeviceCore core;
        // Not core.IsStarted: a Stop whose pin writes fail leaves the core "started", and nothing may run at once after Stop.
        private bool running;
        private Exception receiveThreadFailure;

        /// <summary>Creates the loop around <paramref name="inbox"/>; the core is bound by <see cref="Start"/>.</summary>
        public HostLoop(CoreInbox inbox, IClock clock)
        {
            if (inbox == null || clock == null) throw new ArgumentException("the inbox and the clock are required");
            this.inbox = inbox;
            this.clock = clock;
        }

        /// <summary>The events waiting for the core.</summary>
        public CoreInbox Inbox => inbox;

        /// <inheritdoc/>
        public LogLevel LogThreshold
        {
            get
            {
                DeviceCore bound = core;
                return bound == null ? LogLevel.Off : bound.LogThreshold;
            }
        }

        /// <summary>Loop thread: binds <paramref name="device"/> and starts it (outputs to their safe level, then the session).</summary>
        public void Start(DeviceCore device)
        {
            if (device == null) throw new ArgumentException("device: missing");
            Enter();
            try
            {
                core = device;
                core.Start();
                running = true;
            }
            finally
            {
                Exit();
            }
        }

        /// <summary>
        /// Loop thread: waits until the core's next deadline (at most <paramref name="maxSleepMs"/>) or an event, runs
        /// every waiting event through the core, then ticks it. Throws what the core threw, here or on a receive thread.
        /// </summary>
        public void Step(int maxSleepMs)
        {
            long wait;
            Enter();
            try
            {
                wait = core.NextDeadlineMs - clock.NowMs;
            }
            finally
            {
                Exit();
            }

            inbox.Wait(wait <= 0 ? 0 : (wait >= maxSleepMs ? maxSleepMs : (int)wait));
            Enter();
            try
            {
                Exception failure = receiveThreadFailure;
                if (failure != null)
                {
                    receiveThreadFailure = null;
                    throw new InvalidOperationException("the core failed on a receive thread: " + failure.Message, failure);
                }

                while (inbox.TryTake(taken) != CoreEventKind.None) Handle(taken);
                core.Tick();
            }
            finally
            {
                Exit();
            }
        }

        /// <summary>Loop thread: stops the core (outputs to their safe level, DISCONNECT); messages run at once no more.</summary>
        public void Stop()
        {
            if (core == null) return;
            Enter();
            try
            {
                running = false;
                core.Stop();
            }
            finally
            {
                Exit();
            }
        }

        /// <summary>Any thread: ends a <see cref="Step"/>'s wait early (e.g. so that the loop sees it should stop).</summary>
        public void Wake()
        {
            inbox.Wake();
        }

        /// <inheritdoc/>
        public bool Log(LogLevel level, string tag, string source, string content) => inbox.PostLog(level, tag, source, content);

        /// <inheritdoc/>
        public void Connected() => inbox.PostSession(CoreEventKind.Connected);

        /// <inheritdoc/>
        public void ConnectFailed() => inbox.PostSession(CoreEventKind.ConnectFailed);

        /// <inheritdoc/>
        public void ConnectionLost() => inbox.PostSession(CoreEventKind.ConnectionLost);

        /// <inheritdoc/>
        public void PingResponse() => inbox.PostSession(CoreEventKind.PingResponse);

        /// <inheritdoc/>
        public bool Message(string topic, byte[] payload, int offset, int count, bool retained, bool payloadReused) =>
            TryRunNow(topic, payload, offset, count, retained) || Queue(topic, payload, offset, count, retained, payloadReused);

        /// <summary>
        /// Any thread: runs the message at once on the calling thread if the core is started and idle and nothing waits
        /// before it; false otherwise (then nothing ran). What <see cref="Message"/> tries first.
        /// </summary>
        public bool TryRunNow(string topic, byte[] payload, int offset, int count, bool retained)
        {
            if (!inbox.IsEmpty || Interlocked.CompareExchange(ref busy, 1, 0) != 0) return false;
            try
            {
                if (!running || receiveThreadFailure != null || !inbox.IsEmpty) return false;
                core.OnMessage(topic, payload, offset, count, retained);
                core.Tick();
                return true;
            }
            catch (Exception failure)
            {
                // Not thrown into the transport's thread: the loop thread rethrows it at its next step and stops the
                // core there, which drives every output to its safe level.
                receiveThreadFailure = failure;
                inbox.Wake();
                return true;
            }
            finally
            {
                Exit();
            }
        }

        /// <summary>
        /// Any thread: queues the message for the loop thread, copying it first when the transport reuses
        /// <paramref name="payload"/>; false when the inbox was full (dropped and counted). What <see cref="Message"/>
        /// does when <see cref="TryRunNow"/> declines.
        /// </summary>
        public bool Queue(string topic, byte[] payload, int offset, int count, bool retained, bool payloadReused)
        {
            if (payloadReused)
            {
                byte[] copy = new byte[count];
                Array.Copy(payload, offset, copy, 0, count);
                return inbox.PostMessage(topic, copy, 0, count, retained);
            }

            return inbox.PostMessage(topic, payload, offset, count, retained);
        }

        private void Handle(CoreEvent e)
        {
            switch (e.Kind)
            {
                case CoreEventKind.Message:
                    core.OnMessage(e.Topic, e.Payload, e.Offset, e.Count, e.Retained);
                    break;
                case CoreEventKind.Connected:
                    core.OnConnected();
                    break;
                case CoreEventKind.ConnectFailed:
                    core.OnConnectFailed();
                    break;
                case CoreEventKind.ConnectionLost:
                    core.OnConnectionLost();
                    break;
                case CoreEventKind.PingResponse:
                    core.OnPingResponse();
                    break;
                case CoreEventKind.Log:
                    core.EmitLog(e.Level, e.Tag, e.Source, e.Content);
                    break;
            }

            e.Clear();
        }

        // Only the loop thread waits here, so one event is enough. It says it is waiting, then looks once more before it
        // sleeps, so a release between its first look and its sleep is never missed; the timeout only bounds the wait
        // should one ever be. A release with nobody waiting (every message run at once) costs no event signal.
        private void Enter()
        {
            while (Interlocked.CompareExchange(ref busy, 1, 0) != 0)
            {
                Interlocked.Exchange(ref waiting, 1);
                if (Interlocked.CompareExchange(ref busy, 1, 0) == 0)
                {
                    Interlocked.Exchange(ref waiting, 0);
                    return;
                }

                released.WaitOne(EnterPatienceMs, false);
                Interlocked.Exchange(ref waiting, 0);
            }
        }

        private void Exit()
        {
            Interlocked.Exchange(ref busy, 0);
            if (Interlocked.CompareExchange(ref waiting, 0, 0) == 1) released.Set();
        }
    }
#pragma warning restore CA1001
}
