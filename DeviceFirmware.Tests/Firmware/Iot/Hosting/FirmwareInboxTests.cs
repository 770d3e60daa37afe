using System.Threading;
using DeviceFirmware.Iot.Hosting;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Hosting
{
    public class FirmwareInboxTests
    {
        [Fact]
        public void A_full_inbox_drops_messages_but_keeps_session_events_in_order()
        {
            using var inbox = new FirmwareInbox(capacity: 2);
            Assert.True(inbox.Post(new FirmwareEvent(FirmwareEventKind.Message, "t", new byte[1])));
            Assert.True(inbox.Post(new FirmwareEvent(FirmwareEventKind.Message, "t", new byte[2])));
            Assert.False(inbox.Post(new FirmwareEvent(FirmwareEventKind.Message, "t", new byte[3])));
            Assert.False(inbox.Post(new FirmwareEvent(FirmwareEventKind.Log, Content: "x")));
            Assert.True(inbox.Post(new FirmwareEvent(FirmwareEventKind.ConnectionLost)));
            Assert.Equal(2, inbox.Dropped);

            Assert.Single(inbox.Take(0, CancellationToken.None)!.Payload!);
            Assert.Equal(2, inbox.Take(0, CancellationToken.None)!.Payload!.Length);
            Assert.Equal(FirmwareEventKind.ConnectionLost, inbox.Take(0, CancellationToken.None)!.Kind);
            Assert.Null(inbox.Take(0, CancellationToken.None));
            Assert.True(inbox.Post(new FirmwareEvent(FirmwareEventKind.Message, "t", new byte[4])));
        }

        [Fact]
        public void Take_returns_null_when_cancelled()
        {
            using var inbox = new FirmwareInbox();
            using var cancel = new CancellationTokenSource();
            cancel.Cancel();
            Assert.Null(inbox.Take(10_000, cancel.Token));
        }
    }
}
