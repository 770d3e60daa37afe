using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace DeviceFirmware.Tests.Support
{
    /// <summary>
    /// A TCP relay on 127.0.0.1 (a free port) to a target port, for network faults between a firmware and the broker.
    /// <see cref="Blackhole"/> turns every connection open at that moment half-open: bytes in either direction are read
    /// and thrown away, and nothing is closed, so neither end learns anything from TCP. Connections made afterwards are
    /// relayed normally. <see cref="RefuseNew"/> closes new connections at once (as a broker that is down would).
    /// A normal close on either side is passed on to the other.
    /// </summary>
    internal sealed class BlackholeProxy : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly int targetPort;
        private readonly CancellationTokenSource stop = new();
        private readonly List<Relay> relays = new();
        private readonly Task accepting;
        private int accepted;

        public BlackholeProxy(int targetPort)
        {
            this.targetPort = targetPort;
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            accepting = Task.Run(AcceptAsync);
        }

        /// <summary>The port to connect to instead of the target.</summary>
        public int Port { get; }

        /// <summary>TCP connections accepted so far (refused ones included).</summary>
        public int Accepted => Volatile.Read(ref accepted);

        /// <summary>While true, a new connection is closed as soon as it is accepted.</summary>
        public bool RefuseNew { get; set; }

        /// <summary>From now on the connections open now carry nothing, in both directions, and stay open.</summary>
        public void Blackhole()
        {
            lock (relays)
            {
                foreach (Relay relay in relays) relay.Blackholed = true;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            listener.Stop();
            Relay[] open;
            lock (relays) open = relays.ToArray();
            foreach (Relay relay in open) relay.Close();
            try
            {
                await accepting;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }

            await Task.WhenAll(open.Select(r => r.Done));
            stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref accepted);
                if (RefuseNew)
                {
                    client.Dispose();
                    continue;
                }

                var upstream = new TcpClient();
                try
                {
                    await upstream.ConnectAsync(IPAddress.Loopback, targetPort, stop.Token);
                }
                catch (SocketException)
                {
                    // The target is down: so is the relay, as the client would see it without us.
                    upstream.Dispose();
                    client.Dispose();
                    continue;
                }

                var relay = new Relay(client, upstream);
                lock (relays) relays.Add(relay);
                relay.Start();
            }
        }

        private sealed class Relay
        {
            private readonly TcpClient client;
            private readonly TcpClient upstream;
            private int closed;

            public Relay(TcpClient client, TcpClient upstream)
            {
                this.client = client;
                this.upstream = upstream;
            }

            public volatile bool Blackholed;

            public Task Done { get; private set; } = Task.CompletedTask;

            public void Start() => Done = Task.WhenAll(Task.Run(() => PumpAsync(client, upstream)), Task.Run(() => PumpAsync(upstream, client)));

            public void Close()
            {
                if (Interlocked.Exchange(ref closed, 1) != 0) return;
                client.Dispose();
                upstream.Dispose();
            }

            private async Task PumpAsync(TcpClient from, TcpClient to)
            {
                byte[] buffer = new byte[8192];
                try
                {
                    NetworkStream source = from.GetStream();
                    NetworkStream sink = to.GetStream();
                    while (true)
                    {
                        int read = await source.ReadAsync(buffer);
                        if (read == 0) break;

                        // Blackholed: keep reading (so no window fills and nothing closes) but deliver nothing.
                        if (!Blackholed) await sink.WriteAsync(buffer.AsMemory(0, read));
                    }
                }
                catch (Exception e) when (e is System.IO.IOException or SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    // One side went away.
                }

                // A blackholed connection stays open until the proxy is disposed: that is the fault being simulated.
                if (!Blackholed) Close();
            }
        }
    }
}
