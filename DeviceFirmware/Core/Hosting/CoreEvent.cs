using DeviceFirmware.Protocol;

namespace DeviceFirmware.Core.Hosting
{
    /// <summary>
    /// One event taken from a <see cref="CoreInbox"/>; the loop owns a single instance and reuses it, so taking an
    /// event allocates nothing. The fields used depend on <see cref="Kind"/>.
    /// </summary>
    public sealed class CoreEvent
    {
        /// <summary>What happened.</summary>
        public CoreEventKind Kind { get; internal set; }

        /// <summary>Message topic.</summary>
        public string Topic { get; internal set; }

        /// <summary>Message payload (the bytes at <see cref="Offset"/>, <see cref="Count"/> long).</summary>
        public byte[] Payload { get; internal set; }

        /// <summary>Where the payload starts in <see cref="Payload"/>.</summary>
        public int Offset { get; internal set; }

        /// <summary>Payload length.</summary>
        public int Count { get; internal set; }

        /// <summary>Message retain flag.</summary>
        public bool Retained { get; internal set; }

        /// <summary>Log level.</summary>
        public LogLevel Level { get; internal set; }

        /// <summary>Log tag.</summary>
        public string Tag { get; internal set; }

        /// <summary>Log source.</summary>
        public string Source { get; internal set; }

        /// <summary>Log text.</summary>
        public string Content { get; internal set; }

        // References are dropped once handled, so that a payload is not kept alive by the loop until the next event.
        internal void Clear()
        {
            Kind = CoreEventKind.None;
            Topic = null;
            Payload = null;
            Tag = null;
            Source = null;
            Content = null;
        }
    }
}
