using System;
using System.Linq;
using System.Threading.Tasks;
using DeviceFirmware.Core.Hosting;
using DeviceFirmware.Protocol;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Hosting
{
    public class CoreInboxTests
    {
        private readonly CoreEvent taken = new();

        [Fact]
        public void A_full_inbox_drops_messages_and_logs_but_keeps_session_events_in_arrival_order()
        {
            var inbox = new CoreInbox(1, 1);
            Assert.True(inbox.PostMessage("t", new byte[1], 0, 1, false));
            Assert.True(inbox.PostSession(CoreEventKind.PingResponse));
            Assert.True(inbox.PostLog(LogLevel.Warning, "tag", "src", "text"));
            Assert.False(inbox.PostMessage("t", new byte[3], 0, 3, false));
            Assert.False(inbox.PostLog(LogLevel.Error, "tag", "src", "x"));
            Assert.True(inbox.PostSession(CoreEventKind.ConnectionLost));
            Assert.Equal((1, 1, 0), (inbox.DroppedMessages, inbox.DroppedLogs, inbox.DroppedSessionEvents));

            Assert.Equal(CoreEventKind.Message, inbox.TryTake(taken));
            Assert.Equal(("t", 1), (taken.Topic, taken.Count));
            Assert.Equal(CoreEventKind.PingResponse, inbox.TryTake(taken));
            Assert.Null(taken.Topic);
            Assert.Equal(CoreEventKind.Log, inbox.TryTake(taken));
            Assert.Equal((LogLevel.Warning, "tag", "src", "text"), (taken.Level, taken.Tag, taken.Source, taken.Content));
            Assert.Null(taken.Topic);
            Assert.Equal(CoreEventKind.ConnectionLost, inbox.TryTake(taken));
            Assert.Equal(CoreEventKind.None, inbox.TryTake(taken));
            Assert.True(inbox.IsEmpty);
            Assert.True(inbox.PostMessage("t", new byte[4], 0, 4, false));
        }

        [Fact]
        public void Messages_and_logs_interleaved_come_out_in_arrival_order_across_many_wraps()
        {
            var inbox = new CoreInbox(3, 2);
            int next = 0;
            int takenCount = 0;
            for (int round = 0; round < 50; round++)
            {
                // Post a few of each kind, in a pattern that shifts every round, then take them all back.
                int posted = 0;
                for (int i = 0; i < 4; i++)
                {
                    int n = next++;
                    bool ok = ((n + round) % 3) switch
                    {
                        0 => inbox.PostMessage("m" + n, new byte[] { (byte)n }, 0, 1, false),
                        1 => inbox.PostLog(LogLevel.Info, "t", "s", "l" + n),
                        _ => inbox.PostSession(CoreEventKind.PingResponse),
                    };
                    Assert.True(ok, $"post {n} refused");
                    posted++;
                }

                var seen = new System.Collections.Generic.List<int>();
                while (inbox.TryTake(taken) != CoreEventKind.None)
                {
                    if (taken.Kind == CoreEventKind.Message) seen.Add(int.Parse(taken.Topic!.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture));
                    if (taken.Kind == CoreEventKind.Log) seen.Add(int.Parse(taken.Content!.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture));
                    takenCount++;
                }

                Assert.Equal(seen.OrderBy(x => x), seen);
                Assert.Equal(posted * (round + 1), takenCount);
            }
        }

        [Fact]
        public void A_host_without_log_storage_drops_every_log_and_counts_it()
        {
            var inbox = new CoreInbox(8, 0);
            Assert.False(inbox.PostLog(LogLevel.Error, "t", "s", "x"));
            Assert.Equal(1, inbox.DroppedLogs);
            Assert.True(inbox.IsEmpty);
            Assert.True(new CoreInbox(8, 0).PreallocatedBytes < new CoreInbox(8, 8).PreallocatedBytes);
        }

        [Fact]
        public void Session_events_have_their_reserve_and_never_overrun_the_ring()
        {
            var inbox = new CoreInbox(2, 0);
            for (int i = 0; i < 2 + CoreInbox.SessionReserve; i++) Assert.True(inbox.PostSession(CoreEventKind.PingResponse), "session event " + i);

            // Every slot holds a session event: neither a message nor another session event fits, and nothing is overwritten.
            Assert.False(inbox.PostMessage("t", new byte[1], 0, 1, false));
            Assert.False(inbox.PostSession(CoreEventKind.Connected));
            Assert.Equal((1, 1), (inbox.DroppedMessages, inbox.DroppedSessionEvents));
            int count = 0;
            while (inbox.TryTake(taken) == CoreEventKind.PingResponse) count++;
            Assert.Equal(2 + CoreInbox.SessionReserve, count);
        }

        [Fact]
        public void A_message_keeps_its_array_offset_and_count_and_the_taken_event_lets_go_of_them()
        {
            var inbox = new CoreInbox(4, 0);
            byte[] payload = { 9, 1, 2, 3, 9 };
            Assert.True(inbox.PostMessage("app2dev/d/a", payload, 1, 3, true));
            Assert.Equal(CoreEventKind.Message, inbox.TryTake(taken));
            Assert.Same(payload, taken.Payload);
            Assert.Equal((1, 3, true), (taken.Offset, taken.Count, taken.Retained));
            Assert.Equal(CoreEventKind.None, inbox.TryTake(taken));
            Assert.Null(taken.Payload);
        }

        [Fact]
        public async Task Wake_ends_a_wait_with_nothing_posted_and_a_post_ends_one_too()
        {
            // The 30 s limit only stops a hung test; nothing here measures time.
            var inbox = new CoreInbox(1, 0);
            Task waiting = Task.Run(() => inbox.Wait(int.MaxValue));
            inbox.Wake();
            Assert.Same(waiting, await Task.WhenAny(waiting, Task.Delay(30_000)));

            waiting = Task.Run(() => inbox.Wait(int.MaxValue));
            inbox.PostSession(CoreEventKind.Connected);
            Assert.Same(waiting, await Task.WhenAny(waiting, Task.Delay(30_000)));
            inbox.Wait(int.MaxValue); // something waits: returns at once
        }
    }
}
