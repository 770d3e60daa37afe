using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DeviceFirmware.MockCloud.App;

/// <summary>
/// The App's commands that await an answer (docs/protocol.md §3): a 0x0093 awaits the device's 0x0094 with the same DID
/// and sn, a 0x0010 awaits the device's next 0x0011. Every received event is offered here (<see cref="Offer"/>, on
/// MQTTnet's receive thread) while any number of commands wait on other threads; a reply nobody waits for is left
/// alone (it is still an event for the App to show). A wait ends with the reply, a <see cref="ReplyTimeoutException"/>
/// or the caller's cancellation, and never leaves its entry behind.
/// </summary>
/// <remarks>
/// A 0x0011 carries no sn, so settings answers are matched in order per DID: the device applies 0x0010s in the order
/// it receives them and M2M keeps that order on one connection.
/// </remarks>
public sealed class PendingReplies
{
    private readonly TimeSpan timeout;
    private readonly TimeProvider timeProvider;
    private readonly ConcurrentDictionary<(string Did, uint Sn), TaskCompletionSource<DeviceStatusEvent>> replies = new();
    private readonly object gate = new();
    private readonly Dictionary<string, Queue<TaskCompletionSource<bool>>> settings = new(StringComparer.Ordinal);

    /// <summary>Waits at most <paramref name="timeout"/> (on <paramref name="timeProvider"/>'s clock) for each answer.</summary>
    public PendingReplies(TimeSpan timeout, TimeProvider timeProvider)
    {
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), "the reply timeout must be positive");
        this.timeout = timeout;
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>Commands waiting for a 0x0094 now.</summary>
    public int WaitingForStatus => replies.Count;

    /// <summary>Commands waiting for a 0x0011 now.</summary>
    public int WaitingForSettings
    {
        get
        {
            lock (gate)
            {
                int count = 0;
                foreach (Queue<TaskCompletionSource<bool>> queue in settings.Values) count += queue.Count;
                return count;
            }
        }
    }

    /// <summary>
    /// Registers the wait for the 0x0094 of (<paramref name="did"/>, <paramref name="sn"/>), then runs
    /// <paramref name="send"/> (which publishes the 0x0093), and returns the reply. Registered before sending, so an
    /// answer faster than the publish's own completion is not missed. One wait per (DID, sn) at a time: a second one
    /// replaces the first, which then times out.
    /// </summary>
    /// <exception cref="ReplyTimeoutException">No 0x0094 with the sn within the timeout.</exception>
    public async Task<DeviceStatusEvent> AwaitStatusAsync(string did, uint sn, Func<CancellationToken, Task> send, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(send);
        var reply = new TaskCompletionSource<DeviceStatusEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        replies[(did, sn)] = reply;
        try
        {
            await send(cancellationToken).ConfigureAwait(false);
            return await reply.Task.WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ReplyTimeoutException(did, $"0x0094 with sn {sn}", timeout);
        }
        finally
        {
            replies.TryRemove((did, sn), out _);
        }
    }

    /// <summary>
    /// Queues a wait for <paramref name="did"/>'s next 0x0011, runs <paramref name="send"/> (which publishes the 0x0010)
    /// and returns once the 0x0011 arrived.
    /// </summary>
    /// <exception cref="ReplyTimeoutException">No 0x0011 within the timeout.</exception>
    public async Task AwaitSettingsAckAsync(string did, Func<CancellationToken, Task> send, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(did);
        ArgumentNullException.ThrowIfNull(send);
        var ack = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (!settings.TryGetValue(did, out Queue<TaskCompletionSource<bool>>? queue)) settings[did] = queue = new Queue<TaskCompletionSource<bool>>();
            queue.Enqueue(ack);
        }

        try
        {
            await send(cancellationToken).ConfigureAwait(false);
            await ack.Task.WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ReplyTimeoutException(did, "0x0011 (settings applied)", timeout);
        }
        finally
        {
            Forget(did, ack);
        }
    }

    /// <summary>
    /// Completes the wait <paramref name="received"/> answers: a 0x0094 (a <see cref="DeviceStatusEvent"/> with an sn)
    /// the wait for its (DID, sn), a <see cref="SettingsAckEvent"/> the oldest settings wait of its DID. True when it
    /// answered one; false for anything else (broadcasts, logs, an sn nobody waits for). Never throws.
    /// </summary>
    public bool Offer(AppEvent received)
    {
        switch (received)
        {
            case DeviceStatusEvent { Sn: uint sn } reply when replies.TryRemove((reply.Did, sn), out TaskCompletionSource<DeviceStatusEvent>? waiter):
                return waiter.TrySetResult(reply);
            case SettingsAckEvent ack:
                TaskCompletionSource<bool>? oldest = null;
                lock (gate)
                {
                    if (settings.TryGetValue(ack.Did, out Queue<TaskCompletionSource<bool>>? queue) && queue.Count > 0) oldest = queue.Dequeue();
                }

                return oldest?.TrySetResult(true) ?? false;
            default:
                return false;
        }
    }

    // A wait that ended without its 0x0011 (timeout, cancel, failed send) leaves the queue, so the next 0x0011 goes to
    // a command still waiting rather than to one that gave up.
    private void Forget(string did, TaskCompletionSource<bool> ack)
    {
        lock (gate)
        {
            if (!settings.TryGetValue(did, out Queue<TaskCompletionSource<bool>>? queue) || ack.Task.IsCompleted) return;
            var rest = new Queue<TaskCompletionSource<bool>>();
            foreach (TaskCompletionSource<bool> other in queue)
            {
                if (other != ack) rest.Enqueue(other);
            }

            settings[did] = rest;
        }
    }
}
