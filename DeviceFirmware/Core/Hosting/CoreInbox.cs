using System.Threading;
using DeviceFirmware.Protocol;

namespace DeviceFirmware.Core.Hosting
{
    /// <summary>
    /// The events waiting for the core, in arrival order: one preallocated ring shared by messages, logs and session
    /// events (connected, failed, lost, ping). Messages and logs together may fill <c>capacity</c> slots; beyond that
    /// they are dropped and counted, because a device must never run out of heap because the network (or its own
    /// logging) was faster than its pins. Session events have <see cref="SessionReserve"/> more slots of their own, so
    /// a flood can never push one out: losing one would wedge the session supervisor. Any thread may post; one thread
    /// takes. The arrays a message brings are kept, not copied (<see cref="HostLoop"/> copies a reused buffer first).
    /// </summary>
#pragma warning disable CA1001 // Lives as long as the device; nanoFramework's WaitHandle has no Dispose to call.
    public sealed class CoreInbox
    {
        /// <summary>Slots only session events may use (an attempt posts at most two; 16 leaves room for stragglers).</summary>
        public const int SessionReserve = 16;

        private readonly object gate = new object();
        private readonly AutoResetEvent signal = new AutoResetEvent(false);
        private readonly int capacity;
        private readonly CoreEventKind[] kinds;
        private readonly string[] topics;
        private readonly byte[][] payloads;
        private readonly int[] offsets;
        private readonly int[] counts;
        private readonly bool[] retained;
        private readonly LogLevel[] levels;
        private readonly string[] sources;
        private readonly string[] contents;
        private int head;
        private int queued;
        private int queuedData;

        /// <summary>Creates an inbox for at most <paramref name="capacity"/> waiting messages and logs (at least 1).</summary>
        public CoreInbox(int capacity)
        {
            this.capacity = capacity < 1 ? 1 : capacity;
            int slots = this.capacity + SessionReserve;
            kinds = new CoreEventKind[slots];
            topics = new string[slots];
            payloads = new byte[slots][];
            offsets = new int[slots];
            counts = new int[slots];
            retained = new bool[slots];
            levels = new LogLevel[slots];
            sources = new string[slots];
            contents = new string[slots];
        }

        /// <summary>Messages dropped because the inbox was full.</summary>
        public int DroppedMessages { get; private set; }

        /// <summary>Logs dropped because the inbox was full.</summary>
        public int DroppedLogs { get; private set; }

        /// <summary>Session events dropped: only when <see cref="SessionReserve"/> of them were waiting at once, which is a bug.</summary>
        public int DroppedSessionEvents { get; private set; }

        /// <summary>Bytes preallocated here, counting references as 4 bytes as on the ESP32 (for the memory budget).</summary>
        public int PreallocatedBytes => kinds.Length * (4 + 4 + 4 + 4 + 4 + 1 + 4 + 4 + 4);

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

                Put(kind, null, null, 0, 0, false, LogLevel.Off, null, null, false);
            }

            signal.Set();
            return true;
        }

        /// <summary>Queues a message, keeping <paramref name="payload"/> as it is; false (and counted) when full.</summary>
        public bool PostMessage(string topic, byte[] payload, int offset, int count, bool isRetained)
        {
            lock (gate)
            {
                if (queuedData == capacity || queued == kinds.Length)
                {
                    DroppedMessages++;
                    return false;
                }

                Put(CoreEventKind.Message, topic, payload, offset, count, isRetained, LogLevel.Off, null, null, true);
            }

            signal.Set();
            return true;
        }

        /// <summary>Queues a log for the Apps; false (and counted) when full.</summary>
        public bool PostLog(LogLevel level, string tag, string source, string content)
        {
            lock (gate)
            {
                if (queuedData == capacity || queued == kinds.Length)
                {
                    DroppedLogs++;
                    return false;
                }

                Put(CoreEventKind.Log, tag, null, 0, 0, false, level, source, content, true);
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
            lock (gate)
            {
                if (queued == 0)
                {
                    into.Clear();
                    return CoreEventKind.None;
                }

                CoreEventKind kind = kinds[head];
                into.Kind = kind;
                into.Payload = payloads[head];
                into.Offset = offsets[head];
                into.Count = counts[head];
                into.Retained = retained[head];
                into.Level = levels[head];
                into.Source = sources[head];
                into.Content = contents[head];
                if (kind == CoreEventKind.Log)
                {
                    into.Tag = topics[head];
                    into.Topic = null;
                }
                else
                {
                    into.Topic = topics[head];
                    into.Tag = null;
                }

                topics[head] = null;
                payloads[head] = null;
                sources[head] = null;
                contents[head] = null;
                head = (head + 1) % kinds.Length;
                queued--;
                if (kind == CoreEventKind.Message || kind == CoreEventKind.Log) queuedData--;
                return kind;
            }
        }

        // Caller holds the gate and has checked there is room.
        private void Put(CoreEventKind kind, string topic, byte[] payload, int offset, int count, bool isRetained, LogLevel level, string source, string content, bool data)
        {
            int slot = (head + queued) % kinds.Length;
            kinds[slot] = kind;
            topics[slot] = topic;
            payloads[slot] = payload;
            offsets[slot] = offset;
            counts[slot] = count;
            retained[slot] = isRetained;
            levels[slot] = level;
            sources[slot] = source;
            contents[slot] = content;
            queued++;
            if (data) queuedData++;
        }
    }
#pragma warning restore CA1001
}
