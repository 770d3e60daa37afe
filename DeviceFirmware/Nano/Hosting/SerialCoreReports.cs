using System;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Core.Dispatch;

namespace DeviceFirmware.Nano.Hosting
{
    /// <summary>
    /// The core's session decisions on the serial console, with the heap after the first connect (the figure
    /// docs/esp32.md asks for). Refused messages stay off the console: the Apps already got them as 0x0012, and building
    /// their text on every bad frame would cost heap exactly when someone floods the device.
    /// </summary>
    public sealed class SerialCoreReports : ICoreReports
    {
        private bool connectedBefore;

        /// <inheritdoc/>
        public void Connected()
        {
            Console.WriteLine("connected");
            if (connectedBefore) return;
            connectedBefore = true;
            HeapReport.Print("after the first connect");
        }

        /// <inheritdoc/>
        public void ConnectAttemptFailed(int failedAttempts, long nextAttemptInMs)
        {
            Console.WriteLine("connect attempt " + failedAttempts + " failed; next in " + nextAttemptInMs + " ms");
        }

        /// <inheritdoc/>
        public void SessionEnded(bool droppedAsDead, int missedPings, long connectedMs, int failedAttempts, long nextAttemptInMs)
        {
            string what = droppedAsDead ? "session dropped (" + missedPings + " PINGRESPs missed)" : "session lost";
            Console.WriteLine(what + " after " + connectedMs + " ms; " + (failedAttempts == 0 ? "reconnecting at once" : "next attempt in " + nextAttemptInMs + " ms"));
        }

        /// <inheritdoc/>
        public void MessageRefused(DispatchOutcome outcome, RefusalReport refusal)
        {
        }
    }
}
