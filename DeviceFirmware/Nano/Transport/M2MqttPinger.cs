using System;
using System.Reflection;
using System.Threading;
using DeviceFirmware.Core.Hosting;
using nanoFramework.M2Mqtt;

namespace DeviceFirmware.Nano.Transport
{
    /// <summary>
    /// Writes a PINGREQ when the session supervisor asks, whatever else was sent. M2Mqtt 5.1.218 has no public ping: its
    /// keep-alive thread calls the private <c>MqttClient.Ping()</c> only after a whole keep-alive period without any
    /// send (<c>_lastCommTime</c> is updated by every PUBLISH), so with periodic status reports it never pings.
    /// This class calls that same private <c>Ping()</c> through reflection (nanoFramework's mscorlib has
    /// <c>Type.GetMethod(string, BindingFlags)</c> and <c>MethodBase.Invoke</c>): it sends PINGREQ, waits up to the
    /// keep-alive period for the PINGRESP, returns it, or returns null after M2Mqtt has started closing the connection
    /// (<c>OnConnectionClosing</c>), which the transport reports as a lost connection. Each ping runs on its own short
    /// thread (Ping blocks); while one is outstanding a second is not written, because M2Mqtt's <c>SendReceive</c> has
    /// one response slot. A PINGRESP is reported as <see cref="ITransportEvents.PingResponse"/>.
    /// If a later M2Mqtt renames the method, <see cref="IsAvailable"/> is false and the pinger falls back to reporting
    /// the connection alive while M2Mqtt says it is connected (its own keep-alive then guards the link).
    /// </summary>
    public sealed class M2MqttPinger
    {
        /// <summary>The private method of M2Mqtt's MqttClient that sends PINGREQ and waits for PINGRESP.</summary>
        public const string PingMethodName = "Ping";

        private static readonly MethodInfo PingMethod = typeof(MqttClient).GetMethod(PingMethodName, BindingFlags.Instance | BindingFlags.NonPublic);

        private readonly ITransportEvents events;
        private readonly M2MqttTransport owner;
        private readonly object gate = new object();
        private MqttClient target;
        private bool outstanding;

        /// <summary>Creates a pinger that reports answers to <paramref name="events"/> while the pinged client is still <paramref name="owner"/>'s current one.</summary>
        public M2MqttPinger(ITransportEvents events, M2MqttTransport owner)
        {
            this.events = events;
            this.owner = owner;
        }

        /// <summary>True when M2Mqtt's private <c>Ping()</c> was found (it is at the pinned tag).</summary>
        public static bool IsAvailable => PingMethod != null;

        /// <summary>PINGREQs written (each answered or not).</summary>
        public int Sent { get; private set; }

        /// <summary>Pings asked for while the previous one was still unanswered (not written).</summary>
        public int Skipped { get; private set; }

        /// <summary>Starts one PINGREQ on <paramref name="client"/>; false when one is still outstanding (nothing written).</summary>
        public bool Ping(MqttClient client)
        {
            if (PingMethod == null)
            {
                if (client.IsConnected) events.PingResponse();
                return false;
            }

            lock (gate)
            {
                if (outstanding)
                {
                    Skipped++;
                    return false;
                }

                outstanding = true;
                target = client;
                Sent++;
            }

            new Thread(Run).Start();
            return true;
        }

        private void Run()
        {
            MqttClient client;
            lock (gate)
            {
                client = target;
            }

            object answer = null;
            try
            {
                answer = PingMethod.Invoke(client, null);
            }
            catch (Exception)
            {
                // A closed socket: M2Mqtt reports the closed connection itself; this ping just was not answered.
            }

            lock (gate)
            {
                outstanding = false;
                target = null;
            }

            // An answer on a client the transport has since given up is not this connection's PINGRESP.
            if (answer != null && owner.IsAnnounced(client)) events.PingResponse();
        }
    }
}
