using System.Collections.Generic;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Core.Session;
using DeviceFirmware.Protocol.Frames;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Device
{
    /// <summary>
    /// The core tells its host what it decided (<see cref="ICoreReports"/>), with the session supervisor's own numbers,
    /// so that no host recomputes them: every report is compared with the supervisor's state at that moment.
    /// </summary>
    public class DeviceCoreReportsTests
    {
        private readonly RecordingReports reports = new();
        private readonly DeviceHarness device;

        public DeviceCoreReportsTests()
        {
            device = new DeviceHarness(config => config.Reports = reports);
        }

        [Fact]
        public void A_refused_connect_is_reported_with_the_supervisors_count_and_wait()
        {
            device.Core.Start();
            Assert.Equal(SessionAction.Connect, device.Core.Tick());
            device.Core.OnConnectFailed();
            Assert.Equal(new[] { $"failed 1 next {device.Core.Session.WaitAfterFailures(1)}" }, reports.Lines);
            Assert.Equal(1, device.Core.Session.FailedAttempts);
        }

        [Fact]
        public void A_connect_aborted_past_its_timeout_is_reported_as_a_failed_attempt()
        {
            device.Core.Start();
            device.RunUntil(new SessionSettings().ConnectTimeoutMs);
            Assert.Equal(1, device.Transport.Aborts);
            Assert.Equal(new[] { $"failed 1 next {device.Core.Session.WaitAfterFailures(1)}" }, reports.Lines);
        }

        [Fact]
        public void A_session_lost_after_it_was_stable_reconnects_at_once()
        {
            device.StartAndConnect();
            long lived = SessionSettings.DefaultStableConnectionMs + 5000;
            device.RunUntil(lived, _ => device.Core.OnPingResponse());
            device.Core.OnConnectionLost();
            Assert.Equal(new[] { "connected", $"lost after {lived} failed 0 next 0" }, reports.Lines);
            Assert.Equal(lived, device.Core.Session.LastConnectionMs);
        }

        [Fact]
        public void A_session_lost_soon_after_it_was_made_counts_as_a_failed_attempt()
        {
            device.StartAndConnect();
            device.RunUntil(500);
            device.Core.OnConnectionLost();
            Assert.Equal(1, device.Core.Session.FailedAttempts);
            Assert.Equal(new[] { "connected", $"lost after 500 failed 1 next {device.Core.Session.WaitAfterFailures(1)}" }, reports.Lines);
        }

        [Fact]
        public void A_session_dropped_after_missed_pings_is_reported_as_dead_with_the_count()
        {
            device.StartAndConnect();
            var actions = new List<SessionAction>();
            device.RunUntil(180000, actions.Add);
            Assert.Contains(SessionAction.Drop, actions);
            Assert.Equal(new[] { "connected", $"dropped after {device.Core.Session.MaxMissedPings} missed, 180000 ms, failed 0 next 0" }, reports.Lines);
        }

        [Fact]
        public void A_refused_message_is_reported_with_its_outcome_but_a_handled_or_repeated_one_is_not()
        {
            device.StartAndConnect();
            byte[] write = DeviceHarness.Frame(GizwitsCommand.BusinessWithSn, DeviceHarness.Write(("Relay", 1)), 7);
            Assert.Equal(DispatchOutcome.Handled, device.Send(write));
            Assert.Equal(DispatchOutcome.Repeated, device.Send(write));
            Assert.Equal(DispatchOutcome.MalformedFrame, device.Send(new byte[] { 0, 0, 0, 3, 1, 2 }));
            Assert.Equal(new[] { "connected", "refused MalformedFrame" }, reports.Lines);
            Assert.Same(device.Core.LastRefusal, reports.LastRefusal);
            Assert.Equal(DispatchOutcome.MalformedFrame, reports.LastRefusal!.Outcome);
        }

        private sealed class RecordingReports : ICoreReports
        {
            public List<string> Lines { get; } = new();

            public RefusalReport? LastRefusal { get; private set; }

            public void Connected() => Lines.Add("connected");

            public void ConnectAttemptFailed(int failedAttempts, long nextAttemptInMs) => Lines.Add($"failed {failedAttempts} next {nextAttemptInMs}");

            public void SessionEnded(bool droppedAsDead, int missedPings, long connectedMs, int failedAttempts, long nextAttemptInMs) =>
                Lines.Add(droppedAsDead
                    ? $"dropped after {missedPings} missed, {connectedMs} ms, failed {failedAttempts} next {nextAttemptInMs}"
                    : $"lost after {connectedMs} failed {failedAttempts} next {nextAttemptInMs}");

            public void MessageRefused(DispatchOutcome outcome, RefusalReport refusal)
            {
                Lines.Add($"refused {outcome}");
                LastRefusal = refusal;
            }
        }
    }
}
