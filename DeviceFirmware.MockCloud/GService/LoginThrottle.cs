using System;
using System.Collections.Generic;

namespace DeviceFirmware.MockCloud.GService;

/// <summary>
/// Counts failed logins per key (a login name, a remote address) in a sliding window; once a key has reached the
/// limit, logins under it are refused until its oldest failure leaves the window. Time comes from the injected clock.
/// </summary>
internal sealed class LoginThrottle
{
    private readonly object gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);
    private readonly GServiceOptions options;
    private readonly Func<int> limit;

    // Keys are pruned when checked; a sweep of all keys bounds memory when many names fail once and never return.
    private const int SweepAbove = 10_000;

    /// <summary>A throttle of <see cref="GServiceOptions.LoginFailureLimit"/> failures per key in the window.</summary>
    public LoginThrottle(GServiceOptions options)
        : this(options, () => options.LoginFailureLimit)
    {
    }

    /// <summary>A throttle of <paramref name="limit"/> (read on every check, as the options may change) events per key in <see cref="GServiceOptions.LoginFailureWindow"/>.</summary>
    public LoginThrottle(GServiceOptions options, Func<int> limit)
    {
        this.options = options;
        this.limit = limit;
    }

    /// <summary>True when any of <paramref name="keys"/> has reached the limit in the window.</summary>
    public bool IsThrottled(params string[] keys)
    {
        lock (gate)
        {
            DateTimeOffset now = options.TimeProvider.GetUtcNow();
            foreach (string key in keys)
            {
                if (failures.TryGetValue(key, out Queue<DateTimeOffset>? times) && Prune(key, times, now) >= limit()) return true;
            }

            return false;
        }
    }

    /// <summary>Records a failed login under each of <paramref name="keys"/>.</summary>
    public void RecordFailure(params string[] keys)
    {
        lock (gate)
        {
            DateTimeOffset now = options.TimeProvider.GetUtcNow();
            if (failures.Count >= SweepAbove) Sweep(now);
            foreach (string key in keys)
            {
                if (!failures.TryGetValue(key, out Queue<DateTimeOffset>? times)) failures[key] = times = new Queue<DateTimeOffset>();
                times.Enqueue(now);
            }
        }
    }

    /// <summary>Forgets the failures under <paramref name="key"/> (a successful login of that name).</summary>
    public void Clear(string key)
    {
        lock (gate) failures.Remove(key);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (KeyValuePair<string, Queue<DateTimeOffset>> pair in new List<KeyValuePair<string, Queue<DateTimeOffset>>>(failures)) Prune(pair.Key, pair.Value, now);
    }

    private int Prune(string key, Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && now - times.Peek() >= options.LoginFailureWindow) times.Dequeue();
        if (times.Count == 0) failures.Remove(key);
        return times.Count;
    }
}
