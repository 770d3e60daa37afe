#nullable enable
using System;
using System.Collections.Concurrent;
using System.Threading;

namespace DeviceFirmware.Iot.Hosting;

/// <summary>
/// The loop thread's queue: MQTTnet's callbacks and every <c>ILogger</c> post here from any thread; the loop takes
/// events one at a time. Bounded, so a flood of messages (or logs) while the loop is busy costs a counter, not memory:
/// a device must never run out of heap because the network was faster than its pins.
/// </summary>
public sealed class FirmwareInbox : IDisposable
{
    private readonly ConcurrentQueue<FirmwareEvent> queue = new();
    private readonly SemaphoreSlim signal = new(0);
    private readonly int capacity;
    private int count;
    private long dropped;

    /// <summary>Creates an inbox holding at most <paramref name="capacity"/> events.</summary>
    public FirmwareInbox(int capacity = 1024)
    {
        this.capacity = capacity;
    }

    /// <summary>Events dropped because the inbox was full.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Queues an event; false (and counted) when full. Session events are always kept, since losing one would wedge the supervisor.</summary>
    public bool Post(FirmwareEvent item)
    {
        bool sessionEvent = item.Kind is not FirmwareEventKind.Message and not FirmwareEventKind.Log;
        if (Interlocked.Increment(ref count) > capacity && !sessionEvent)
        {
            Interlocked.Decrement(ref count);
            Interlocked.Increment(ref dropped);
            return false;
        }

        queue.Enqueue(item);
        signal.Release();
        return true;
    }

    /// <summary>True when no event is queued (a snapshot: another thread may post at any moment).</summary>
    public bool IsEmpty => Volatile.Read(ref count) <= 0;

    /// <summary>Waits at most <paramref name="timeoutMs"/> for an event to be posted (without taking it); false on timeout or cancellation.</summary>
    public bool Wait(int timeoutMs, CancellationToken cancel)
    {
        try
        {
            return signal.Wait(timeoutMs < 0 ? 0 : timeoutMs, cancel);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Takes the next event without waiting.</summary>
    public bool TryTake(out FirmwareEvent? item)
    {
        if (!queue.TryDequeue(out item)) return false;
        Interlocked.Decrement(ref count);
        return true;
    }

    /// <summary>Takes the next event, waiting at most <paramref name="timeoutMs"/>; null on timeout or cancellation.</summary>
    public FirmwareEvent? Take(int timeoutMs, CancellationToken cancel) =>
        Wait(timeoutMs, cancel) && TryTake(out FirmwareEvent? item) ? item : null;

    /// <inheritdoc/>
    public void Dispose() => signal.Dispose();
}
