using System;
using System.IO;
using System.Linq;

namespace DeviceFirmware.Tests.Support
{
    /// <summary>
    /// A child process's memory as Linux counts it (<c>/proc/PID/status</c>): what it holds now (VmRSS) and the most it ever
    /// held (VmHWM, the high-water mark), in bytes. The memory-bound tests compare the high-water mark after an attack with
    /// the resident size before it, so a peak that was freed again still counts.
    /// </summary>
    internal static class ProcessMemory
    {
        public static bool Available => File.Exists("/proc/self/status");

        public static long ResidentBytes(int pid) => Read(pid, "VmRSS:");

        public static long PeakResidentBytes(int pid) => Read(pid, "VmHWM:");

        private static long Read(int pid, string field)
        {
            string line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
            string kb = line.Substring(field.Length).Trim().Split(' ')[0];
            return long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
    }
}
