using System;
using System.Threading;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Hosting;

namespace DeviceFirmware.Nano.Hosting
{
    /// <summary>
    /// The ESP32's loop thread (Program.Main's): <see cref="HostLoop.Start"/>, then <see cref="HostLoop.Step"/> for ever.
    /// Which thread runs which event is <see cref="HostLoop"/>'s decision, the same as in the .NET host. If the core
    /// ever throws, outputs go to their safe levels, the session stops, and after <see cref="RestartDelayMs"/> the core
    /// starts again (safe levels first, then a fresh session): a bug must not leave a relay on.
    /// </summary>
    public sealed class NanoLoop
    {
        /// <summary>Wait after a failure before starting the core again.</summary>
        public const int RestartDelayMs = 5000;

        /// <summary>Longest sleep between two ticks, so that the clock is read at least this often (see <see cref="NanoClock"/>).</summary>
        public const int MaxSleepMs = 1000;

        private readonly HostLoop loop;
        private readonly DeviceCore core;

        /// <summary>Creates the loop; <see cref="Run"/> drives it.</summary>
        public NanoLoop(HostLoop loop, DeviceCore core)
        {
            this.loop = loop;
            this.core = core;
        }

        /// <summary>Runs forever on the calling thread.</summary>
        public void Run()
        {
            while (true)
            {
                try
                {
                    loop.Start(core);
                    while (true) loop.Step(MaxSleepMs);
                }
                catch (Exception e)
                {
                    Console.WriteLine("firmware loop failed, outputs to safe levels: " + e.Message);
                    StopSafely();
                    Thread.Sleep(RestartDelayMs);
                }
            }
        }

        private void StopSafely()
        {
            try
            {
                loop.Stop();
            }
            catch (Exception e)
            {
                // A pin that cannot be written must not end Main: the next Start drives every output again.
                Console.WriteLine("stopping the core failed: " + e.Message);
            }
        }
    }
}
