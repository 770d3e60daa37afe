using System;
using System.Collections.Concurrent;
using DeviceFirmware.Core.Hosting;

namespace DeviceFirmware.Testing.Transports
{
    /// <summary>One event as a transport reported it (a message's payload copied, as the transport may reuse it).</summary>
    /// <param name="Kind">What happened (None for a test's marker).</param>
    /// <param name="Topic">Message topic, or the marker.</param>
    /// <param name="Payload">Message payload (a copy).</param>
    /// <param name="Retained">Message retain flag.</param>
    /// <param name="Handed">The bytes as the transport handed them (its own array, not a copy), to check later whether it reused them.</param>
    /// <param name="PayloadReused">What the transport said of that array.</param>
    public sealed record TransportEvent(CoreEventKind Kind, string? Topic = null, byte[]? Payload = null, bool Retained = false, ArraySegment<byte> Handed = default, bool PayloadReused = false);

    /// <summary>
    /// What a transport reports, queued in arrival order and never run, so that a test can take the events one by one
    /// (a <c>HostLoop</c> would run them on the core).
    /// </summary>
    public sealed class QueuedTransportEvents : ITransportEvents, IDisposable
    {
        private readonly BlockingCollection<TransportEvent> events = new();

        /// <inheritdoc/>
        public void Connected() => events.Add(new TransportEvent(CoreEventKind.Connected));

        /// <inheritdoc/>
        public void ConnectFailed() => events.Add(new TransportEvent(CoreEventKind.ConnectFailed));

        /// <inheritdoc/>
        public void ConnectionLost() => events.Add(new TransportEvent(CoreEventKind.ConnectionLost));

        /// <inheritdoc/>
        public void PingResponse() => events.Add(new TransportEvent(CoreEventKind.PingResponse));

        /// <inheritdoc/>
        public bool Message(string topic, byte[] payload, int offset, int count, bool retained, bool payloadReused)
        {
            var handed = new ArraySegment<byte>(payload, offset, count);
            events.Add(new TransportEvent(CoreEventKind.Message, topic, handed.ToArray(), retained, handed, payloadReused));
            return true;
        }

        /// <summary>Queues a marker behind whatever the transport reported so far (Kind None, <paramref name="marker"/> as topic).</summary>
        public void Mark(string marker) => events.Add(new TransportEvent(CoreEventKind.None, marker));

        /// <summary>The next event, waiting at most <paramref name="timeoutMs"/>; null on timeout.</summary>
        public TransportEvent? Take(int timeoutMs) => events.TryTake(out TransportEvent? e, timeoutMs) ? e : null;

        /// <inheritdoc/>
        public void Dispose() => events.Dispose();
    }
}
