using DeviceFirmware.Protocol.Identity;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.Identity
{
    /// <summary>Topic builders and parsers (docs/protocol.md §1).</summary>
    public class TopicsTests
    {
        private const string Did = "abcDEF0123456789xyzABC";
        private const string Cid = "usr0123456789abcdefghij";

        [Fact]
        public void Builders()
        {
            Assert.Equal("app2dev/" + Did + "/" + Cid, Topics.App2Dev(Did, Cid));
            Assert.Equal("app2dev/" + Did + "/#", Topics.DeviceSubscription(Did));
            Assert.Equal("dev2app/" + Did, Topics.Dev2App(Did));
            Assert.Equal("dev2app/" + Did + "/" + Cid, Topics.Dev2App(Did, Cid));
            Assert.Equal("ser2cli_res/" + Cid, Topics.Ser2CliRes(Cid));
        }

        [Fact]
        public void Reply_to_swaps_the_direction_keeping_DID_and_client()
        {
            Assert.Equal("dev2app/" + Did + "/" + Cid, Topics.ReplyTo(Topics.App2Dev(Did, Cid)));
            Assert.Equal("dev2app/d/usr1", Topics.ReplyTo("app2dev/d/usr1"));
        }

        [Fact]
        public void Parse_app_2_dev_with_own_DID()
        {
            string topic = Topics.App2Dev(Did, Cid);
            Assert.Equal(TopicError.None, Topics.ParseApp2Dev(topic, Did, out int start, out int length));
            Assert.Equal(8 + Did.Length + 1, start);
            Assert.Equal(Cid, topic.Substring(start, length));
        }

        [Fact]
        public void Parse_app_2_dev_gives_both_ranges()
        {
            string topic = Topics.App2Dev(Did, "usr1");
            Assert.Equal(TopicError.None, Topics.ParseApp2Dev(topic, out int didStart, out int didLength, out int cidStart, out int cidLength));
            Assert.Equal(Did, topic.Substring(didStart, didLength));
            Assert.Equal("usr1", topic.Substring(cidStart, cidLength));
        }

        [Theory]
        [InlineData("app2dev/otherDid/usr1", TopicError.OtherDid)]
        [InlineData("app2dev/abcDEF0123456789xyzAB/usr1", TopicError.OtherDid)]   // own DID minus its last char
        [InlineData("app2dev/abcDEF0123456789xyzABCD/usr1", TopicError.OtherDid)] // own DID plus a char
        [InlineData("app2dev/ABCDEF0123456789xyzABC/usr1", TopicError.OtherDid)]  // case differs
        [InlineData("app2dev/abcDEF0123456789xyzABC/bad", TopicError.BadAppClientId)]
        [InlineData("app2dev/abcDEF0123456789xyzABC/usr012345678901234567890", TopicError.BadAppClientId)]
        [InlineData("app2dev/abcDEF0123456789xyzABC/#", TopicError.BadAppClientId)]
        [InlineData("app2dev/abcDEF0123456789xyzABC/+", TopicError.BadAppClientId)]
        [InlineData("app2dev/abcDEF0123456789xyzABC", TopicError.MissingAppClientId)]
        [InlineData("app2dev/abcDEF0123456789xyzABC/", TopicError.MissingAppClientId)]
        [InlineData("app2dev/abcDEF0123456789xyzABC/usr1/x", TopicError.ExtraLevels)]
        [InlineData("app2dev/abcDEF0123456789xyzABC/usr1/", TopicError.ExtraLevels)]
        [InlineData("app2dev//usr1", TopicError.BadDid)]
        [InlineData("app2dev/", TopicError.BadDid)]
        [InlineData("app2dev/d+d/usr1", TopicError.BadDid)]
        [InlineData("app2dev/d d/usr1", TopicError.BadDid)]
        [InlineData("app2dev", TopicError.WrongPrefix)]
        [InlineData("App2dev/abcDEF0123456789xyzABC/usr1", TopicError.WrongPrefix)]
        [InlineData("dev2app/abcDEF0123456789xyzABC/usr1", TopicError.WrongPrefix)]
        [InlineData("/app2dev/abcDEF0123456789xyzABC/usr1", TopicError.WrongPrefix)]
        [InlineData("", TopicError.Empty)]
        public void Parse_app2dev_refuses(string topic, TopicError expected)
        {
            Assert.Equal(expected, Topics.ParseApp2Dev(topic, Did, out _, out _));
        }

        [Fact]
        public void Parse_app_2_dev_refuses_nulls()
        {
            Assert.Equal(TopicError.Empty, Topics.ParseApp2Dev(null!, Did, out _, out _));
            Assert.Equal(TopicError.OtherDid, Topics.ParseApp2Dev(Topics.App2Dev(Did, Cid), null!, out _, out _));
        }

        [Fact]
        public void Parse_dev_2_app_broadcast()
        {
            string topic = Topics.Dev2App(Did);
            Assert.Equal(TopicError.None, Topics.ParseDev2App(topic, out int didStart, out int didLength, out int cidStart, out int cidLength));
            Assert.Equal(Did, topic.Substring(didStart, didLength));
            Assert.Equal(-1, cidStart);
            Assert.Equal(0, cidLength);
        }

        [Fact]
        public void Parse_dev_2_app_per_app()
        {
            string topic = Topics.Dev2App(Did, Cid);
            Assert.Equal(TopicError.None, Topics.ParseDev2App(topic, out int didStart, out int didLength, out int cidStart, out int cidLength));
            Assert.Equal(Did, topic.Substring(didStart, didLength));
            Assert.Equal(Cid, topic.Substring(cidStart, cidLength));
        }

        [Theory]
        [InlineData("dev2app/did1/", TopicError.MissingAppClientId)]
        [InlineData("dev2app/did1/usr1/x", TopicError.ExtraLevels)]
        [InlineData("dev2app/did1/usx1", TopicError.BadAppClientId)]
        [InlineData("dev2app/", TopicError.BadDid)]
        [InlineData("dev2app/#", TopicError.BadDid)]
        [InlineData("app2dev/did1", TopicError.WrongPrefix)]
        [InlineData("dev2ap", TopicError.WrongPrefix)]
        [InlineData("", TopicError.Empty)]
        public void Parse_dev_2_app_refuses(string topic, TopicError expected)
        {
            Assert.Equal(expected, Topics.ParseDev2App(topic, out _, out _, out _, out _));
        }

        [Fact]
        public void Parse_ser2cli_res()
        {
            Assert.Equal(TopicError.None, Topics.ParseSer2CliRes(Topics.Ser2CliRes(Cid), out int start, out int length));
            Assert.Equal(12, start);
            Assert.Equal(Cid.Length, length);
        }

        [Theory]
        [InlineData("ser2cli_res/", TopicError.MissingAppClientId)]
        [InlineData("ser2cli_res/usr1/x", TopicError.ExtraLevels)]
        [InlineData("ser2cli_res/bad", TopicError.BadAppClientId)]
        [InlineData("ser2cli/usr1", TopicError.WrongPrefix)]
        [InlineData("ser2cli_res", TopicError.WrongPrefix)]
        [InlineData("", TopicError.Empty)]
        public void Parse_ser2cli_res_refuses(string topic, TopicError expected)
        {
            Assert.Equal(expected, Topics.ParseSer2CliRes(topic, out _, out _));
        }

        [Fact]
        public void App_2_dev_topic_compares_the_DID_without_string_compare_ordinal()
        {
            // Topics used string.CompareOrdinal, which nanoFramework's mscorlib 1.17.11 lacks; the in-place
            // comparison that replaced it must behave the same.
            string client = AppClientId.NewRandom(new System.Random(7));
            string topic = Topics.App2Dev("did0123456789abcdefABC", client);
            Assert.Equal(TopicError.None, Topics.ParseApp2Dev(topic, "did0123456789abcdefABC", out int start, out int length));
            Assert.Equal(client, topic.Substring(start, length));
            Assert.Equal(TopicError.OtherDid, Topics.ParseApp2Dev(topic, "did0123456789abcdefABD", out _, out _));
            Assert.Equal(TopicError.OtherDid, Topics.ParseApp2Dev(topic, "did0123456789abcdefAB", out _, out _));
        }
    }
}
