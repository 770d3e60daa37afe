using System;
using System.Threading;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.Core.Hosting;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace DeviceFirmware.Nano.Transport
{
    /// <summary>
    /// <see cref="IMqttTransport"/> over nanoFramework.M2Mqtt 5.1.218 (MQTT 3.1 by default, 3.1.1 when asked; QoS 0,
    /// clean session, plain TCP). M2Mqtt is blocking and raises events on its own threads; the core is
    /// run by one thread at a time. So each connect attempt runs on a thread of its own and every outcome is reported to
    /// <see cref="ITransportEvents"/> (the host loop, which decides what runs when); each attempt gets a new client and a generation number, and an answer from
    /// an abandoned attempt (after <see cref="AbortConnect"/> or <see cref="Disconnect"/>) is ignored, as in the .NET
    /// host's MqttNetTransport. The session supervisor, not M2Mqtt, decides when to connect again.
    /// <para>
    /// Every abandoned client is closed, whatever its state (<see cref="M2MqttCloser"/>): M2Mqtt starts its receive
    /// thread before the CONNACK, so a refused or timed-out connect would otherwise keep its socket and thread.
    /// </para>
    /// <para>
    /// Memory: M2Mqtt's in-flight queue is unbounded by default (<see cref="MqttSettings.DefaultInflightQueueSize"/>);
    /// it is capped at <see cref="InflightCapacity"/>, and a publish beyond it is dropped and counted. A received
    /// PUBLISH longer than <see cref="MaxInboundPayload"/> is dropped and counted before it reaches the core (M2Mqtt
    /// has already allocated it; docs/esp32.md says what is and is not protected).
    /// </para>
    /// <para>
    /// Heartbeat: <see cref="SendPing"/> writes a PINGREQ through M2Mqtt's own ping (<see cref="M2MqttPinger"/>) every
    /// time the supervisor asks (every 60 s), whatever else was sent, and reports the PINGRESP; the supervisor drops the
    /// connection after two missed ones.
    /// </para>
    /// </summary>
    public sealed class M2MqttTransport : IMqttTransport
    {
        /// <summary>Most PUBLISH/SUBSCRIBE messages M2Mqtt may hold unsent (its default is int.MaxValue).</summary>
        public const int InflightCapacity = 8;

        /// <summary>How long an attempt waits for the SUBACK after the CONNACK.</summary>
        public const int SubackTimeoutMs = 10000;

        /// <summary>
        /// Longest app2dev payload handed to the core (bytes). The largest frame any compiled-in product accepts is far
        /// smaller (GoKit: 77 bytes, its frame buffer); 512 bounds the inbox at 8 × 512 bytes of payload.
        /// </summary>
        public const int MaxInboundPayload = 512;

        private readonly string host;
        private readonly int port;
        private readonly ITransportEvents events;
        private readonly MqttProtocolVersion protocolVersion;
        private readonly M2MqttPinger pinger;
        private readonly object gate = new object();
        private MqttClient client;
        private int generation;
        private int announcedGeneration = -1;

        /// <summary>
        /// Creates the transport for the broker at <paramref name="host"/>:<paramref name="port"/>, speaking MQTT 3.1
        /// (<c>MQIsdp</c>, level 3, as Gizwits' own device agent does) or 3.1.1 when <paramref name="mqtt311"/>; nothing
        /// connects until the core asks.
        /// </summary>
        public M2MqttTransport(string host, int port, ITransportEvents events, bool mqtt311)
        {
            this.host = host;
            this.port = port;
            this.events = events;
            protocolVersion = mqtt311 ? MqttProtocolVersion.Version_3_1_1 : MqttProtocolVersion.Version_3_1;
            pinger = new M2MqttPinger(events, this);
        }

        /// <summary>Publishes dropped: not connected, M2Mqtt's in-flight queue full, or the send failed.</summary>
        public int DroppedPublishes { get; private set; }

        /// <summary>Received PUBLISHes dropped because their payload was longer than <see cref="MaxInboundPayload"/>.</summary>
        public int DroppedOversized { get; private set; }

        /// <summary>The protocol version every CONNECT uses.</summary>
        public MqttProtocolVersion ProtocolVersion => protocolVersion;

        /// <inheritdoc/>
        public void BeginConnect(string clientId, string userName, string password, int keepAliveSeconds, string subscribeTopic)
        {
            int attempt;
            lock (gate)
            {
                attempt = ++generation;
                Retire();
            }

            ConnectAttempt work = new ConnectAttempt(this, attempt, clientId, userName, password, keepAliveSeconds, subscribeTopic);
            new Thread(work.Run).Start();
        }

        /// <inheritdoc/>
        public void AbortConnect()
        {
            lock (gate)
            {
                generation++;
                Retire();
            }
        }

        /// <inheritdoc/>
        public void SendPing()
        {
            MqttClient current;
            lock (gate)
            {
                current = announcedGeneration == generation ? client : null;
            }

            // No connection, or the previous PINGREQ still unanswered: nothing is written, and the supervisor counts a miss.
            if (current != null) pinger.Ping(current);
        }

        /// <inheritdoc/>
        public void Disconnect()
        {
            lock (gate)
            {
                generation++;
                Retire();
            }
        }

        /// <inheritdoc/>
        public bool Publish(string topic, byte[] payload, int offset, int count)
        {
            MqttClient current;
            lock (gate)
            {
                current = announcedGeneration == generation ? client : null;
            }

            if (current == null)
            {
                DroppedPublishes++;
                return false;
            }

            // M2Mqtt keeps the array in its in-flight queue until sent, so it gets its own copy (the core reuses its buffer).
            byte[] copy = new byte[count];
            Array.Copy(payload, offset, copy, 0, count);
            try
            {
                current.Publish(topic, copy);
                return true;
            }
            catch (Exception)
            {
                // MqttClientException(InflightQueueFull) at the cap, or a closed socket: the publish is lost, never queued.
                DroppedPublishes++;
                return false;
            }
        }

        // Caller holds the gate: forget the current client and close it off the loop thread (DISCONNECT may block).
        private void Retire()
        {
            announcedGeneration = -1;
            MqttClient old = client;
            client = null;
            if (old != null) CloseLater(old);
        }

        private static void CloseLater(MqttClient old)
        {
            M2MqttCloser closer = new M2MqttCloser(old);
            new Thread(closer.Run).Start();
        }

        /// <summary>True while <paramref name="candidate"/> is the announced (connected and reported) client.</summary>
        internal bool IsAnnounced(MqttClient candidate)
        {
            lock (gate)
            {
                return candidate != null && candidate == client && announcedGeneration == generation;
            }
        }

        private bool IsCurrent(int attempt)
        {
            lock (gate)
            {
                return generation == attempt;
            }
        }

        /// <summary>One connect attempt on its own thread: CONNECT (blocking), SUBSCRIBE, wait for the SUBACK, report.</summary>
        private sealed class ConnectAttempt
        {
            private readonly M2MqttTransport owner;
            private readonly int attempt;
            private readonly string clientId;
            private readonly string userName;
            private readonly string password;
            private readonly int keepAliveSeconds;
            private readonly string topic;
            private readonly AutoResetEvent subscribed = new AutoResetEvent(false);
            private int lastSubackId = -1;

            public ConnectAttempt(M2MqttTransport owner, int attempt, string clientId, string userName, string password, int keepAliveSeconds, string topic)
            {
                this.owner = owner;
                this.attempt = attempt;
                this.clientId = clientId;
                this.userName = userName;
                this.password = password;
                this.keepAliveSeconds = keepAliveSeconds;
                this.topic = topic;
            }

            public void Run()
            {
                MqttClient fresh = null;
                try
                {
                    fresh = new MqttClient(owner.host, owner.port, false, null, null, MqttSslProtocols.None);
                    fresh.ProtocolVersion = owner.protocolVersion;
                    fresh.Settings.InflightQueueSize = InflightCapacity;
                    fresh.MqttMsgPublishReceived += OnPublish;
                    fresh.MqttMsgSubscribed += OnSubscribed;
                    fresh.ConnectionClosed += OnClosed;
                    lock (owner.gate)
                    {
                        if (owner.generation != attempt) return;
                        owner.client = fresh;
                    }

                    MqttReasonCode code = fresh.Connect(clientId, userName, password, true, (ushort)keepAliveSeconds);
                    if (code != MqttReasonCode.Success) throw new InvalidOperationException("CONNACK refused");
                    ushort id = fresh.Subscribe(new string[] { topic }, new MqttQoSLevel[] { MqttQoSLevel.AtMostOnce });
                    if (!WaitForSuback(id)) throw new InvalidOperationException("no SUBACK");
                    bool abandoned;
                    lock (owner.gate)
                    {
                        abandoned = owner.generation != attempt;
                        if (!abandoned) owner.announcedGeneration = attempt;
                    }

                    if (abandoned)
                    {
                        // Aborted while Connect blocked: Retire found it not yet connected, so close it now or it leaks its threads.
                        CloseLater(fresh);
                        return;
                    }

                    owner.events.Connected();
                }
                catch (Exception)
                {
                    bool current;
                    lock (owner.gate)
                    {
                        current = owner.generation == attempt;
                        if (current && owner.client == fresh) owner.client = null;
                    }

                    if (fresh != null) CloseLater(fresh);
                    if (current) owner.events.ConnectFailed();
                }
            }

            private bool WaitForSuback(ushort id)
            {
                // The SUBACK may arrive before Subscribe returns the id: remember the last one and compare after each wake.
                int waited = 0;
                while (lastSubackId != id)
                {
                    if (waited >= SubackTimeoutMs) return false;
                    subscribed.WaitOne(500, false);
                    waited += 500;
                }

                return true;
            }

            private void OnSubscribed(object sender, MqttMsgSubscribedEventArgs e)
            {
                lastSubackId = e.MessageId;
                subscribed.Set();
            }

            private void OnPublish(object sender, MqttMsgPublishEventArgs e)
            {
                if (!owner.IsCurrent(attempt)) return;
                if (e.Message == null || e.Message.Length > MaxInboundPayload)
                {
                    owner.DroppedOversized++;
                    return;
                }

                // M2Mqtt allocated this array for this PUBLISH alone: it may wait as it is.
                owner.events.Message(e.Topic, e.Message, 0, e.Message.Length, e.Retain, false);
            }

            private void OnClosed(object sender, EventArgs e)
            {
                lock (owner.gate)
                {
                    // Only a connection that was announced and is still the current one is "lost"; the rest we closed ourselves.
                    if (owner.generation != attempt || owner.announcedGeneration != attempt) return;
                    owner.announcedGeneration = -1;
                    owner.client = null;
                }

                owner.events.ConnectionLost();
            }
        }
    }
}
