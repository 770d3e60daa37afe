#nullable enable
using System;
using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet.Channel;

namespace DeviceFirmware.Iot.Transport;

/// <summary>
/// An <see cref="IMqttChannel"/> that watches the MQTT packets read through it and ends the connection as soon as a
/// packet's fixed header declares more than the limit: the read that would deliver the last byte of the remaining
/// length returns 0 (end of stream) instead, and the inner channel is closed, so MQTTnet never allocates the body and
/// simply sees the peer gone. The first packet has its own (smaller) limit: on a broker that is the CONNECT, read before
/// the client is authenticated. Reads are passed through unchanged otherwise; nothing is buffered or copied.
/// </summary>
public sealed class MqttPacketSizeGuard : IMqttChannel
{
    private readonly IMqttChannel inner;
    private readonly int firstPacketLimit;
    private readonly int packetLimit;
    private readonly Action<int, int>? refused;

    // Where the reader is in the current packet: the type byte, the remaining-length bytes, or the body.
    private bool inBody;
    private bool inLength;
    private long bodyLeft;
    private int length;
    private int multiplier = 1;
    private int lengthBytes;
    private long packets;
    private bool tripped;

    /// <summary>Guards <paramref name="inner"/>.</summary>
    /// <param name="inner">The real channel (TCP or TLS).</param>
    /// <param name="firstPacketLimit">The largest remaining length of the first packet.</param>
    /// <param name="packetLimit">The largest remaining length of every later packet.</param>
    /// <param name="refused">Called once when a packet is refused, with its declared remaining length and the limit.</param>
    public MqttPacketSizeGuard(IMqttChannel inner, int firstPacketLimit, int packetLimit, Action<int, int>? refused = null)
    {
        this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
        ArgumentOutOfRangeException.ThrowIfNegative(firstPacketLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(packetLimit);
        this.firstPacketLimit = firstPacketLimit;
        this.packetLimit = packetLimit;
        this.refused = refused;
    }

    /// <inheritdoc/>
    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    /// <inheritdoc/>
    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    /// <inheritdoc/>
    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    /// <inheritdoc/>
    public bool IsSecureConnection => inner.IsSecureConnection;

    /// <summary>True once a packet over the limit ended the connection.</summary>
    public bool Tripped => tripped;

    /// <inheritdoc/>
    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    /// <inheritdoc/>
    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    /// <inheritdoc/>
    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (tripped) return 0;
        int read = await inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < read;)
        {
            if (inBody)
            {
                long take = Math.Min(bodyLeft, read - i);
                bodyLeft -= take;
                i += (int)take;
                if (bodyLeft == 0) inBody = false;
                continue;
            }

            byte b = buffer[offset + i++];
            if (!inLength)
            {
                // The packet type byte; the remaining length follows.
                inLength = true;
                length = 0;
                multiplier = 1;
                lengthBytes = 0;
                continue;
            }

            length += (b & 0x7F) * multiplier;
            multiplier *= 128;
            lengthBytes++;
            if ((b & 0x80) != 0 && lengthBytes < 4) continue;

            // The remaining length is complete (a fifth length byte is MQTTnet's own protocol error).
            inLength = false;
            int limit = packets++ == 0 ? firstPacketLimit : packetLimit;
            if (length > limit)
            {
                tripped = true;
                refused?.Invoke(length, limit);
                inner.Dispose();
                return 0;
            }

            bodyLeft = length;
            inBody = length > 0;
        }

        return read;
    }

    /// <inheritdoc/>
    public Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, isEndOfPacket, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => inner.Dispose();
}
