using System;
using System.Linq;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Tests.MockCloud.App;
using DeviceFirmware.Tests.MockCloud.M2m;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>Order-aware waits on an <see cref="AppEventLog"/> (arrival order, not timestamps, which may tie).</summary>
    internal static class AppEventLogExtensions
    {
        /// <summary>The first <typeparamref name="T"/> matching <paramref name="match"/> that arrived after <paramref name="marker"/>.</summary>
        public static async Task<T> WaitForAfterAsync<T>(this AppEventLog log, AppEvent marker, Func<T, bool> match, string what)
            where T : AppEvent
        {
            T? found = null;
            await Eventually.True(() => (found = After(log, marker).OfType<T>().FirstOrDefault(match)) != null, what + "; events so far: " + string.Join(" | ", log.All.Select(e => e.ToString())));
            return found!;
        }

        /// <summary>The events that arrived after <paramref name="marker"/> (by reference), in order.</summary>
        public static AppEvent[] After(this AppEventLog log, AppEvent marker)
        {
            AppEvent[] all = log.All;
            int at = Array.FindIndex(all, e => ReferenceEquals(e, marker));
            if (at < 0) throw new InvalidOperationException("the marker is not in this log");
            return all[(at + 1)..];
        }

        /// <summary>The events that arrived before <paramref name="marker"/> (by reference), in order.</summary>
        public static AppEvent[] Before(this AppEventLog log, AppEvent marker)
        {
            AppEvent[] all = log.All;
            int at = Array.FindIndex(all, e => ReferenceEquals(e, marker));
            if (at < 0) throw new InvalidOperationException("the marker is not in this log");
            return all[..at];
        }
    }
}
