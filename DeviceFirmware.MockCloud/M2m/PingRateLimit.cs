using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>
/// docs/protocol.md §4: more than <c>max</c> PINGREQs within a sliding <c>window</c> from one client means it is to be
/// disconnected. Keeps at most <c>max + 1</c> times per connected client.
/// </summary>
public sealed class PingRateLimit
{
    private readonly int max;
    private readonly TimeSpan window;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> pings = new(StringComparer.Ordinal);

    /// <summary>Allows <paramref name="max"/> PINGREQs in any <paramref name="window"/> measured on <paramref name="clock"/>.</summary>
    public PingRateLimit(int max, TimeSpan window, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        this.max = max;
        this.window = window;
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Counts one PINGREQ of <paramref name="clientId"/>; true when that makes more than allowed in the window.</summary>
    public bool IsExceededBy(string clientId)
    {
        DateTimeOffset now = clock.GetUtcNow();
        Queue<DateTimeOffset> times = pings.GetOrAdd(clientId, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            while (times.Count > 0 && now - times.Peek() >= window) times.Dequeue();
            times.Enqueue(now);
            if (times.Count > max + 1) times.Dequeue();
            return times.Count > max;
        }
    }

    /// <summary>Forgets <paramref name="clientId"/> (its connection ended).</summary>
    public void Forget(string clientId) => pings.TryRemove(clientId, out _);
}
