#nullable enable
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace DeviceFirmware.Tests.Support
{
    /// <summary>One CONNECT as it arrived on the wire.</summary>
    internal sealed record RawConnect(byte[] Packet, string ProtocolName, int ProtocolLevel, int KeepAliveSeconds, string ClientId);

    /// <summary>
    /// A minimal MQTT server written against the raw socket, so that tests see the bytes a client really sends (not what
    /// a broker library makes of them): it records every CONNECT, answers CONNACK (accepted), SUBACK (QoS 0) and PINGRESP,
    /// and, with <see cref="DropAfterSubscribeMs"/>, closes each connection that long after its SUBACK, as a broker does
    /// that kicks a client (a second login with the same DID, an ACL).
    /// </summary>
    internal sealed class RawMqttBroker : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();
        private readonly ConcurrentQueue<RawConnect> connects = new();
        private readonly List<Task> sessions = new();
        private readonly Task accepting;

        public RawMqttBroker(int dropAfterSubscribeMs = -1)
        {
            DropAfterSubscribeMs = dropAfterSubscribeMs;
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            accepting = Task.Run(AcceptAsync);
        }

        public int Port { get; }

        public int DropAfterSubscribeMs { get; }

        public RawConnect[] Connects => connects.ToArray();

        /// <summary>Waits until <paramref name="count"/> CONNECTs arrived; the timeout is a failure, not a measurement.</summary>
        public RawConnect[] WaitForConnects(int count, int timeoutSeconds = 30)
        {
            DateTime give = DateTime.UtcNow.AddSeconds(timeoutSeconds);
            while (connects.Count < count && DateTime.UtcNow < give) Thread.Sleep(20);
            if (connects.Count < count) throw new Xunit.Sdk.XunitException($"{connects.Count} CONNECT(s) within {timeoutSeconds} s, expected {count}");
            return Connects;
        }

        public async ValueTask DisposeAsync()
        {
            stop.Cancel();
            listener.Stop();
            try
            {
                await accepting.ConfigureAwait(false);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException or OperationCanceledException)
            {
            }

            Task[] all;
            lock (sessions) all = sessions.ToArray();
            await Task.WhenAll(all).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stop.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is ObjectDisposedException or SocketException or OperationCanceledException)
                {
                    return;
                }

                lock (sessions) sessions.Add(Task.Run(() => ServeAsync(client)));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    NetworkStream stream = client.GetStream();
                    while (!stop.IsCancellationRequested)
                    {
                        (byte type, byte[] packet, int bodyStart) = await ReadPacketAsync(stream).ConfigureAwait(false);
                        switch (type >> 4)
                        {
                            case 1: // CONNECT
                                connects.Enqueue(ParseConnect(packet, bodyStart));
                                await stream.WriteAsync(new byte[] { 0x20, 0x02, 0x00, 0x00 }, stop.Token).ConfigureAwait(false);
                                break;
                            case 8: // SUBSCRIBE: one granted QoS 0 per filter
                                int filters = 0;
                                for (int at = bodyStart + 2; at + 2 < packet.Length; at += 2 + ((packet[at] << 8) | packet[at + 1]) + 1) filters++;
                                var suback = new byte[4 + filters];
                                suback[0] = 0x90;
                                suback[1] = (byte)(2 + filters);
                                suback[2] = packet[bodyStart];
                                suback[3] = packet[bodyStart + 1];
                                await stream.WriteAsync(suback, stop.Token).ConfigureAwait(false);
                                if (DropAfterSubscribeMs >= 0)
                                {
                                    await Task.Delay(DropAfterSubscribeMs, stop.Token).ConfigureAwait(false);
                                    client.Client.Close(); // no DISCONNECT: the connection just ends
                                    return;
                                }

                                break;
                            case 12: // PINGREQ
                                await stream.WriteAsync(new byte[] { 0xD0, 0x00 }, stop.Token).ConfigureAwait(false);
                                break;
                            case 14: // DISCONNECT
                                return;
                        }
                    }
                }
                catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or EndOfStreamException)
                {
                }
            }
        }

        private async Task<(byte Type, byte[] Packet, int BodyStart)> ReadPacketAsync(NetworkStream stream)
        {
            var header = new List<byte>();
            byte[] one = new byte[1];
            await stream.ReadExactlyAsync(one, stop.Token).ConfigureAwait(false);
            header.Add(one[0]);
            int remaining = 0;
            for (int shift = 0; ; shift += 7)
            {
                await stream.ReadExactlyAsync(one, stop.Token).ConfigureAwait(false);
                header.Add(one[0]);
                remaining |= (one[0] & 0x7F) << shift;
                if ((one[0] & 0x80) == 0) break;
                if (shift >= 21) throw new IOException("remaining length over 4 bytes");
            }

            byte[] packet = new byte[header.Count + remaining];
            header.CopyTo(packet);
            await stream.ReadExactlyAsync(packet.AsMemory(header.Count), stop.Token).ConfigureAwait(false);
            return (header[0], packet, header.Count);
        }

        private static RawConnect ParseConnect(byte[] packet, int at)
        {
            int nameLength = (packet[at] << 8) | packet[at + 1];
            string name = System.Text.Encoding.ASCII.GetString(packet, at + 2, nameLength);
            int level = packet[at + 2 + nameLength];
            int keepAlive = (packet[at + 4 + nameLength] << 8) | packet[at + 5 + nameLength];
            int idAt = at + 6 + nameLength;
            int idLength = (packet[idAt] << 8) | packet[idAt + 1];
            string clientId = System.Text.Encoding.UTF8.GetString(packet, idAt + 2, idLength);
            return new RawConnect(packet, name, level, keepAlive, clientId);
        }
    }
}
