using System;
using System.Linq;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Hosting;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Tests.Firmware.Core.Device;
using DeviceFirmware.Tests.Firmware.Core.Peripherals;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Hosting
{
    /// <summary>
    /// <see cref="HostLoop"/> on the test's thread alone (Step with no wait): what it does with each kind of event, the log
    /// threshold it shows loggers, and a core failure on a receive thread. Ordering across threads: HostLoopOrderingTests.
    /// </summary>
    public class HostLoopTests
    {
        private const string Topic = "app2dev/" + DeviceHarness.Did + "/" + DeviceHarness.App;
        private readonly Journal journal = new();
        private readonly FakeClock clock = new();
        private readonly FakeTransport transport;
        private readonly FakePinDriver pins;
        private bool failWrites;
        private readonly DeviceCore core;
        private readonly HostLoop loop;

        public HostLoopTests()
        {
            transport = new FakeTransport(journal);
            pins = new FakePinDriver(journal);
            pins.SetInput(GoKit.ButtonPin, true);

            // A driver that fails on demand (a bug below the core): the write throws and the pin keeps its level.
            pins.BeforeWrite = (_, _) =>
            {
                if (failWrites) throw new PinFailure();
            };
            var config = new DeviceConfig
            {
                Did = DeviceHarness.Did, Passcode = DeviceHarness.Passcode, Product = GoKit.Product, Board = GoKit.Board(), InitialLogLevel = LogLevel.Info,
            };
            core = new DeviceCore(config, clock, transport, pins, new FakeSensor(), null!);
            loop = new HostLoop(new CoreInbox(8, 8), clock);
        }

        [Fact]
        public void Before_start_messages_wait_and_run_in_order_at_the_first_step()
        {
            Assert.False(loop.TryRunNow(Topic, Write(1, 1), 0, Write(1, 1).Length, false));
            Assert.True(loop.Message(Topic, Write(1, 1), 0, Write(1, 1).Length, false, payloadReused: false));
            Assert.True(loop.Message(Topic, Write(0, 2), 0, Write(0, 2).Length, false, payloadReused: false));
            Assert.Equal(LogLevel.Off, loop.LogThreshold);
            Assert.Empty(pins.Levels);

            loop.Start(core);
            Assert.False(pins.Levels[GoKit.RelayPin]); // safe level first
            ConnectAndStep();
            Assert.Equal(new uint[] { 1, 2 }, Answers());
            Assert.Equal(new[] { "pin write " + GoKit.RelayPin + " high", "pin write " + GoKit.RelayPin + " low" },
                journal.Entries.Where(e => e.StartsWith("pin write " + GoKit.RelayPin + " ", StringComparison.Ordinal)));
        }

        [Fact]
        public void A_queued_copy_of_a_reused_buffer_is_what_runs()
        {
            loop.Start(core);
            ConnectAndStep();
            byte[] buffer = Write(1, 5);
            Assert.True(loop.Queue(Topic, buffer, 0, buffer.Length, false, payloadReused: true));
            Array.Clear(buffer); // the transport reuses its receive buffer after the call
            loop.Step(0);
            Assert.Equal(new uint[] { 5 }, Answers());
            Assert.True(pins.Levels[GoKit.RelayPin]);
        }

        [Fact]
        public void The_log_threshold_is_the_cores_and_follows_a_0x0010_at_once()
        {
            loop.Start(core);
            Assert.Equal(LogLevel.Info, loop.LogThreshold);
            ConnectAndStep();
            byte[] settings = DeviceHarness.SettingsFrame(DeviceSettings.Compose(LogLevel.Error, true));
            Assert.True(loop.TryRunNow(Topic, settings, 0, settings.Length, false));
            Assert.Equal(LogLevel.Error, loop.LogThreshold);
            Assert.Equal(LogLevel.Error, core.LogThreshold);
        }

        [Fact]
        public void A_posted_log_leaves_as_0x0012_at_the_next_step()
        {
            loop.Start(core);
            ConnectAndStep();
            Assert.True(loop.Log(LogLevel.Warning, "FirmwareService", "DeviceFirmware.Iot.Hosting.FirmwareService", "sensor slow"));
            Assert.DoesNotContain(transport.Published, p => Command(p.Payload) == GizwitsCommand.Log);
            loop.Step(0);
            Assert.Single(transport.Published, p => Command(p.Payload) == GizwitsCommand.Log);
        }

        [Fact]
        public void A_core_failure_on_a_receive_thread_stays_there_and_the_next_step_throws_it_then_stop_drives_outputs_safe()
        {
            loop.Start(core);
            ConnectAndStep();
            byte[] on = Write(1, 1);
            Assert.True(loop.TryRunNow(Topic, on, 0, on.Length, false));
            Assert.True(pins.Levels[GoKit.RelayPin]);

            failWrites = true;
            byte[] off = Write(0, 2);
            Assert.True(loop.Message(Topic, off, 0, off.Length, false, payloadReused: true)); // consumed, not thrown here
            var failure = Assert.Throws<InvalidOperationException>(() => loop.Step(0));
            Assert.IsType<PinFailure>(failure.InnerException);

            failWrites = false;
            loop.Stop();
            Assert.False(pins.Levels[GoKit.RelayPin]);
            Assert.False(loop.TryRunNow(Topic, on, 0, on.Length, false)); // stopped: nothing runs at once any more
        }

        private void ConnectAndStep()
        {
            loop.Step(0); // the first tick starts the connect
            Assert.Single(transport.Connects);
            transport.Online = true;
            loop.Connected();
            loop.Step(0);
            Assert.True(core.IsConnected);
        }

        private static byte[] Write(long relay, uint sn) => DeviceHarness.Frame(GizwitsCommand.BusinessWithSn, DeviceHarness.Write(("Relay", relay)), sn);

        private static ushort Command(byte[] frame)
        {
            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(frame, 0, frame.Length));
            return reader.Command;
        }

        private uint[] Answers() => transport.Published
            .Select(p => { var r = new FrameReader(); r.Decode(p.Payload, 0, p.Payload.Length); return r; })
            .Where(r => r.Command == GizwitsCommand.BusinessWithSnAck)
            .Select(r => r.Sn)
            .ToArray();

        private sealed class PinFailure : Exception
        {
            public PinFailure()
                : base("pin write failed")
            {
            }
        }
    }
}
