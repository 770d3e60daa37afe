using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.App;

/// <summary>
/// <see cref="PendingReplies"/> on its own: which received event ends which waiting command. The clock is a
/// <see cref="FakeTimeProvider"/>, so a timeout happens when the test advances it, never by waiting.
/// </summary>
public sealed class PendingRepliesTests
{
    private const string DidA = "AbCdEfGhIjKlMnOpQrStUv";
    private const string DidB = "BbCdEfGhIjKlMnOpQrStUv";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly Func<CancellationToken, Task> SendNothing = _ => Task.CompletedTask;

    [Fact]
    public async Task Status_with_the_same_DID_and_sn_ends_the_wait()
    {
        var pending = new PendingReplies(Timeout, new FakeTimeProvider());
        Task<DeviceStatusEvent> waiting = pending.AwaitStatusAsync(DidA, 7, SendNothing);
        DeviceStatusEvent reply = Status(DidA, 7);

        Assert.True(pending.Offer(reply));

        Assert.Same(reply, await waiting);
        Assert.Equal(0, pending.WaitingForStatus);
    }

    [Fact]
    public async Task Status_with_another_sn_another_DID_or_no_sn_leaves_the_wait_alone()
    {
        var pending = new PendingReplies(Timeout, new FakeTimeProvider());
        Task<DeviceStatusEvent> waiting = pending.AwaitStatusAsync(DidA, 7, SendNothing);

        Assert.False(pending.Offer(Status(DidA, 8)));
        Assert.False(pending.Offer(Status(DidB, 7)));
        Assert.False(pending.Offer(Status(DidA, null)));
        Assert.False(pending.Offer(new SettingsAckEvent(DidA, Topics.Dev2App(DidA, "usr1"), DateTimeOffset.UnixEpoch)));
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, pending.WaitingForStatus);

        DeviceStatusEvent reply = Status(DidA, 7);
        Assert.True(pending.Offer(reply));
        Assert.Same(reply, await waiting);
    }

    [Fact]
    public void Reply_nobody_waits_for_is_ignored()
    {
        var pending = new PendingReplies(Timeout, new FakeTimeProvider());

        Assert.False(pending.Offer(Status(DidA, 1)));
        Assert.False(pending.Offer(new SettingsAckEvent(DidA, Topics.Dev2App(DidA, "usr1"), DateTimeOffset.UnixEpoch)));
        Assert.Equal(0, pending.WaitingForStatus);
        Assert.Equal(0, pending.WaitingForSettings);
    }

    [Fact]
    public async Task Reply_sent_while_the_command_is_still_being_sent_is_not_missed()
    {
        var pending = new PendingReplies(Timeout, new FakeTimeProvider());
        DeviceStatusEvent reply = Status(DidA, 3);

        // A device on the same machine can answer before MQTTnet's publish has returned.
        DeviceStatusEvent got = await pending.AwaitStatusAsync(DidA, 3, _ =>
        {
            Assert.True(pending.Offer(reply));
            return Task.CompletedTask;
        });

        Assert.Same(reply, got);
    }

    [Fact]
    public async Task No_status_within_the_timeout_throws_reply_timeout_exception_and_forgets_the_wait()
    {
        var clock = new FakeTimeProvider();
        var pending = new PendingReplies(Timeout, clock);
        Task<DeviceStatusEvent> waiting = pending.AwaitStatusAsync(DidA, 9, SendNothing);

        clock.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        ReplyTimeoutException e = await Assert.ThrowsAsync<ReplyTimeoutException>(() => waiting);
        Assert.Equal(DidA, e.Did);
        Assert.Equal(Timeout, e.Timeout);
        Assert.Contains("0x0094 with sn 9", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, pending.WaitingForStatus);
        Assert.False(pending.Offer(Status(DidA, 9)));
    }

    [Fact]
    public async Task Cancelled_status_wait_throws_and_forgets_the_wait()
    {
        var pending = new PendingReplies(Timeout, new FakeTimeProvider());
        using var cancel = new CancellationTokenSource();
        Task<DeviceStatusEvent> waiting = pending.AwaitStatusAsync(DidA, 4, SendNothing, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, pending.WaitingForStatus);
        Assert.False(pending.Offer(Status(DidA, 4)));
    }

    [Fact]
    public async Task Failed_send_ends_the_wait_with_the_send_error()
    {
        var pending = new PendingReplies(Timeout, new FakeTimeProvider());

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            pending.AwaitStatusAsync(DidA, 5, _ => Task.FromException(new InvalidOperationException("not connected"))));

        Assert.Equal("not connected", e.Message);
        Assert.Equal(0, pending.WaitingForStatus);
    }

    [Fact]
    public async Task Concurrent_commands_each_get_the_reply_with_their_own_sn()
    {
        var pending = new PendingReplies(Timeout, new FakeTimeProvider());
        const int Commands = 200;
        var waits = new Task<DeviceStatusEvent>[Commands];

        // Half the commands to each device, started from many threads at once; the replies come back shuffled, also
        // from many threads, as MQTTnet's receive thread and the senders race.
        Parallel.For(0, Commands, i => waits[i] = pending.AwaitStatusAsync(i % 2 == 0 ? DidA : DidB, (uint)(i / 2) + 1, SendNothing));
        Assert.Equal(Commands, pending.WaitingForStatus);
        int[] order = Enumerable.Range(0, Commands).OrderBy(i => (i * 7919) % Commands).ToArray();
        int matched = 0;
        Parallel.ForEach(order, i =>
        {
            if (pending.Offer(Status(i % 2 == 0 ? DidA : DidB, (uint)(i / 2) + 1))) Interlocked.Increment(ref matched);
        });

        DeviceStatusEvent[] replies = await Task.WhenAll(waits);
        Assert.Equal(Commands, matched);
        for (int i = 0; i < Commands; i++)
        {
            Assert.Equal(i % 2 == 0 ? DidA : DidB, replies[i].Did);
            Assert.Equal((uint)(i / 2) + 1, replies[i].Sn);
        }

        Assert.Equal(0, pending.WaitingForStatus);
    }

    [Fact]
    public async Task Settings_acks_end_the_waits_of_their_own_DID_oldest_first()
    {
        var pending = new PendingReplies(Timeout, new FakeTimeProvider());
        Task firstA = pending.AwaitSettingsAckAsync(DidA, SendNothing);
        Task secondA = pending.AwaitSettingsAckAsync(DidA, SendNothing);
        Task onlyB = pending.AwaitSettingsAckAsync(DidB, SendNothing);

        Assert.True(pending.Offer(Ack(DidA)));
        await firstA;
        Assert.False(secondA.IsCompleted);
        Assert.False(onlyB.IsCompleted);

        Assert.True(pending.Offer(Ack(DidB)));
        await onlyB;
        Assert.False(secondA.IsCompleted);

        Assert.True(pending.Offer(Ack(DidA)));
        await secondA;
        Assert.False(pending.Offer(Ack(DidA)));
        Assert.Equal(0, pending.WaitingForSettings);
    }

    [Fact]
    public async Task Settings_wait_that_gave_up_does_not_take_the_next_ack()
    {
        var clock = new FakeTimeProvider();
        var pending = new PendingReplies(Timeout, clock);
        using var cancel = new CancellationTokenSource();
        Task cancelled = pending.AwaitSettingsAckAsync(DidA, SendNothing, cancel.Token);
        Task timedOut = pending.AwaitSettingsAckAsync(DidA, SendNothing);
        clock.Advance(TimeSpan.FromSeconds(5));
        Task waiting = pending.AwaitSettingsAckAsync(DidA, SendNothing);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        clock.Advance(TimeSpan.FromSeconds(5));
        ReplyTimeoutException e = await Assert.ThrowsAsync<ReplyTimeoutException>(() => timedOut);
        Assert.Contains("0x0011", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, pending.WaitingForSettings);

        Assert.True(pending.Offer(Ack(DidA)));
        await waiting;
        Assert.Equal(0, pending.WaitingForSettings);
    }

    [Fact]
    public void Timeout_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PendingReplies(TimeSpan.Zero, new FakeTimeProvider()));
    }

    private static DeviceStatusEvent Status(string did, uint? sn) => new(
        did,
        sn == null ? Topics.Dev2App(did) : Topics.Dev2App(did, "usr1"),
        DateTimeOffset.UnixEpoch,
        sn == null ? GizwitsCommand.BusinessReply : GizwitsCommand.BusinessWithSnAck,
        sn,
        sn == null,
        [0x04],
        0x04,
        new List<DataPointReading>(),
        "no product");

    private static SettingsAckEvent Ack(string did) => new(did, Topics.Dev2App(did, "usr1"), DateTimeOffset.UnixEpoch);
}
