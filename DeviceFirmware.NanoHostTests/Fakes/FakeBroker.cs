using System.Collections.Generic;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace DeviceFirmware.NanoHostTests.Fakes
{
    /// <summary>The broker the fake M2Mqtt clients talk to: how it answers, and what it saw.</summary>
    public sealed class FakeBroker
    {
        private readonly List<MqttClient> clients = new List<MqttClient>();
        private int connects;
        private int pingRequests;

        /// <summary>The broker of the running test (tests in this assembly run one at a time).</summary>
        public static FakeBroker Current { get; set; } = new FakeBroker();

        /// <summary>False: the TCP connect fails (M2Mqtt throws before starting any thread).</summary>
        public bool Reachable { get; set; } = true;

        /// <summary>The CONNACK return code.</summary>
        public MqttReasonCode ConnackCode { get; set; } = MqttReasonCode.Success;

        /// <summary>False: no PINGRESP comes.</summary>
        public bool AnswerPings { get; set; } = true;

        /// <summary>While not set, a PINGRESP is held back (the PINGREQ stays outstanding).</summary>
        public ManualResetEventSlim PingGate { get; } = new ManualResetEventSlim(true);

        /// <summary>CONNECTs received.</summary>
        public int Connects => Volatile.Read(ref connects);

        /// <summary>PINGREQs received.</summary>
        public int PingRequests
        {
            get => Volatile.Read(ref pingRequests);
            set => Volatile.Write(ref pingRequests, value);
        }

        /// <summary>DISCONNECTs received.</summary>
        public int Disconnects { get; set; }

        /// <summary>PUBLISHes received from the device.</summary>
        public int Publishes { get; private set; }

        /// <summary>The protocol version of the last CONNECT.</summary>
        public MqttProtocolVersion LastProtocolVersion { get; private set; }

        /// <summary>Every client created while this broker was current.</summary>
        public MqttClient[] Clients
        {
            get
            {
                lock (clients)
                {
                    return clients.ToArray();
                }
            }
        }

        /// <summary>Clients whose socket is open and whose receive thread runs.</summary>
        public int OpenClients
        {
            get
            {
                int open = 0;
                foreach (MqttClient client in Clients)
                {
                    if (client.IsOpenForTests) open++;
                }

                return open;
            }
        }

        internal static void Created(MqttClient client)
        {
            lock (Current.clients)
            {
                Current.clients.Add(client);
            }
        }

        internal void Connected(MqttProtocolVersion version)
        {
            Interlocked.Increment(ref connects);
            LastProtocolVersion = version;
        }

        internal void Published(string topic, byte[] message)
        {
            lock (clients)
            {
                Publishes++;
            }
        }
    }
}
