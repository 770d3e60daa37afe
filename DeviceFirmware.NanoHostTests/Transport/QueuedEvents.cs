using System;
using DeviceFirmware.Core.Hosting;

namespace DeviceFirmware.NanoHostTests.Transport
{
    /// <summary>
    /// The transport's events queued in a real <see cref="CoreInbox"/> and never run, so that a test can take them one
    /// by one in the order the transport reported them (a <see cref="HostLoop"/> would run them).
    /// </summary>
    internal sealed class QueuedEvents : ITransportEvents
    {
        private readonly CoreInbox inbox;
        private readonly CoreEvent taken = new CoreEvent();

        public QueuedEvents(int capacity) => inbox = new CoreInbox(capacity, 0);

        public void Connected() => inbox.PostSession(CoreEventKind.Connected);

        public void ConnectFailed() => inbox.PostSession(CoreEventKind.ConnectFailed);

        public void ConnectionLost() => inbox.PostSession(CoreEventKind.ConnectionLost);

        public void PingResponse() => inbox.PostSession(CoreEventKind.PingResponse);

        public bool Message(string topic, byte[] payload, int offset, int count, bool retained, bool payloadReused)
        {
            byte[] kept = payload;
            if (payloadReused || offset != 0 || count != payload.Length)
            {
                kept = new byte[count];
                Array.Copy(payload, offset, kept, 0, count);
            }

            return inbox.PostMessage(topic, kept, 0, count, retained);
        }

        /// <summary>Takes the next event, waiting at most <paramref name="timeoutMs"/>; <see cref="CoreEventKind.None"/> on timeout.</summary>
        public CoreEventKind Take(int timeoutMs, out string topic, out byte[] payload, out bool retained)
        {
            inbox.Wait(timeoutMs);
            CoreEventKind kind = inbox.TryTake(taken);
            topic = taken.Topic;
            payload = taken.Payload;
            retained = taken.Retained;
            return kind;
        }
    }
}
