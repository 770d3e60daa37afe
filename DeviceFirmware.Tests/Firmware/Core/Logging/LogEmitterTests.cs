using System;
using System.Linq;
using System.Text;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Core.Logging;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Logging
{
    public class LogEmitterTests
    {
        private readonly FakeTransport sink = new() { Online = true };
        private readonly FakeClock clock = new();

        private readonly DeviceRuntimeSettings settings = new();

        private LogEmitter Emitter(int maxContent = 256, int burst = 5, int refillMs = 1000) => new("did1", sink, clock, settings, maxContent, burst, refillMs);

        private (byte Level, string Tag, string Source, string Content)[] Logs() => sink.Published.Select(p =>
        {
            var r = new FrameReader();
            Assert.Equal(FrameError.None, r.Decode(p.Payload, 0, p.Payload.Length));
            Assert.Equal(GizwitsCommand.Log, r.Command);
            Assert.Equal("dev2app/did1", p.Topic);
            return (r.LogLevel, Encoding.UTF8.GetString(r.Buffer, r.TagOffset, r.TagLength), Encoding.UTF8.GetString(r.Buffer, r.SourceOffset, r.SourceLength), Encoding.UTF8.GetString(r.Buffer, r.ContentOffset, r.ContentLength));
        }).ToArray();

        [Fact]
        public void A_log_at_or_above_the_threshold_is_sent_as_0x0012_and_one_below_is_not()
        {
            LogEmitter log = Emitter();
            Assert.True(log.Emit(LogLevel.Warning, "tag", "src", "hello"));
            Assert.False(log.Emit(LogLevel.Info, "tag", "src", "too chatty"));
            Assert.Equal(new[] { ((byte)2, "tag", "src", "hello") }, Logs());
            Assert.Equal(1, log.Sent);
        }

        [Fact]
        public void Off_sends_nothing_not_even_errors()
        {
            LogEmitter log = Emitter();
            settings.Apply(DeviceSettings.Compose(LogLevel.Off, true)); // the threshold is the settings' (what 0x0010 set)
            Assert.Equal(LogLevel.Off, log.Threshold);
            Assert.False(log.Emit(LogLevel.Error, "t", "s", "x"));
            Assert.False(log.Emit(LogLevel.Off, "t", "s", "x"));
            Assert.Empty(sink.Published);
            Assert.Equal(0, log.Dropped);
        }

        [Fact]
        public void Text_over_its_limit_is_cut_on_a_character_boundary_and_ends_with_the_mark()
        {
            LogEmitter log = Emitter(maxContent: 10);
            log.Emit(LogLevel.Error, "t", "s", "温度温度温度"); // 18 bytes
            string content = Logs()[0].Content;
            Assert.Equal("温度" + LogEmitter.TruncationMark, content); // 6 + 3 bytes: a third 温 would not fit with the mark
            Assert.True(Encoding.UTF8.GetByteCount(content) <= 10);
            Assert.Equal("exactly10b", LogEmitter.Fit("exactly10b", 10));
            Assert.Equal(string.Empty, LogEmitter.Fit(null!, 10));
        }

        [Fact]
        public void The_burst_is_spent_then_one_log_a_second_and_the_next_log_after_drops_says_how_many_were_dropped()
        {
            LogEmitter log = Emitter(burst: 3, refillMs: 1000);
            for (int i = 0; i < 10; i++) log.Emit(LogLevel.Warning, "t", "s", "n" + i);
            Assert.Equal(3, log.Sent);
            Assert.Equal(7, log.Dropped);

            clock.NowMs = 999;
            Assert.False(log.Emit(LogLevel.Warning, "t", "s", "still limited"));
            clock.NowMs = 2000; // two tokens back: one for the summary, one for the log
            Assert.True(log.Emit(LogLevel.Warning, "t", "s", "after"));
            var logs = Logs();
            Assert.Equal("8 log(s) dropped by the rate limit", logs[^2].Content);
            Assert.Equal(("log", "LogEmitter"), (logs[^2].Tag, logs[^2].Source));
            Assert.Equal("after", logs[^1].Content);
        }

        [Fact]
        public void The_bucket_refills_to_its_burst_and_no_further()
        {
            LogEmitter log = Emitter(burst: 2, refillMs: 100);
            clock.NowMs = 1000000;
            for (int i = 0; i < 5; i++) log.Emit(LogLevel.Error, "t", "s", "x");
            Assert.Equal(2, log.Sent);
        }

        [Fact]
        public void A_log_raised_while_a_log_is_being_published_is_dropped_not_recursed()
        {
            LogEmitter? log = null;
            var reentrant = new ReentrantSink(() => log!.Emit(LogLevel.Error, "t", "s", "from inside the publish"));
            log = new LogEmitter("did1", reentrant, clock, settings, 256, 5, 1000);
            Assert.True(log.Emit(LogLevel.Error, "t", "s", "outer"));
            Assert.Equal(1, reentrant.Publishes);
            Assert.False(reentrant.InnerResult);
        }

        [Fact]
        public void Lazy_text_is_built_only_for_a_log_that_is_sent()
        {
            LogEmitter log = Emitter(burst: 1);
            var text = new CountingText();
            Assert.True(log.Emit(LogLevel.Warning, "t", "s", text));
            Assert.False(log.Emit(LogLevel.Warning, "t", "s", text)); // rate-limited
            Assert.False(log.Emit(LogLevel.Info, "t", "s", text));    // below the threshold
            Assert.Equal(1, text.Builds);
            Assert.Equal("built 1", Logs()[0].Content);
            Assert.Equal(1, log.Dropped);
        }

        [Fact]
        public void A_failed_publish_is_not_counted_as_sent()
        {
            var log = new LogEmitter("did1", new ReentrantSink(() => false, result: false), clock, settings, 256, 5, 1000);
            Assert.False(log.Emit(LogLevel.Error, "t", "s", "lost"));
            Assert.Equal(0, log.Sent);
        }

        private sealed class CountingText : ILogText
        {
            public int Builds { get; private set; }

            public string Build() => "built " + ++Builds;
        }

        private sealed class ReentrantSink : IMessageSink
        {
            private readonly Func<bool> inside;
            private readonly bool result;

            public ReentrantSink(Func<bool> inside, bool result = true)
            {
                this.inside = inside;
                this.result = result;
            }

            public int Publishes { get; private set; }

            public bool? InnerResult { get; private set; }

            public bool Publish(string topic, byte[] payload, int offset, int count)
            {
                Publishes++;
                InnerResult = inside();
                return result;
            }
        }
    }
}
