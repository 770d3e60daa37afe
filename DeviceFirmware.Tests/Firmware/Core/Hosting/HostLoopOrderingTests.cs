using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Hosting;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.Iot.Hosting;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Tests.Firmware.Core.Device;
using DeviceFirmware.Tests.Firmware.Core.Peripherals;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Hosting
{
    /// <summary>
    /// A received message reaches the core one of two ways, decided by <see cref="HostLoop"/> alone: at once on the receive
    /// thread (<see cref="HostLoop.TryRunNow"/>, when the core is idle and nothing is queued) or through its
    /// <see cref="CoreInbox"/> on the loop thread (here the .NET host's <see cref="FirmwareLoop"/>). Whichever way, commands
    /// must run in the order they arrived and each exactly once. Each test delivers 0x0093 writes that toggle the relay,
    /// with sn 1, 2, 3 …, exactly as <see cref="HostLoop.Message"/> does for a transport (try at once, else queue), and
    /// checks at every 0x0094: its sn is the next one, and the relay pin has been written exactly sn times, to the level
    /// that sn asked for.
    /// <para>
    /// Limit: <see cref="HostLoop.TryRunNow"/> also declines while the core is free but an event is still queued. That
    /// window (between two of the loop's turns) cannot be held open from outside <see cref="HostLoop"/>, so only the
    /// stream test reaches it, by chance; the first test holds the core busy instead, which is deterministic.
    /// </para>
    /// </summary>
    public sealed class HostLoopOrderingTests : IDisposable
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
        private readonly LoopTransport transport;
        private readonly HostLoop hostLoop;
        private readonly FirmwareLoop loop;

        public HostLoopOrderingTests()
        {
            var pins = new FakePinDriver();
            var relay = new RelayWatch(pins);
            transport = new LoopTransport(relay);
            pins.SetInput(GoKit.ButtonPin, true); // released (pull-up, active-low): no broadcast from the button
            var config = new DeviceConfig { Did = DeviceHarness.Did, Passcode = DeviceHarness.Passcode, Product = GoKit.Product, Board = GoKit.Board() };
            var clock = new FakeClock(); // never moves: only the events below make the core act
            var core = new DeviceCore(config, clock, transport, pins, new FakeSensor(), null!);
            hostLoop = new HostLoop(new CoreInbox(4096, 4096), clock);
            loop = new FirmwareLoop(hostLoop, core, NullLogger<FirmwareLoop>.Instance);
            loop.Start();

            // The loop starts the core and its first tick begins the connect; the transport's answer comes back queued.
            Assert.True(transport.ConnectAsked.Wait(Patience), "the loop never asked the transport to connect");
            hostLoop.Connected();
            Assert.True(transport.StatusBroadcast.Wait(Patience), "the core never broadcast its status after connecting");
        }

        public void Dispose()
        {
            transport.Release(); // a failed test must not leave the loop thread held inside the core
            loop.Dispose();
            transport.Dispose();
        }

        [Fact]
        public void Inline_and_queued_messages_run_in_arrival_order_and_each_once()
        {
            int testThread = Environment.CurrentManagedThreadId;

            // 1: the core is idle and nothing is queued, so it runs at once on the receiving thread.
            HandleInlineOnceIdle(Command(1));

            // 2: queued; its 0x0094 blocks inside the core, so the loop thread holds the core while 3 and 4 arrive.
            transport.HoldAnswerTo(2);
            byte[] second = Command(2);
            Assert.True(hostLoop.Queue(Topic, second, 0, second.Length, false, payloadReused: false));
            Assert.True(transport.Holding.Wait(Patience), "sn 2 never reached the core through the inbox");
            Assert.False(DeliverLikeTheTransport(Command(3)), "sn 3 ran inline while the core was busy with sn 2");
            Assert.False(DeliverLikeTheTransport(Command(4)), "sn 4 ran inline while the core was busy");
            transport.Release();
            WaitForAnswers(4);

            // 5: the queue has drained, so the next message runs inline again.
            HandleInlineOnceIdle(Command(5));

            Answer[] answers = transport.Answers();
            Assert.Equal(new uint[] { 1, 2, 3, 4, 5 }, answers.Select(a => a.Sn));
            AssertEachRanOnceInOrder(answers);
            Assert.Equal(testThread, answers[0].Thread);
            Assert.All(answers.Skip(1).Take(3), a => Assert.Equal("firmware-loop", a.ThreadName));
            Assert.Equal(testThread, answers[4].Thread);
        }

        [Fact]
        public void A_stream_of_messages_keeps_its_order_while_other_threads_keep_the_loop_busy()
        {
            const int count = 1000;
            using var stop = new CancellationTokenSource();

            // Session events and logs posted from elsewhere (MQTTnet's ping task, every ILogger) interleave with the messages.
            var noise = new Thread(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    hostLoop.PingResponse();
                    hostLoop.Log(DeviceFirmware.Protocol.LogLevel.Warning, "t", "test", "noise");

                    // Session events are kept even when the inbox is full of messages; keep a couple in it, not a flood.
                    SpinWait.SpinUntil(() => hostLoop.Inbox.IsEmpty || stop.IsCancellationRequested);
                }
            }) { IsBackground = true };
            noise.Start();

            int inline = 0;
            for (uint sn = 1; sn <= count; sn++)
            {
                if (DeliverLikeTheTransport(Command(sn))) inline++;
            }

            WaitForAnswers(count);
            stop.Cancel();
            noise.Join();

            Answer[] answers = transport.Answers();
            Assert.Equal(Enumerable.Range(1, count).Select(n => (uint)n), answers.Select(a => a.Sn));
            AssertEachRanOnceInOrder(answers);
            Assert.Equal(inline, answers.Count(a => a.ThreadName != "firmware-loop"));
        }

        private const string Topic = "app2dev/" + DeviceHarness.Did + "/" + DeviceHarness.App;

        // Odd sn switches the relay on, even sn off: every command changes the pin, so a command run twice or skipped shows.
        private static byte[] Command(uint sn) =>
            DeviceHarness.Frame(GizwitsCommand.BusinessWithSn, DeviceHarness.Write(("Relay", sn % 2)), sn);

        /// <summary>What <see cref="HostLoop.Message"/> does for a transport: at once if it can, else a copy queued. True if at once.</summary>
        private bool DeliverLikeTheTransport(byte[] frame)
        {
            if (hostLoop.TryRunNow(Topic, frame, 0, frame.Length, false)) return true;
            Assert.True(hostLoop.Queue(Topic, frame, 0, frame.Length, false, payloadReused: true));
            return false;
        }

        // False from TryRunNow means "not run" (a run would show as a second answer), so asking again until the loop
        // thread has let go of the core is safe.
        private void HandleInlineOnceIdle(byte[] frame) =>
            Assert.True(SpinWait.SpinUntil(() => hostLoop.TryRunNow(Topic, frame, 0, frame.Length, false), Patience), "the core never became idle");

        private void WaitForAnswers(int count) =>
            Assert.True(SpinWait.SpinUntil(() => transport.AnswerCount >= count, Patience), $"fewer than {count} answers: {transport.AnswerCount}");

        private static void AssertEachRanOnceInOrder(Answer[] answers)
        {
            for (int i = 0; i < answers.Length; i++)
            {
                Assert.Equal((uint)(i + 1), answers[i].Sn);
                Assert.Equal(i + 1, answers[i].RelayWrites);
                Assert.Equal(answers[i].Sn % 2 == 1, answers[i].RelayHigh);
            }
        }

        /// <summary>One 0x0094 as it left the core: its sn, the thread that ran the command, the relay at that moment.</summary>
        private sealed record Answer(uint Sn, int Thread, string? ThreadName, bool RelayHigh, int RelayWrites);

        /// <summary>The relay as the core left it, and how often it was written (read only on the core's thread).</summary>
        private sealed class RelayWatch
        {
            private readonly FakePinDriver pins;

            public RelayWatch(FakePinDriver pins)
            {
                this.pins = pins;
                pins.BeforeWrite = (pin, _) =>
                {
                    if (pin == GoKit.RelayPin) RelayWrites++;
                };
            }

            public int RelayWrites { get; private set; }

            public bool RelayHigh => pins.Levels.TryGetValue(GoKit.RelayPin, out bool high) && high;
        }

        /// <summary>
        /// A transport called by the core (so from whichever thread holds it). Records each 0x0094 with the relay's state,
        /// and can hold the answer to one sn inside the core until released, to keep the loop thread busy on demand.
        /// </summary>
        private sealed class LoopTransport : IMqttTransport, IDisposable
        {
            private readonly RelayWatch pins;
            private readonly FrameReader reader = new();
            private readonly List<Answer> answers = new();
            private readonly ManualResetEventSlim release = new(true);
            private long holdSn = -1;

            public LoopTransport(RelayWatch pins) => this.pins = pins;

            public ManualResetEventSlim ConnectAsked { get; } = new(false);
            public ManualResetEventSlim StatusBroadcast { get; } = new(false);
            public ManualResetEventSlim Holding { get; } = new(false);

            public int AnswerCount
            {
                get { lock (answers) return answers.Count; }
            }

            public Answer[] Answers()
            {
                lock (answers) return answers.ToArray();
            }

            public void HoldAnswerTo(uint sn)
            {
                release.Reset();
                Interlocked.Exchange(ref holdSn, sn);
            }

            public void Release() => release.Set();

            public void BeginConnect(string clientId, string userName, string password, int keepAliveSeconds, string subscribeTopic) => ConnectAsked.Set();

            public void AbortConnect()
            {
            }

            public void SendPing()
            {
            }

            public void Disconnect()
            {
            }

            public bool Publish(string topic, byte[] payload, int offset, int count)
            {
                if (reader.Decode(payload, offset, count) != FrameError.None) throw new InvalidOperationException("the core published a malformed frame");
                if (reader.Command == GizwitsCommand.BusinessReply && topic == "dev2app/" + DeviceHarness.Did) StatusBroadcast.Set();
                if (reader.Command != GizwitsCommand.BusinessWithSnAck) return true;

                Thread current = Thread.CurrentThread;
                lock (answers) answers.Add(new Answer(reader.Sn, current.ManagedThreadId, current.Name, pins.RelayHigh, pins.RelayWrites));
                if (Interlocked.Read(ref holdSn) == reader.Sn)
                {
                    Holding.Set();
                    release.Wait();
                }

                return true;
            }

            public void Dispose()
            {
                release.Set();
                release.Dispose();
                ConnectAsked.Dispose();
                StatusBroadcast.Dispose();
                Holding.Dispose();
            }
        }
    }
}
