using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>
/// A hand-made MQTT 3.1.1 client over a bare socket: sends CONNECT, reads CONNACK, and then can vanish without a
/// DISCONNECT (a reset, like a killed process or a pulled cable) or just fall silent.
/// </summary>
public sealed class RawMqttDevice : IDisposable
{
    private readonly Socket socket;

    private RawMqttDevice(Socket socket) => this.socket = socket;

    public static async Task<RawMqttDevice> ConnectAsync(IPEndPoint server, string clientId, string userName, string password, ushort keepAliveSeconds)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(server);
            await socket.SendAsync(ConnectPacket(clientId, userName, password, keepAliveSeconds), SocketFlags.None);
            byte[] connAck = new byte[4];
            int read = 0;
            while (read < 4)
            {
                int n = await socket.ReceiveAsync(connAck.AsMemory(read), SocketFlags.None);
                if (n == 0) throw new InvalidOperationException("closed before CONNACK");
                read += n;
            }

            if (connAck[0] != 0x20 || connAck[3] != 0) throw new InvalidOperationException($"CONNACK refused: {Convert.ToHexString(connAck)}");
            return new RawMqttDevice(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Resets the TCP connection (RST, no DISCONNECT, no FIN handshake).</summary>
    public void Abort()
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    /// <summary>True once the broker has closed the connection (a read returns end of stream or fails).</summary>
    public async Task<bool> WasClosedByServerAsync()
    {
        byte[] buffer = new byte[16];
        try
        {
            return await socket.ReceiveAsync(buffer, SocketFlags.None) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public void Dispose() => socket.Dispose();

    private static byte[] ConnectPacket(string clientId, string userName, string password, ushort keepAlive)
    {
        var body = new List<byte> { 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0xC2, (byte)(keepAlive >> 8), (byte)keepAlive };
        foreach (string field in new[] { clientId, userName, password })
        {
            byte[] bytes = Encoding.UTF8.GetBytes(field);
            body.Add((byte)(bytes.Length >> 8));
            body.Add((byte)bytes.Length);
            body.AddRange(bytes);
        }

        var packet = new List<byte> { 0x10 };
        int remaining = body.Count;
        do
        {
            byte digit = (byte)(remaining % 128);
            remaining /= 128;
            packet.Add(remaining > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (remaining > 0);
        packet.AddRange(body);
        return packet.ToArray();
    }
}
