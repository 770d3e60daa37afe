using System;
using System.Threading;
using DeviceFirmware.Core;
using DeviceFirmware.Core.Device;

namespace DeviceFirmware.Nano.Hosting
{
    /// <summary>
    /// The one thread that runs the core on the ESP32 (the nanoFramework twin of the .NET host's FirmwareLoop): it
    /// sleeps until the core's next deadline or the next inbox event, hands the event over, then ticks. If the core
    /// ever throws, outputs go to their safe levels, the session stops, and after <see cref="RestartDelayMs"/> the
    /// core starts again (safe levels first, then a fresh session): a bug must not leave a relay on.
    /// </summary>
    public sealed class NanoLoop
    {
        /// <summary>Wait after a failure before starting the core again.</summary>
        public const int RestartDelayMs = 5000;

        /// <summary>Longest sleep between two ticks, so that the clock is read at least this often (see <see cref="NanoClock"/>).</summary>
        public const int MaxSleepMs = 1000;

        private readonly DeviceCore core;
        private readonly NanoInbox inbox;
        private readonly IClock clock;
        private bool firstConnectReported;

        /// <summary>Creates the loop; <see cref="Run"/> drives it.</summary>
        public NanoLoop(DeviceCore core, NanoInbox inbox, IClock clock)
        {
            this.core = core;
            this.inbox = inbox;
            this.clock = clock;
        }

        /// <summary>Runs forever on the calling thread (Program.Main's).</summary>
        public void Run()
        {
            while (true)
            {
                try
                {
                    core.Start();
                    while (true) Step();
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
                core.Stop();
            }
            catch (Exception e)
            {
                // A pin that cannot be written must not end Main: the next Start drives every output again.
                Console.WriteLine("stopping the core failed: " + e.Message);
            }
        }

        /// <summary>One turn: wait for an event or the next deadline, hand the event to the core, tick.</summary>
        public void Step()
        {
            long wait = core.NextDeadlineMs - clock.NowMs;
            int timeout = wait <= 0 ? 0 : (wait >= MaxSleepMs ? MaxSleepMs : (int)wait);
            NanoEventKind kind = inbox.Take(timeout, out string topic, out byte[] payload, out bool retained);
            switch (kind)
            {
                case NanoEventKind.Message:
                    core.OnMessage(topic, payload, 0, payload.Length, retained);
                    break;
                case NanoEventKind.Connected:
                    core.OnConnected();
                    if (!firstConnectReported)
                    {
                        firstConnectReported = true;
                        HeapReport.Print("after the first connect");
                    }

                    break;
                case NanoEventKind.ConnectFailed:
                    core.OnConnectFailed();
                    break;
                case NanoEventKind.ConnectionLost:
                    core.OnConnectionLost();
                    break;
                case NanoEventKind.PingResponse:
                    core.OnPingResponse();
                    break;
            }

            core.Tick();
        }
    }
}
