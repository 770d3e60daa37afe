namespace DeviceFirmware.Core.Dispatch
{
    /// <summary>
    /// The last few answered 0x0093 requests, by (AppClientId, sn), with the 0x0094 frame that answered each:
    /// an App that retries gets the same answer again and the command does not run twice. Bounded in
    /// entries and bytes, preallocated.
    /// </summary>
    public sealed class RepeatWindow
    {
        private readonly string[] clientIds;
        private readonly uint[] sns;
        private readonly byte[][] replies;
        private readonly int[] replyLengths;
        private int next;

        /// <summary>Creates a window of <paramref name="capacity"/> answers of at most <paramref name="maxReplyBytes"/> each.</summary>
        public RepeatWindow(int capacity, int maxReplyBytes)
        {
            clientIds = new string[capacity];
            sns = new uint[capacity];
            replies = new byte[capacity][];
            replyLengths = new int[capacity];
            for (int i = 0; i < capacity; i++)
            {
                replies[i] = new byte[maxReplyBytes];
            }
        }

        /// <summary>Bytes preallocated for stored answers.</summary>
        public int BufferSize => replies.Length * (replies.Length == 0 ? 0 : replies[0].Length);

        /// <summary>The entry answering (<paramref name="clientId"/>, <paramref name="sn"/>), or -1.</summary>
        public int Find(string clientId, uint sn)
        {
            for (int i = 0; i < clientIds.Length; i++)
            {
                if (clientIds[i] != null && sns[i] == sn && string.Equals(clientIds[i], clientId)) return i;
            }

            return -1;
        }

        /// <summary>Remembers the answer to (<paramref name="clientId"/>, <paramref name="sn"/>), replacing the oldest entry.</summary>
        public void Remember(string clientId, uint sn, byte[] reply, int offset, int length)
        {
            if (clientIds.Length == 0 || length > replies[0].Length) return;
            clientIds[next] = clientId;
            sns[next] = sn;
            System.Array.Copy(reply, offset, replies[next], 0, length);
            replyLengths[next] = length;
            next = (next + 1) % clientIds.Length;
        }

        /// <summary>The stored answer of entry <paramref name="entry"/>.</summary>
        public byte[] Reply(int entry) => replies[entry];

        /// <summary>The length of the stored answer of entry <paramref name="entry"/>.</summary>
        public int ReplyLength(int entry) => replyLengths[entry];
    }
}
