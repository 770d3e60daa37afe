using System.Collections.Generic;
using System.Linq;
using DeviceFirmware.Core.Session;
using DeviceFirmware.Tests.Firmware.Core.Device;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Session
{
    /// <summary>No connect storms and no ping floods, on the fake clock (issue 12): nothing sleeps, nothing is timed.</summary>
    public class SessionStormTests
    {
        private const long DropAfterMs = 500;

        /// <summary>A broker that accepts CONNECT and SUBSCRIBE and drops the connection half a second later, every time.</summary>
        private static List<long> ConnectsAgainstAKickingBroker(SessionSupervisor sup, long untilMs)
        {
            var connects = new List<long>();
            long now = 0;
            sup.Start(now);
            while (now <= untilMs)
            {
                now = sup.NextDeadline;
                if (now > untilMs) break;
                if (sup.Poll(now) != SessionAction.Connect) continue;
                connects.Add(now);
                sup.OnConnected(now + 20);
                sup.OnConnectionLost(now + 20 + DropAfterMs);
            }

            return connects;
        }

        [Fact]
        public void A_broker_that_drops_every_connection_after_half_a_second_gets_3_connects_in_35_seconds_not_69()
        {
            List<long> connects = ConnectsAgainstAKickingBroker(new SessionSupervisor(new SessionSettings()), 35000);

            // At once, then each short-lived connection counts as a failure: 10 s, then 20 s after the next drop.
            Assert.Equal(new long[] { 0, 10520, 31040 }, connects);
        }

        [Fact]
        public void Against_a_kicking_broker_the_schedule_grows_to_its_10_minute_cap_instead_of_starting_over()
        {
            var sup = new SessionSupervisor(new SessionSettings());
            List<long> connects = ConnectsAgainstAKickingBroker(sup, 8 * 3600000L);
            long[] waits = connects.Zip(connects.Skip(1), (a, b) => b - a - 20 - DropAfterMs).ToArray();
            Assert.Equal(new long[] { 10000, 20000, 30000, 40000 }, waits[..4]);
            Assert.Equal(600000, waits[^1]);
            int firstHour = connects.Count(t => t <= 3600000);
            Assert.True(firstHour <= 30, $"{firstHour} connects in the first hour");
        }

        [Fact]
        public void A_connection_that_lived_its_stable_time_is_reconnected_at_once_and_the_failures_are_forgotten()
        {
            var settings = new SessionSettings();
            var sup = new SessionSupervisor(settings);
            sup.Start(0);
            sup.Poll(0);
            sup.OnConnectFailed(0);
            sup.Poll(10000);
            sup.OnConnected(10000);
            sup.OnConnectionLost(10000 + settings.StableConnectionMs);
            Assert.Equal(0, sup.FailedAttempts);
            Assert.Equal(settings.StableConnectionMs, sup.LastConnectionMs);
            Assert.Equal(SessionAction.Connect, sup.Poll(10000 + settings.StableConnectionMs));
        }

        [Fact]
        public void A_connection_lost_one_millisecond_before_its_stable_time_is_a_failed_attempt()
        {
            var settings = new SessionSettings();
            var sup = new SessionSupervisor(settings);
            sup.Start(0);
            sup.Poll(0);
            sup.OnConnected(0);
            long lost = settings.StableConnectionMs - 1;
            sup.OnConnectionLost(lost);
            Assert.Equal(1, sup.FailedAttempts);
            Assert.Equal(SessionAction.None, sup.Poll(lost + settings.ReconnectStepMs - 1));
            Assert.Equal(SessionAction.Connect, sup.Poll(lost + settings.ReconnectStepMs));
        }

        [Fact]
        public void Two_devices_with_the_same_did_kicking_each_other_slow_down_instead_of_storming()
        {
            // Each connect of one device kicks the other; both follow their own schedule (different spreads).
            var a = new SessionSupervisor(new SessionSettings(), ReconnectSpread.ForDevice("devA", 10000));
            var b = new SessionSupervisor(new SessionSettings(), ReconnectSpread.ForDevice("devA", 10000) + 700);
            a.Start(0);
            b.Start(300);
            SessionSupervisor? holder = null;
            int connects = 0;
            for (long now = 0; now <= 600000; now += 100)
            {
                foreach (SessionSupervisor device in new[] { a, b })
                {
                    if (device.Poll(now) != SessionAction.Connect) continue;
                    connects++;
                    holder?.OnConnectionLost(now);
                    device.OnConnected(now);
                    holder = device;
                }
            }

            Assert.True(connects <= 30, $"{connects} connects in 10 minutes");
        }

        [Fact]
        public void The_device_core_on_the_fake_clock_connects_at_most_3_times_in_35_seconds_against_a_kicking_broker()
        {
            var device = new DeviceHarness();
            device.Core.Start();
            int connects = 0;
            long dropAt = long.MaxValue;
            for (long now = 0; now <= 35000; now += 10)
            {
                device.Clock.NowMs = now;
                if (now >= dropAt)
                {
                    dropAt = long.MaxValue;
                    device.Transport.Online = false;
                    device.Core.OnConnectionLost();
                }

                if (device.Core.Tick() != SessionAction.Connect) continue;
                connects++;
                device.Connected();
                dropAt = now + DropAfterMs;
            }

            Assert.InRange(connects, 2, 3);
            Assert.Equal(connects, device.StatusBroadcasts().Count);
        }

        [Fact]
        public void At_most_60_pingreq_in_any_closed_180_second_window_over_30_simulated_minutes_at_the_fastest_interval()
        {
            var settings = new SessionSettings { PingIntervalMs = 1 }; // clamped to the floor
            var sup = new SessionSupervisor(settings);
            sup.Start(0);
            sup.Poll(0);
            sup.OnConnected(0);
            var pings = new List<long>();

            // Polled every millisecond: the supervisor, not the host's polling, decides when a PINGREQ leaves.
            for (long now = 0; now <= 30 * 60000; now++)
            {
                if (sup.Poll(now) != SessionAction.Ping) continue;
                pings.Add(now);
                sup.OnPingResponse(now);
            }

            Assert.True(pings.Count >= 500, $"{pings.Count} pings");
            int worst = 0;
            for (int i = 0; i < pings.Count; i++)
            {
                int inWindow = 0;
                for (int j = i; j < pings.Count && pings[j] <= pings[i] + 180000; j++) inWindow++;
                if (inWindow > worst) worst = inWindow;
            }

            Assert.True(worst <= 60, $"{worst} PINGREQ in a closed 180 s window");
            Assert.Equal(59, worst); // 3100 ms apart: a window from one ping to 180 s later holds 1 + 58
        }

        [Fact]
        public void The_spread_is_under_a_quarter_step_fixed_per_device_and_differs_between_devices()
        {
            Assert.Equal(ReconnectSpread.ForDevice("did12345", 10000), ReconnectSpread.ForDevice("did12345", 10000));
            var spreads = new HashSet<int>();
            for (int i = 0; i < 1000; i++)
            {
                int spread = ReconnectSpread.ForDevice("device" + i, 10000);
                Assert.InRange(spread, 0, 2499);
                spreads.Add(spread);
            }

            Assert.True(spreads.Count > 600, $"only {spreads.Count} distinct spreads for 1000 devices");
            Assert.Equal(0, ReconnectSpread.ForDevice(null!, 10000));
            Assert.Equal(0, ReconnectSpread.ForDevice("x", 3));
        }

        [Fact]
        public void The_spread_is_added_after_a_failure_but_the_first_attempt_after_a_stable_loss_stays_at_once()
        {
            var sup = new SessionSupervisor(new SessionSettings(), 1234);
            Assert.Equal(0, sup.WaitAfterFailures(0));
            Assert.Equal(11234, sup.WaitAfterFailures(1));
            Assert.Equal(601234, sup.WaitAfterFailures(100));
        }
    }
}
