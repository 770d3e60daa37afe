using System.Collections.Generic;
using CsCheck;
using DeviceFirmware.Core.Peripherals;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Peripherals
{
    public class DebouncedInputTests
    {
        [Fact]
        public void A_bounce_shorter_than_the_debounce_time_is_ignored()
        {
            var input = new DebouncedInput(50, false);
            input.Reset(false, 0);
            Assert.False(input.Sample(true, 10));
            Assert.False(input.Sample(false, 20));
            Assert.False(input.Sample(true, 30));
            Assert.False(input.Sample(true, 79)); // high since 30: 49 ms
            Assert.False(input.Sample(false, 80));
            Assert.False(input.Sample(false, 200));
            Assert.False(input.IsActive);
        }

        [Fact]
        public void A_stable_change_is_reported_once_after_the_debounce_time()
        {
            var input = new DebouncedInput(50, false);
            input.Reset(false, 0);
            Assert.False(input.Sample(true, 10));
            Assert.False(input.Sample(true, 59));
            Assert.True(input.Sample(true, 60));
            Assert.True(input.IsActive);
            Assert.False(input.Sample(true, 70));
            Assert.False(input.Sample(true, 500));
        }

        [Fact]
        public void The_release_is_debounced_too()
        {
            var input = new DebouncedInput(50, false);
            input.Reset(true, 0);
            Assert.True(input.IsActive);
            Assert.False(input.Sample(false, 100));
            Assert.False(input.Sample(true, 120)); // bounce back
            Assert.False(input.Sample(false, 130));
            Assert.True(input.Sample(false, 180));
            Assert.False(input.IsActive);
        }

        [Fact]
        public void Active_low_makes_a_low_level_active()
        {
            var input = new DebouncedInput(50, true);
            input.Reset(true, 0); // pulled up: released
            Assert.False(input.IsActive);
            Assert.False(input.Sample(false, 10));
            Assert.True(input.Sample(false, 60));
            Assert.True(input.IsActive);
        }

        [Fact]
        public void Zero_debounce_reports_at_the_first_sample()
        {
            var input = new DebouncedInput(0, false);
            Assert.True(input.Sample(true, 5));
            Assert.True(input.Sample(false, 6));
        }

        [Fact]
        public void Every_reported_change_was_held_for_the_debounce_time_and_changes_alternate()
        {
            // Random samples (level, gap): whenever Sample says "changed", every sample of the last DebounceMs had the new level.
            Gen.Select(Gen.Int[0, 80], Gen.Bool.Array[1, 60], Gen.Int[1, 30].Array[60], Gen.Bool)
                .Sample((debounce, levels, gaps, activeLow) =>
                {
                    var input = new DebouncedInput(debounce, activeLow);
                    input.Reset(activeLow, 0); // inactive
                    var seen = new List<(long Time, bool Active)>();
                    long now = 0;
                    bool state = false;
                    for (int i = 0; i < levels.Length; i++)
                    {
                        now += gaps[i];
                        bool active = levels[i] != activeLow;
                        seen.Add((now, active));
                        if (!input.Sample(levels[i], now)) continue;
                        if (input.IsActive == state) return false; // a "change" to the same state
                        state = input.IsActive;
                        long since = now;
                        for (int j = seen.Count - 1; j >= 0 && seen[j].Active == state; j--) since = seen[j].Time;
                        if (now - since < debounce) return false;
                    }

                    return input.IsActive == state;
                });
        }
    }
}
