using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.Text;

namespace DeviceFirmware.Core.Logging
{
    /// <summary>
    /// Sends logs to the Apps as 0x0012 on <c>dev2app/&lt;DID&gt;</c> (docs/protocol.md §3): only logs at or above
    /// the threshold set by 0x0010 (default Warning), through a token bucket so a flood of bad input cannot
    /// flood the network, and never recursively (a log raised while a log is being published is dropped,
    /// so a failing transport cannot feed itself). Text over a field's limit is cut on a character boundary
    /// and ends with "…" so the reader knows; the length field always equals the bytes written.
    /// </summary>
    public sealed class LogEmitter
    {
        /// <summary>Marks text that was cut to fit its field.</summary>
        public const string TruncationMark = "\u2026";

        private const int TruncationMarkBytes = 3;
        private readonly IMessageSink sink;
        private readonly IClock clock;
        private readonly DeviceRuntimeSettings settings;
        private readonly string topic;
        private readonly byte[] frame;
        private readonly int maxContentBytes;
        private readonly int bucketCapacity;
        private readonly int refillMs;
        private int tokens;
        private long lastRefill;
        private bool publishing;
        private int droppedSinceLastSent;

        /// <summary>
        /// Creates the emitter for device <paramref name="did"/>. <paramref name="maxContentBytes"/> caps the
        /// content (the frame buffer is preallocated for it; the protocol allows up to 65535); the bucket holds
        /// <paramref name="burst"/> logs and regains one every <paramref name="refillMs"/> ms. The threshold is
        /// <paramref name="settings"/>' log level (what the last 0x0010 set), read at every log: it is held there only.
        /// </summary>
        public LogEmitter(string did, IMessageSink sink, IClock clock, DeviceRuntimeSettings settings, int maxContentBytes, int burst, int refillMs)
        {
            this.sink = sink;
            this.clock = clock;
            this.settings = settings ?? new DeviceRuntimeSettings();
            topic = Topics.Dev2App(did);
            this.maxContentBytes = maxContentBytes > FrameLimits.MaxLogContent ? FrameLimits.MaxLogContent : maxContentBytes;
            bucketCapacity = burst < 1 ? 1 : burst;
            this.refillMs = refillMs < 1 ? 1 : refillMs;
            tokens = bucketCapacity;
            lastRefill = clock.NowMs;
            frame = new byte[FrameWriter.FrameLength(1 + 6 + FrameLimits.MaxLogTag + FrameLimits.MaxLogSource + this.maxContentBytes)];
        }

        /// <summary>The 0x0010 threshold (the settings' log level): logs above it (less severe) are not sent; Off sends nothing.</summary>
        public LogLevel Threshold => settings.LogLevel;

        /// <summary>Logs sent since start.</summary>
        public int Sent { get; private set; }

        /// <summary>Logs dropped by the rate limit since start.</summary>
        public int Dropped { get; private set; }

        /// <summary>Bytes preallocated for the log frame.</summary>
        public int BufferSize => frame.Length;

        /// <summary>True when a log of <paramref name="level"/> would pass the threshold (check before building costly text).</summary>
        public bool IsEnabled(LogLevel level) => level != LogLevel.Off && level <= Threshold;

        /// <summary>The clock the rate limit runs on (the dispatcher's repeat window shares it).</summary>
        public IClock Clock => clock;

        /// <summary>Sends one log if the threshold and the rate limit allow; true when it was published.</summary>
        public bool Emit(LogLevel level, string tag, string source, string content) => Emit(level, tag, source, content, null);

        /// <summary>
        /// As <see cref="Emit(LogLevel, string, string, string)"/>, but the content is built only when the log is sent:
        /// a log the threshold or the rate limit drops costs no string.
        /// </summary>
        public bool Emit(LogLevel level, string tag, string source, ILogText content) => Emit(level, tag, source, null, content);

        private bool Emit(LogLevel level, string tag, string source, string content, ILogText lazy)
        {
            if (!IsEnabled(level) || publishing) return false;
            Refill();
            if (tokens == 0)
            {
                Dropped++;
                droppedSinceLastSent++;
                return false;
            }

            publishing = true;
            try
            {
                if (droppedSinceLastSent > 0 && tokens > 1 && LogLevel.Warning <= Threshold)
                {
                    int dropped = droppedSinceLastSent;
                    droppedSinceLastSent = 0;
                    Send(LogLevel.Warning, "log", "LogEmitter", dropped + " log(s) dropped by the rate limit");
                }

                return Send(level, tag, source, lazy != null ? lazy.Build() : content);
            }
            finally
            {
                publishing = false;
            }
        }

        private bool Send(LogLevel level, string tag, string source, string content)
        {
            tokens--;
            FrameError error = FrameWriter.WriteLog(frame, 0, (int)level, Fit(tag, FrameLimits.MaxLogTag), Fit(source, FrameLimits.MaxLogSource), Fit(content, maxContentBytes), out int length);
            if (error != FrameError.None) return false;
            bool sent = sink.Publish(topic, frame, 0, length);
            if (sent) Sent++;
            return sent;
        }

        private void Refill()
        {
            long now = clock.NowMs;
            long gained = (now - lastRefill) / refillMs;
            if (gained <= 0) return;
            lastRefill += gained * refillMs;
            long total = tokens + gained;
            tokens = total > bucketCapacity ? bucketCapacity : (int)total;
        }

        /// <summary>The text itself if it fits <paramref name="maxBytes"/>, else its longest whole-character prefix that fits with the mark, plus the mark.</summary>
        public static string Fit(string text, int maxBytes)
        {
            if (text == null) return string.Empty;
            int bytes = Utf8.GetByteCount(text);
            if (bytes >= 0 && bytes <= maxBytes) return text;
            int keep = Utf8.FitPrefix(text, maxBytes - TruncationMarkBytes);
            return text.Substring(0, keep) + TruncationMark;
        }
    }
}
