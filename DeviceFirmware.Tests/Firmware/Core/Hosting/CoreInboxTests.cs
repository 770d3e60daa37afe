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
            var inbox = new CoreInbox(2);
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
            Assert.Equal(CoreEventKind.Log, inbox.TryTake(taken));
            Assert.Equal((LogLevel.Warning, "tag", "src", "text"), (taken.Level, taken.Tag, taken.Source, taken.Content));
            Assert.Null(taken.Topic);
            Assert.Equal(CoreEventKind.ConnectionLost, inbox.TryTake(taken));
            Assert.Equal(CoreEventKind.None, inbox.TryTake(taken));
            Assert.True(inbox.IsEmpty);
            Assert.True(inbox.PostMessage("t", new byte[4], 0, 4, false));
        }

        [Fact]
        public void Session_events_have_their_reserve_and_never_overrun_the_ring()
        {
            var inbox = new CoreInbox(2);
            for (int i = 0; i < 2 + CoreInbox.SessionReserve; i++) Assert.True(inbox.PostSession(CoreEventKind.PingResponse), "session event " + i);

            // The ring is full of session events: neither a message nor another session event fits, and nothing is overwritten.
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
            var inbox = new CoreInbox(4);
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
            var inbox = new CoreInbox(1);
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
