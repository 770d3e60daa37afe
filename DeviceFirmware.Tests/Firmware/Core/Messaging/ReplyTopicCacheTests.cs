using DeviceFirmware.Core.Messaging;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Messaging
{
    public class ReplyTopicCacheTests
    {
        private static int Lookup(ReplyTopicCache cache, string topic)
        {
            int start = topic.LastIndexOf('/') + 1;
            return cache.Lookup(topic, start, topic.Length - start);
        }

        [Fact]
        public void A_new_app_gets_its_reply_topic_and_a_known_one_the_same_slot_and_string()
        {
            var cache = new ReplyTopicCache("did1", 2);
            int slot = Lookup(cache, "app2dev/did1/usrA");
            Assert.Equal("usrA", cache.ClientId(slot));
            Assert.Equal("dev2app/did1/usrA", cache.Topic(slot));
            string topic = cache.Topic(slot);
            Assert.Equal(slot, Lookup(cache, "app2dev/did1/usrA"));
            Assert.Same(topic, cache.Topic(slot));
        }

        [Fact]
        public void The_least_recently_used_app_makes_room()
        {
            var cache = new ReplyTopicCache("did1", 2);
            int a = Lookup(cache, "app2dev/did1/usrA");
            Lookup(cache, "app2dev/did1/usrB");
            Lookup(cache, "app2dev/did1/usrA"); // A used again: B is now the oldest
            int c = Lookup(cache, "app2dev/did1/usrC");
            Assert.NotEqual(a, c);
            Assert.Equal("usrA", cache.ClientId(a));
            Assert.Equal("dev2app/did1/usrC", cache.Topic(c));
        }

        [Fact]
        public void A_prefix_of_a_known_id_is_another_app()
        {
            var cache = new ReplyTopicCache("did1", 4);
            int longer = Lookup(cache, "app2dev/did1/usrAB");
            int shorter = Lookup(cache, "app2dev/did1/usrA");
            Assert.NotEqual(longer, shorter);
            Assert.Equal("usrA", cache.ClientId(shorter));
        }

        [Fact]
        public void Answering_a_known_app_allocates_nothing()
        {
            var cache = new ReplyTopicCache("did1", 8);
            string topic = "app2dev/did1/usrA";
            Lookup(cache, topic);
            Assert.Equal(0, DeviceFirmware.Tests.Support.Allocations.Of(() => cache.Lookup(topic, 13, 4)));
        }
    }
}
