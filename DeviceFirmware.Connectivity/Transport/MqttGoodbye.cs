#nullable enable
using System;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;

namespace DeviceFirmware.Iot.Transport;

/// <summary>
/// How a retired MQTT client is closed (the <c>close</c> function <see cref="MqttAttempts"/> is given): a DISCONNECT
/// when it is still connected, so the broker sees a clean goodbye rather than a dead connection (no 0x0092 "offline"
/// guessed from a timeout), bounded in time, then always disposed.
/// </summary>
public static class MqttGoodbye
{
    /// <summary>
    /// Sends DISCONNECT (waiting at most <paramref name="timeoutMs"/>) and disposes <paramref name="client"/>. A failed
    /// DISCONNECT is handed to <paramref name="failed"/> (for a debug log line) and never thrown: the client is going
    /// away either way.
    /// </summary>
    public static async Task CloseAsync(IMqttClient client, int timeoutMs, Action<Exception> failed)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(failed);
        try
        {
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(timeoutMs);
                await client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failed(e);
        }
        finally
        {
            client.Dispose();
        }
    }
}
