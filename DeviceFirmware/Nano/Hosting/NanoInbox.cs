using System.Threading;

namespace DeviceFirmware.Nano.Hosting
{
    /// <summary>
    /// The loop thread's queue, preallocated and bounded: M2Mqtt's threads post, the loop takes. Session events
    /// (connected, failed, lost, ping) go to their own small ring and are taken first, in order, so a flood of
    /// messages can never push one out (losing one would wedge the supervisor). Messages beyond
    /// <c>messageCapacity</c> are dropped and counted: a device must never run out of heap because the network was
    /// faster than its pins. The payload array is M2Mqtt's own (it allocates one per PUBLISH); nothing is copied.
    /// </summary>
    public sealed class NanoInbox
    {
        private const int SessionCapacity = 16;
        private readonly object gate = new object();
        private readonly AutoResetEvent signal = new AutoResetEvent(false);
        private readonly NanoEventKind[] sessionKinds = new NanoEventKind[SessionCapacity];
        private readonly string[] topics;
        private readonly byte[][] payloads;
        private readonly bool[] retained;
        private int sessionHead;
        private int sessionCount;
        private int messageHead;
        private int messageCount;

        /// <summary>Creates an inbox holding at most <paramref name="messageCapacity"/> messages (at least 1).</summary>
        public NanoInbox(int messageCapacity)
        {
            if (messageCapacity < 1) messageCapacity = 1;
            topics = new string[messageCapacity];
            payloads = new byte[messageCapacity][];
            retained = new bool[messageCapacity];
        }

        /// <summary>Messages dropped because the inbox was full.</summary>
        public int DroppedMessages { get; private set; }

        /// <summary>Session events dropped (only if more than 16 were waiting: a bug, since an attempt posts at most two).</summary>
        public int DroppedSessionEvents { get; private set; }

        /// <summary>Bytes preallocated here, 4-byte references as on the ESP32 (for the memory budget).</summary>
        public int PreallocatedBytes => (SessionCapacity * 4) + (topics.Length * (4 + 4 + 1));

        /// <summary>Queues a session event (any kind but <see cref="NanoEventKind.Message"/>).</summary>
        public void PostSession(NanoEventKind kind)
        {
            lock (gate)
            {
                if (sessionCount == SessionCapacity)
                {
                    DroppedSessionEvents++;
                    return;
                }

                sessionKinds[(sessionHead + sessionCount) % SessionCapacity] = kind;
                sessionCount++;
            }

            signal.Set();
        }

        /// <summary>Queues a message; false (and counted) when the inbox is full.</summary>
        public bool PostMessage(string topic, byte[] payload, bool isRetained)
        {
            lock (gate)
            {
                if (messageCount == topics.Length)
                {
                    DroppedMessages++;
                    return false;
                }

                int slot = (messageHead + messageCount) % topics.Length;
                topics[slot] = topic;
                payloads[slot] = payload;
                retained[slot] = isRetained;
                messageCount++;
            }

            signal.Set();
            return true;
        }

        /// <summary>
        /// Takes the next event, waiting at most <paramref name="timeoutMs"/> for one; <see cref="NanoEventKind.None"/>
        /// on timeout. For a message, <paramref name="topic"/>, <paramref name="payload"/> and <paramref name="isRetained"/> are set.
        /// </summary>
        public NanoEventKind Take(int timeoutMs, out string topic, out byte[] payload, out bool isRetained)
        {
            if (!TryTake(out NanoEventKind kind, out topic, out payload, out isRetained) && timeoutMs > 0)
            {
                signal.WaitOne(timeoutMs, false);
                TryTake(out kind, out topic, out payload, out isRetained);
            }

            return kind;
        }

        private bool TryTake(out NanoEventKind kind, out string topic, out byte[] payload, out bool isRetained)
        {
            topic = null;
            payload = null;
            isRetained = false;
            lock (gate)
            {
                if (sessionCount > 0)
                {
                    kind = sessionKinds[sessionHead];
                    sessionHead = (sessionHead + 1) % SessionCapacity;
                    sessionCount--;
                    return true;
                }

                if (messageCount > 0)
                {
                    topic = topics[messageHead];
                    payload = payloads[messageHead];
                    isRetained = retained[messageHead];
                    topics[messageHead] = null;
                    payloads[messageHead] = null;
                    messageHead = (messageHead + 1) % topics.Length;
                    messageCount--;
                    kind = NanoEventKind.Message;
                    return true;
                }
            }

            kind = NanoEventKind.None;
            return false;
        }
    }
}
