using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Iot.Transport;
using Microsoft.Extensions.Logging;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>
/// The broker's TCP and TLS listeners, in place of MQTTnet's own (which has no packet size limit and no per-address
/// limit): each accepted connection counts against its remote address (over <see cref="M2mOptions.MaxConnectionsPerAddress"/>
/// it is closed at once), a TLS handshake must finish within <see cref="M2mOptions.ConnectTimeout"/>, and every packet
/// is held to the limits of <see cref="MqttPacketLimits"/> by an <see cref="MqttPacketSizeGuard"/> (the CONNECT, read
/// before authentication, to <see cref="M2mOptions.MaxConnectPacketBytes"/>). The connection is then MQTTnet's.
/// </summary>
internal sealed class M2mListener : IMqttServerAdapter
{
    private readonly M2mOptions options;
    private readonly X509Certificate2? certificate;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<IPAddress, int> perAddress = new();
    private readonly List<TcpListener> listeners = [];
    private readonly CancellationTokenSource stop = new();
    private MqttServerOptions? serverOptions;
    private IMqttNetLogger? mqttLogger;
    private bool disposed;

    public M2mListener(M2mOptions options, X509Certificate2? certificate, ILogger logger)
    {
        this.options = options;
        this.certificate = certificate;
        this.logger = logger;
    }

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>The plain end point bound (with the real port).</summary>
    public IPEndPoint? MqttEndpoint { get; private set; }

    /// <summary>The TLS end point bound, or null.</summary>
    public IPEndPoint? MqttsEndpoint { get; private set; }

    /// <summary>Connections now open from <paramref name="address"/>.</summary>
    public int ConnectionsFrom(IPAddress address) => perAddress.TryGetValue(address, out int n) ? n : 0;

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        serverOptions = options;
        mqttLogger = logger;
        MqttEndpoint = Listen(this.options.MqttEndpoint, tls: false);
        if (this.options.MqttsEndpoint != null) MqttsEndpoint = Listen(this.options.MqttsEndpoint, tls: true);
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        lock (listeners)
        {
            if (disposed) return Task.CompletedTask;
            stop.Cancel();
            foreach (TcpListener listener in listeners) listener.Stop();
            listeners.Clear();
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        StopAsync();
        lock (listeners)
        {
            if (disposed) return;
            disposed = true;
            stop.Dispose();
        }
    }

    private IPEndPoint Listen(IPEndPoint endPoint, bool tls)
    {
        var listener = new TcpListener(endPoint);
        if (endPoint.AddressFamily == AddressFamily.InterNetworkV6) listener.Server.DualMode = false;
        listener.Start(backlog: 128);
        listeners.Add(listener);
        _ = AcceptLoopAsync(listener, tls);
        return (IPEndPoint)listener.LocalEndpoint;
    }

    private async Task AcceptLoopAsync(TcpListener listener, bool tls)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stop.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException && stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            _ = HandleAsync(socket, tls);
        }
    }

    private async Task HandleAsync(Socket socket, bool tls)
    {
        IPEndPoint remote = (IPEndPoint)socket.RemoteEndPoint!;
        IPAddress address = remote.Address;
        int open = perAddress.AddOrUpdate(address, 1, (_, n) => n + 1);
        Stream? stream = null;
        try
        {
            if (open > options.MaxConnectionsPerAddress)
            {
                // Logged once per crossing of the limit, not once per refused connection.
                if (open == options.MaxConnectionsPerAddress + 1) M2mLog.AddressLimit(logger, address.ToString(), options.MaxConnectionsPerAddress);
                return;
            }

            socket.NoDelay = true;
            stream = new NetworkStream(socket, ownsSocket: false);
            if (tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                handshake.CancelAfter(options.ConnectTimeout);
                await ssl.AuthenticateAsServerAsync(
                    new SslServerAuthenticationOptions
                    {
                        ServerCertificate = certificate,
                        ClientCertificateRequired = false,
                        EncryptionPolicy = EncryptionPolicy.RequireEncryption,
                    },
                    handshake.Token).ConfigureAwait(false);
            }

            Func<IMqttChannelAdapter, Task>? handler = ClientHandler;
            if (handler == null || serverOptions == null) return;
            string remoteText = remote.ToString();
            var channel = new MqttPacketSizeGuard(
                new MqttTcpChannel(stream, socket.LocalEndPoint, remote, null),
                options.MaxConnectPacketBytes,
                options.MaxPacketBytes,
                (declared, limit) => M2mLog.PacketTooLarge(logger, remoteText, declared, limit));
            var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(serverOptions.WriterBufferSize, serverOptions.WriterBufferSizeMax));
            using var adapter = new MqttChannelAdapter(channel, formatter, mqttLogger!);
            await handler(adapter).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or AuthenticationException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // A client that drops, stalls or fails its TLS handshake is the client's problem.
            M2mLog.TransportClosed(logger, remote.ToString(), exception.GetType().Name);
        }
#pragma warning disable CA1031 // Nothing may escape a connection's own task (it is not awaited): logged instead.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            M2mLog.TransportFailed(logger, remote.ToString(), exception);
        }
        finally
        {
            if (stream != null) await stream.DisposeAsync().ConfigureAwait(false);
            socket.Dispose();
            if (perAddress.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0) perAddress.TryRemove(new KeyValuePair<IPAddress, int>(address, 0));
        }
    }
}
