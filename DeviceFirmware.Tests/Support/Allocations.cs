using System;

namespace DeviceFirmware.Tests.Support
{
    /// <summary>Counts bytes allocated on the current thread by a loop of calls, after a warm-up.</summary>
    internal static class Allocations
    {
        /// <summary>
        /// The fewest bytes that any of <paramref name="rounds"/> loops of <paramref name="iterations"/> calls allocated.
        /// The runtime itself occasionally allocates on the calling thread once (tiered JIT promotion happens
        /// in the middle of a loop), so one clean round is enough; code that allocates per call dirties every round.
        /// </summary>
        public static long Of(Action action, int iterations = 1000, int rounds = 5)
        {
            for (int i = 0; i < 200; i++) action();
            long least = long.MaxValue;
            for (int r = 0; r < rounds && least != 0; r++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < iterations; i++) action();
                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            return least;
        }
    }
}
