using System;
using System.Diagnostics;
using System.Threading;
using DeviceFirmware.Core.Hosting;

namespace DeviceFirmware.NanoHostTests.Transport
{
    /// <summary>Waits for what the transport's threads post. The limits only stop a hung test; no test asserts on time.</summary>
    internal static class InboxWaits
    {
        public const int GiveUpMs = 20000;

        /// <summary>Takes events until one of <paramref name="kind"/> (true) or the give-up limit (false); other session events are returned in <paramref name="seen"/>.</summary>
        public static bool Next(QueuedEvents inbox, CoreEventKind kind, out CoreEventKind seen)
        {
            var clock = Stopwatch.StartNew();
            seen = CoreEventKind.None;
            while (clock.ElapsedMilliseconds < GiveUpMs)
            {
                CoreEventKind got = inbox.Take(200, out _, out _, out _);
                if (got == CoreEventKind.None) continue;
                seen = got;
                return got == kind;
            }

            return false;
        }

        /// <summary>Waits until <paramref name="condition"/> holds (true) or the give-up limit (false).</summary>
        public static bool Until(Func<bool> condition)
        {
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < GiveUpMs)
            {
                if (condition()) return true;
                Thread.Sleep(10);
            }

            return condition();
        }
    }
}
