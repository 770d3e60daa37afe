using System;
using nanoFramework.M2Mqtt;

namespace DeviceFirmware.Nano.Transport
{
    /// <summary>
    /// Releases an abandoned M2Mqtt client on a thread of its own (DISCONNECT and Close may block): DISCONNECT when it
    /// is connected, then <see cref="MqttClient.Close"/> always. M2Mqtt 5.1.218's <c>Connect</c> opens the socket and
    /// starts its receive thread before it sends CONNECT, and neither is released when the CONNACK refuses or never
    /// comes; <c>Close()</c> (public since 5.1.x) stops that thread and closes the socket, and returns at once when
    /// the client is already closing or closed, so calling it on any client is safe.
    /// </summary>
    public sealed class M2MqttCloser
    {
        private readonly MqttClient old;

        /// <summary>Wraps the client to release.</summary>
        public M2MqttCloser(MqttClient old)
        {
            this.old = old;
        }

        /// <summary>DISCONNECT if connected, then Close; never throws.</summary>
        public void Run()
        {
            try
            {
                if (old.IsConnected) old.Disconnect();
            }
            catch (Exception)
            {
                // Already closed by the peer: Close below still releases the thread and the socket.
            }

            try
            {
                old.Close();
            }
            catch (Exception)
            {
                // M2Mqtt's Close catches everything itself; nothing more can be released.
            }
        }
    }
}
