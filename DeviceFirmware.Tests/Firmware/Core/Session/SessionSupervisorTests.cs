using DeviceFirmware.Core.Session;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Session
{
    /// <summary>docs/protocol.md §4 on an injected clock (milliseconds); nothing sleeps.</summary>
    public class SessionSupervisorTests
    {
        private static (SessionSupervisor, SessionSettings) Started(long now = 0)
        {
            var settings = new SessionSettings();
            var supervisor = new SessionSupervisor(settings);
            supervisor.Start(now);
            return (supervisor, settings);
        }

        [Fact]
        public void Defaults_are_the_protocols()
        {
            var s = new SessionSettings();
            Assert.Equal(120, s.KeepAliveSeconds);
            Assert.Equal(60000, s.PingIntervalMs);
            Assert.Equal(2, s.MaxMissedPings);
            Assert.Equal(10000, s.ReconnectStepMs);
            Assert.Equal(600000, s.MaxReconnectWaitMs);
        }

        [Fact]
        public void Keep_alive_is_clamped_to_600_and_pings_to_at_most_60_in_180_seconds()
        {
            var s = new SessionSettings { KeepAliveSeconds = 900, PingIntervalMs = 1000 };
            Assert.Equal(600, s.KeepAliveSeconds);
            Assert.Equal(SessionSettings.MinPingIntervalMs, s.PingIntervalMs);

            // Pings at 0, p, 2p, …: a closed 180 s window holds floor(180000 / p) + 1 of them.
            Assert.True((180000 / s.PingIntervalMs) + 1 <= 60);
        }

        [Fact]
        public void First_attempt_is_at_once()
        {
            var (sup, _) = Started(1000);
            Assert.Equal(SessionAction.Connect, sup.Poll(1000));
            Assert.Equal(SessionState.Connecting, sup.State);
        }

        [Fact]
        public void Reconnect_schedule_is_at_once_then_10_20_30_seconds_capped_at_10_minutes()
        {
            var (sup, _) = Started(0);
            long now = 0;
            var waits = new long[70];
            for (int i = 0; i < waits.Length; i++)
            {
                Assert.Equal(SessionAction.Connect, sup.Poll(now));
                sup.OnConnectFailed(now);
                waits[i] = sup.NextDeadline - now;
                Assert.Equal(SessionAction.None, sup.Poll(sup.NextDeadline - 1));
                now = sup.NextDeadline;
            }

            Assert.Equal(new long[] { 10000, 20000, 30000, 40000 }, waits[..4]);
            Assert.Equal(600000, waits[59]);
            Assert.Equal(600000, waits[69]);
        }

        [Fact]
        public void Success_resets_the_schedule()
        {
            var (sup, _) = Started(0);
            sup.Poll(0);
            sup.OnConnectFailed(0);
            sup.Poll(10000);
            sup.OnConnectFailed(10000);
            Assert.Equal(2, sup.FailedAttempts);
            sup.Poll(30000);
            sup.OnConnected(30000);
            Assert.Equal(SessionAction.Ping, sup.Poll(90000)); // lived its stable minute: the failures are forgotten
            Assert.Equal(0, sup.FailedAttempts);
            sup.OnConnectionLost(100000);
            Assert.Equal(SessionAction.Connect, sup.Poll(100000));
            sup.OnConnectFailed(100000);
            Assert.Equal(110000, sup.NextDeadline);
        }

        [Fact]
        public void Restart_starts_from_zero()
        {
            var (sup, _) = Started(0);
            for (long t = 0; sup.FailedAttempts < 5; t = sup.NextDeadline)
            {
                sup.Poll(t);
                sup.OnConnectFailed(t);
            }

            sup.Start(500000);
            Assert.Equal(0, sup.FailedAttempts);
            Assert.Equal(SessionAction.Connect, sup.Poll(500000));
        }

        [Fact]
        public void Connect_attempt_has_its_own_timeout()
        {
            var (sup, settings) = Started(0);
            Assert.Equal(SessionAction.Connect, sup.Poll(0));
            Assert.Equal(SessionAction.None, sup.Poll(settings.ConnectTimeoutMs - 1));
            Assert.Equal(SessionAction.AbortConnect, sup.Poll(settings.ConnectTimeoutMs));
            Assert.Equal(SessionState.Waiting, sup.State);
            Assert.Equal(1, sup.FailedAttempts);
            Assert.Equal(settings.ConnectTimeoutMs + 10000, sup.NextDeadline);
        }

        [Fact]
        public void Pings_every_60_seconds_while_answered()
        {
            var (sup, _) = Started(0);
            sup.Poll(0);
            sup.OnConnected(0);
            int pings = 0;
            for (long t = 0; t <= 180000; t += 1000)
            {
                if (sup.Poll(t) == SessionAction.Ping)
                {
                    pings++;
                    sup.OnPingResponse(t + 200);
                }
            }

            Assert.Equal(3, pings); // at 60, 120 and 180 s
            Assert.Equal(SessionState.Connected, sup.State);
        }

        [Fact]
        public void Two_missed_ping_responses_drop_the_connection_and_reconnect_at_once()
        {
            var (sup, _) = Started(0);
            sup.Poll(0);
            sup.OnConnected(0);
            Assert.Equal(SessionAction.Ping, sup.Poll(60000));
            Assert.Equal(SessionAction.Ping, sup.Poll(120000)); // first PINGRESP missed
            Assert.Equal(1, sup.MissedPings);
            Assert.Equal(SessionAction.Drop, sup.Poll(180000)); // second missed
            Assert.Equal(SessionState.Waiting, sup.State);
            Assert.Equal(SessionAction.Connect, sup.Poll(180000));
        }

        [Fact]
        public void One_missed_ping_response_is_forgiven_by_the_next()
        {
            var (sup, _) = Started(0);
            sup.Poll(0);
            sup.OnConnected(0);
            sup.Poll(60000);
            sup.Poll(120000);
            sup.OnPingResponse(121000);
            Assert.Equal(0, sup.MissedPings);
            Assert.Equal(SessionAction.Ping, sup.Poll(180000));
        }

        [Fact]
        public void Every_connection_is_counted_so_status_is_broadcast_after_each()
        {
            var (sup, _) = Started(0);
            sup.Poll(0);
            sup.OnConnected(0);
            sup.OnConnectionLost(65000);
            sup.Poll(65000);
            sup.OnConnected(65100);
            Assert.Equal(2, sup.Connections);
        }

        [Fact]
        public void Events_out_of_order_are_ignored()
        {
            var (sup, _) = Started(0);
            sup.OnConnected(0); // no attempt under way
            Assert.Equal(SessionState.Waiting, sup.State);
            sup.OnPingResponse(0);
            sup.OnConnectionLost(0);
            Assert.Equal(SessionAction.Connect, sup.Poll(0));
        }

        [Fact]
        public void Stopped_does_nothing()
        {
            var (sup, _) = Started(0);
            sup.Stop();
            Assert.Equal(SessionAction.None, sup.Poll(1000000));
        }
    }
}
