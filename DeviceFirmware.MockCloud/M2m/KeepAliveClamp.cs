using System;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>
/// docs/protocol.md §1: "the server treats anything above 600 s as 600". MQTTnet 5's keep-alive monitor reads the
/// keep-alive of the client's CONNECT packet, and its public events only see a read-only copy of that value
/// (<see cref="ValidatingConnectionEventArgs.KeepAlivePeriod"/>). So this wraps the TCP server adapter and
/// lowers <see cref="MqttConnectPacket.KeepAlivePeriod"/> in the CONNECT as it is received, before validation,
/// session and monitor see it: a silent client is then dropped after 1.5 × the clamped value. A keep-alive of 0
/// (none) counts as above the limit, so that a dead connection is always found.
/// </summary>
internal sealed class KeepAliveClampingServerAdapter(IMqttServerAdapter inner, ushort maxSeconds, Action<string?, ushort, ushort> clamped) : IMqttServerAdapter
{
    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        inner.ClientHandler = channel =>
        {
            Func<IMqttChannelAdapter, Task>? handler = ClientHandler;
            return handler == null ? Task.CompletedTask : handler(new Channel(channel, maxSeconds, clamped));
        };
        return inner.StartAsync(options, logger);
    }

    public Task StopAsync() => inner.StopAsync();

    public void Dispose() => inner.Dispose();

    /// <summary>Passes everything through; only the first CONNECT's keep-alive is lowered.</summary>
    private sealed class Channel(IMqttChannelAdapter inner, ushort maxSeconds, Action<string?, ushort, ushort> clamped) : IMqttChannelAdapter
    {
        public long BytesReceived => inner.BytesReceived;

        public long BytesSent => inner.BytesSent;

        public X509Certificate2 ClientCertificate => inner.ClientCertificate;

        public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

        public EndPoint LocalEndPoint => inner.LocalEndPoint;

        public bool IsSecureConnection => inner.IsSecureConnection;

        public MqttPacketFormatterAdapter PacketFormatterAdapter => inner.PacketFormatterAdapter;

        public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

        public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

        public async Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
        {
            MqttPacket packet = await inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
            // 0 (no keep-alive at all) is the longest keep-alive there is, so it is clamped too.
            if (packet is MqttConnectPacket connect && (connect.KeepAlivePeriod == 0 || connect.KeepAlivePeriod > maxSeconds))
            {
                ushort asked = connect.KeepAlivePeriod;
                connect.KeepAlivePeriod = maxSeconds;
                clamped(connect.ClientId, asked, maxSeconds);
            }

            return packet;
        }

        public void ResetStatistics() => inner.ResetStatistics();

        public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken) => inner.SendPacketAsync(packet, cancellationToken);

        public void Dispose() => inner.Dispose();
    }
}
