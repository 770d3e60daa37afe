using System;
using System.Collections.Generic;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.Tests.Firmware.Core.Peripherals;

namespace DeviceFirmware.Tests.Firmware.Core.Device
{
    /// <summary>An MQTT transport that records every call into the shared journal; publishes succeed while <see cref="Online"/>.</summary>
    internal sealed class FakeTransport : IMqttTransport
    {
        private readonly Journal journal;

        public FakeTransport(Journal journal) => this.journal = journal;

        public List<(string ClientId, string UserName, string Password, int KeepAlive, string Topic)> Connects { get; } = new();
        public List<(string Topic, byte[] Payload)> Published { get; } = new();
        public bool Online { get; set; }
        public bool Record { get; set; } = true;
        public int Aborts { get; private set; }
        public int Pings { get; private set; }
        public int Disconnects { get; private set; }
        public int PublishCount { get; private set; }

        public void BeginConnect(string clientId, string userName, string password, int keepAliveSeconds, string subscribeTopic)
        {
            Connects.Add((clientId, userName, password, keepAliveSeconds, subscribeTopic));
            journal.Add("mqtt connect");
        }

        public void AbortConnect()
        {
            Aborts++;
            journal.Add("mqtt abort");
        }

        public void SendPing()
        {
            Pings++;
            journal.Add("mqtt ping");
        }

        public void Disconnect()
        {
            Disconnects++;
            Online = false;
            journal.Add("mqtt disconnect");
        }

        public bool Publish(string topic, byte[] payload, int offset, int count)
        {
            PublishCount++;
            if (Record) Published.Add((topic, payload.AsSpan(offset, count).ToArray()));
            return Online;
        }
    }
}
