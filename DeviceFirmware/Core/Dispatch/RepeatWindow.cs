namespace DeviceFirmware.Core.Dispatch
{
    /// <summary>
    /// The last few answered 0x0093 requests with the 0x0094 frame that answered each, so that an App that retries gets
    /// the same answer again and the command does not run twice. A request is a repeat only when all of these match an
    /// entry: the AppClientId, the sn, the request body (its length and a 32-bit FNV-1a hash of its bytes) and the time
    /// (at most <see cref="WindowMs"/> after the answer). An App that restarts and counts its sn from 1 again (Gizwits'
    /// App SDKs do) therefore has its new command run, unless it is byte-for-byte the same command within the window,
    /// which is then answered from memory. Bounded in entries and bytes, preallocated, allocation-free.
    /// </summary>
    public sealed class RepeatWindow
    {
        /// <summary>
        /// The default window, 30 s: an App's retry comes after its reply timeout (gizctl waits 10 s), so two retries fit;
        /// QoS 0 has no redelivery of its own, so nothing else sends a true repeat. Longer would answer a restarted App's
        /// identical new command from a stale memory for longer.
        /// </summary>
        public const int DefaultWindowMs = 30000;

        private readonly string[] clientIds;
        private readonly uint[] sns;
        private readonly uint[] bodyHashes;
        private readonly int[] bodyLengths;
        private readonly long[] answeredAt;
        private readonly byte[][] replies;
        private readonly int[] replyLengths;
        private readonly int windowMs;
        private int next;

        /// <summary>Creates a window of <paramref name="capacity"/> answers of at most <paramref name="maxReplyBytes"/> each, remembered for <see cref="DefaultWindowMs"/>.</summary>
        public RepeatWindow(int capacity, int maxReplyBytes)
            : this(capacity, maxReplyBytes, DefaultWindowMs)
        {
        }

        /// <summary>Creates a window of <paramref name="capacity"/> answers of at most <paramref name="maxReplyBytes"/> each, remembered for <paramref name="windowMs"/> ms.</summary>
        public RepeatWindow(int capacity, int maxReplyBytes, int windowMs)
        {
            if (capacity < 0) capacity = 0;
            this.windowMs = windowMs < 0 ? 0 : windowMs;
            clientIds = new string[capacity];
            sns = new uint[capacity];
            bodyHashes = new uint[capacity];
            bodyLengths = new int[capacity];
            answeredAt = new long[capacity];
            replies = new byte[capacity][];
            replyLengths = new int[capacity];
            for (int i = 0; i < capacity; i++)
            {
                replies[i] = new byte[maxReplyBytes];
            }
        }

        /// <summary>How long (ms) after its answer a request can be repeated.</summary>
        public int WindowMs => windowMs;

        /// <summary>How many answers are remembered at most.</summary>
        public int Capacity => clientIds.Length;

        /// <summary>Bytes preallocated for stored answers.</summary>
        public int BufferSize => replies.Length * (replies.Length == 0 ? 0 : replies[0].Length);

        /// <summary>
        /// The entry answering (<paramref name="clientId"/>, <paramref name="sn"/>) with the same body
        /// (<paramref name="count"/> bytes of <paramref name="body"/> at <paramref name="offset"/>) no longer than
        /// <see cref="WindowMs"/> before <paramref name="nowMs"/>; -1 when there is none (the request must run).
        /// </summary>
        public int Find(string clientId, uint sn, byte[] body, int offset, int count, long nowMs)
        {
            uint hash = 0;
            bool hashed = false;
            for (int i = 0; i < clientIds.Length; i++)
            {
                if (clientIds[i] == null || sns[i] != sn || bodyLengths[i] != count || nowMs - answeredAt[i] > windowMs) continue;
                if (!string.Equals(clientIds[i], clientId)) continue;
                if (!hashed)
                {
                    hash = Fnv1a.Of(body, offset, count);
                    hashed = true;
                }

                if (bodyHashes[i] == hash) return i;
            }

            return -1;
        }

        /// <summary>
        /// Remembers <paramref name="reply"/> as the answer, at <paramref name="nowMs"/>, to (<paramref name="clientId"/>,
        /// <paramref name="sn"/>, the request body), replacing the oldest entry. An empty reply or one larger than an entry
        /// is not remembered (false): a repeat then runs again rather than being answered with nothing.
        /// </summary>
        public bool Remember(string clientId, uint sn, byte[] body, int bodyOffset, int bodyCount, long nowMs, byte[] reply, int offset, int length)
        {
            if (clientIds.Length == 0 || length <= 0 || length > replies[0].Length) return false;
            clientIds[next] = clientId;
            sns[next] = sn;
            bodyHashes[next] = Fnv1a.Of(body, bodyOffset, bodyCount);
            bodyLengths[next] = bodyCount;
            answeredAt[next] = nowMs;
            System.Array.Copy(reply, offset, replies[next], 0, length);
            replyLengths[next] = length;
            next = (next + 1) % clientIds.Length;
            return true;
        }

        /// <summary>Forgets every entry (e.g. the device state was reset, so stored answers no longer hold).</summary>
        public void Clear()
        {
            for (int i = 0; i < clientIds.Length; i++)
            {
                clientIds[i] = null;
                replyLengths[i] = 0;
            }

            next = 0;
        }

        /// <summary>The stored answer of entry <paramref name="entry"/>.</summary>
        public byte[] Reply(int entry) => replies[entry];

        /// <summary>The length of the stored answer of entry <paramref name="entry"/>.</summary>
        public int ReplyLength(int entry) => replyLengths[entry];
    }
}
