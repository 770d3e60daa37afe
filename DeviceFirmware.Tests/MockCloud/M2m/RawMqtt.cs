using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>Raw TCP to a broker, for attacks no MQTT library would send: oversized and half-sent packets.</summary>
internal static class RawMqtt
{
    /// <summary>A CONNECT fixed header (type 0x10) declaring <paramref name="remainingLength"/> bytes, without any of them.</summary>
    public static byte[] ConnectHeader(int remainingLength)
    {
        var bytes = new System.Collections.Generic.List<byte> { 0x10 };
        int value = remainingLength;
        do
        {
            byte b = (byte)(value % 128);
            value /= 128;
            if (value > 0) b |= 0x80;
            bytes.Add(b);
        }
        while (value > 0);
        return bytes.ToArray();
    }

    public static async Task<TcpClient> OpenAsync(IPEndPoint server)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Address, server.Port);
        return tcp;
    }

    /// <summary>
    /// True when the server ends the connection (end of stream or reset) within <paramref name="seconds"/>; false when it
    /// is still open then. Anything the server sends first (a CONNACK) is read and ignored.
    /// </summary>
    public static async Task<bool> ServerClosesAsync(TcpClient tcp, int seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        byte[] buffer = new byte[256];
        try
        {
            while (true)
            {
                int read = await tcp.GetStream().ReadAsync(buffer, timeout.Token);
                if (read == 0) return true;
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            // The socket is no longer connected: a write already failed because the server had closed it.
            return true;
        }
    }

    /// <summary>True when a new connection is closed by the server (or reset while it is made) within 10 s.</summary>
    public static async Task<bool> OpenIsClosedAsync(IPEndPoint server)
    {
        TcpClient tcp;
        try
        {
            tcp = await OpenAsync(server);
        }
        catch (SocketException)
        {
            return true;
        }

        using (tcp) return await ServerClosesAsync(tcp);
    }

    /// <summary>Writes <paramref name="total"/> bytes of zeros in 64 KiB chunks until done or the server closes; returns the bytes written.</summary>
    public static async Task<long> StreamZerosAsync(TcpClient tcp, long total)
    {
        byte[] chunk = new byte[64 * 1024];
        long written = 0;
        try
        {
            while (written < total)
            {
                int n = (int)Math.Min(chunk.Length, total - written);
                await tcp.GetStream().WriteAsync(chunk.AsMemory(0, n));
                written += n;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The server closed the connection: the point of the attack tests.
        }

        return written;
    }
}
