using System.Threading;
using DeviceFirmware.Protocol;

namespace DeviceFirmware.Core.Hosting
{
    /// <summary>
    /// The events waiting for the core, in arrival order, preallocated: a ring of event kinds gives the order, and the
    /// messages' and the logs' own rings hold what they carry (each is first in, first out among its kind, so the next
    /// of a kind is always at the head of its ring). At most <c>messageCapacity</c> messages and <c>logCapacity</c>
    /// logs wait; beyond that they are dropped and counted, because a device must never run out of heap because the
    /// network (or its own logging) was faster than its pins. Session events (connected, failed, lost, ping) carry
    /// nothing and have <see cref="SessionReserve"/> slots of their own, so a flood can never push one out: losing one
    /// would wedge the session supervisor. Any thread may post; one thread takes. The arrays a message brings are kept,
    /// not copied (<see cref="HostLoop"/> copies a reused buffer first).
    /// </summary>
#pragma warning disable CA1001 // Lives as long as the device; nanoFramework's WaitHandle has no Dispose to call.
    public sealed class CoreInbox
#pragma warning restore CA1001
    {
        /// <summary>Slots only session events may use (an attempt posts at most two; 16 leaves room for stragglers).</summary>
        public const int SessionReserve = 16;

        private readonly object gate = new object();
        private readonly AutoResetEvent signal = new AutoResetEvent(false);
        private readonly CoreEventKind[] kinds;
        private readonly string[] topics;
        private readonly byte[][] payloads;
        private readonly int[] offsets;
        private readonly int[] counts;
        private readonly bool[] retained;
        private readonly LogLevel[] levels;
        private readonly string[] tags;
        private readonly string[] sources;
        private readonly string[] contents;
        private int head;
        private int queued;
        private int messageHead;
        private int messages;
        private int logHead;
        private int logs;

        /// <summary>
        /// Creates an inbox for at most <paramref name="messageCapacity"/> waiting messages (at least 1) and
        /// <paramref name="logCapacity"/> waiting logs (0 for a host that posts none, as the ESP32's: no log storage).
        /// </summary>
        public CoreInbox(int messageCapacity, int logCapacity)
        {
            if (messageCapacity < 1) messageCapacity = 1;
            if (logCapacity < 0) logCapacity = 0;
            kinds = new CoreEventKind[messageCapacity + logCapacity + SessionReserve];
            topics = new string[messageCapacity];
            payloads = new byte[messageCapacity][];
            offsets = new int[messageCapacity];
            counts = new int[messageCapacity];
            retained = new bool[messageCapacity];
            levels = new LogLevel[logCapacity];
            tags = new string[logCapacity];
            sources = new string[logCapacity];
            contents = new string[logCapacity];
        }

        /// <summary>Messages dropped because <c>messageCapacity</c> were waiting.</summary>
        public int DroppedMessages { get; private set; }

        /// <summary>Logs dropped because <c>logCapacity</c> were waiting (every log, with a capacity of 0).</summary>
        public int DroppedLogs { get; private set; }

        /// <summary>Session events dropped: only when every slot was taken, which is a bug.</summary>
        public int DroppedSessionEvents { get; private set; }

        /// <summary>Bytes preallocated here, counting references as 4 bytes as on the ESP32 (for the memory budget).</summary>
        public int PreallocatedBytes => (kinds.Length * 4) + (topics.Length * (4 + 4 + 4 + 4 + 1)) + (tags.Length * (4 + 4 + 4 + 4));

        /// <summary>True when nothing waits (a snapshot: another thread may post at any moment).</summary>
        public bool IsEmpty
        {
            get
            {
                lock (gate) return queued == 0;
            }
        }

        /// <summary>Queues a session event (Connected, ConnectFailed, ConnectionLost or PingResponse).</summary>
        public bool PostSession(CoreEventKind kind)
        {
            lock (gate)
            {
                if (queued == kinds.Length)
                {
                    DroppedSessionEvents++;
                    return false;
                }

                Order(kind);
            }

            signal.Set();
            return true;
        }

        /// <summary>Queues a message, keeping <paramref name="payload"/> as it is; false (and counted) when full.</summary>
        public bool PostMessage(string topic, byte[] payload, int offset, int count, bool isRetained)
        {
            lock (gate)
            {
                if (messages == topics.Length || queued == kinds.Length)
                {
                    DroppedMessages++;
                    return false;
                }

                int slot = (messageHead + messages) % topics.Length;
                topics[slot] = topic;
                payloads[slot] = payload;
                offsets[slot] = offset;
                counts[slot] = count;
                retained[slot] = isRetained;
                messages++;
                Order(CoreEventKind.Message);
            }

            signal.Set();
            return true;
        }

        /// <summary>Queues a log for the Apps; false (and counted) when full.</summary>
        public bool PostLog(LogLevel level, string tag, string source, string content)
        {
            lock (gate)
            {
                if (logs == tags.Length || queued == kinds.Length)
                {
                    DroppedLogs++;
                    return false;
                }

                int slot = (logHead + logs) % tags.Length;
                levels[slot] = level;
                tags[slot] = tag;
                sources[slot] = source;
                contents[slot] = content;
                logs++;
                Order(CoreEventKind.Log);
            }

            signal.Set();
            return true;
        }

        /// <summary>Wakes a thread blocked in <see cref="Wait"/> without posting anything (to stop a loop).</summary>
        public void Wake()
        {
            signal.Set();
        }

        /// <summary>
        /// Blocks at most <paramref name="timeoutMs"/> until something is posted (or <see cref="Wake"/>); returns at once
        /// when something already waits. It may also return early without an event: the caller just looks again.
        /// </summary>
        public void Wait(int timeoutMs)
        {
            if (timeoutMs <= 0 || !IsEmpty) return;
            signal.WaitOne(timeoutMs, false);
        }

        /// <summary>Moves the oldest event into <paramref name="into"/>; <see cref="CoreEventKind.None"/> when empty.</summary>
        public CoreEventKind TryTake(CoreEvent into)
        {
            into.Clear();
            lock (gate)
            {
                if (queued == 0) return CoreEventKind.None;
                CoreEventKind kind = kinds[head];
                head = (head + 1) % kinds.Length;
                queued--;
                into.Kind = kind;
                if (kind == CoreEventKind.Message) TakeMessage(into);
                else if (kind == CoreEventKind.Log) TakeLog(into);
                return kind;
            }
        }

        // Caller holds the gate and has checked there is room.
        private void Order(CoreEventKind kind)
        {
            kinds[(head + queued) % kinds.Length] = kind;
            queued++;
        }

        // Caller holds the gate; the references are dropped from the ring so that it keeps no payload alive.
        private void TakeMessage(CoreEvent into)
        {
            into.Topic = topics[messageHead];
            into.Payload = payloads[messageHead];
            into.Offset = offsets[messageHead];
            into.Count = counts[messageHead];
            into.Retained = retained[messageHead];
            topics[messageHead] = null;
            payloads[messageHead] = null;
            messageHead = (messageHead + 1) % topics.Length;
            messages--;
        }

        private void TakeLog(CoreEvent into)
        {
            into.Level = levels[logHead];
            into.Tag = tags[logHead];
            into.Source = sources[logHead];
            into.Content = contents[logHead];
            tags[logHead] = null;
            sources[logHead] = null;
            contents[logHead] = null;
            logHead = (logHead + 1) % tags.Length;
            logs--;
        }
    }
}
