using DeviceFirmware.Protocol.Text;
using DeviceFirmware.Protocol.Identity;

namespace DeviceFirmware.Core.Messaging
{
    /// <summary>
    /// Remembers the reply topic <c>dev2app/&lt;DID&gt;/&lt;AppClientId&gt;</c> of the last few Apps, so that
    /// answering an App seen before allocates nothing. A new App costs one topic string; the least recently
    /// used entry makes room.
    /// </summary>
    public sealed class ReplyTopicCache
    {
        private readonly string did;
        private readonly string[] clientIds;
        private readonly string[] topics;
        private readonly long[] lastUse;
        private long useCounter;

        /// <summary>Creates a cache of <paramref name="capacity"/> Apps for device <paramref name="did"/>.</summary>
        public ReplyTopicCache(string did, int capacity)
        {
            this.did = did;
            clientIds = new string[capacity];
            topics = new string[capacity];
            lastUse = new long[capacity];
        }

        /// <summary>
        /// The slot of the AppClientId at <paramref name="start"/>..+<paramref name="length"/> of
        /// <paramref name="topic"/>, adding it if new. Use <see cref="ClientId"/> and <see cref="Topic"/> to read it.
        /// </summary>
        public int Lookup(string topic, int start, int length)
        {
            int victim = 0;
            for (int i = 0; i < clientIds.Length; i++)
            {
                string known = clientIds[i];
                if (known != null && known.Length == length && Ordinal.RegionEquals(topic, start, known, 0, length))
                {
                    lastUse[i] = ++useCounter;
                    return i;
                }

                if (lastUse[i] < lastUse[victim]) victim = i;
            }

            string clientId = topic.Substring(start, length);
            clientIds[victim] = clientId;
            topics[victim] = Topics.Dev2App(did, clientId);
            lastUse[victim] = ++useCounter;
            return victim;
        }

        /// <summary>The AppClientId in <paramref name="slot"/>.</summary>
        public string ClientId(int slot) => clientIds[slot];

        /// <summary>The reply topic of the App in <paramref name="slot"/>.</summary>
        public string Topic(int slot) => topics[slot];
    }
}
