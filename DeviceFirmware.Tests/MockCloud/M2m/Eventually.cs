using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit.Sdk;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>Waits for a condition (polling) instead of sleeping a fixed time; fails with a message after a generous timeout.</summary>
public static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task True(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? Timeout;
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > limit) throw new XunitException($"timed out after {limit.TotalSeconds} s waiting for: {what}");
            await Task.Delay(20);
        }
    }
}
