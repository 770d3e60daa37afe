using DeviceFirmware.Core.Hosting;
using DeviceFirmware.Nano.Transport;
using DeviceFirmware.NanoHostTests.Fakes;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using Xunit;

namespace DeviceFirmware.NanoHostTests.Transport
{
    /// <summary>M2MqttTransport against the nanoFramework.M2Mqtt 5.1.218 double (Fakes/M2Mqtt.cs) and its broker.</summary>
    public class M2MqttTransportTests
    {
        private const string Did = "did-under-test";
        private readonly FakeBroker broker = new FakeBroker();
        private readonly QueuedEvents inbox = new QueuedEvents(8);

        public M2MqttTransportTests()
        {
            FakeBroker.Current = broker;
        }

        [Fact]
        public void A_hundred_refused_connects_leave_no_client_open()
        {
            broker.ConnackCode = MqttReasonCode.ConnectionRefusedBadUserNameOrPassword;
            var transport = new M2MqttTransport("broker", 1883, inbox, false);

            for (int i = 0; i < 100; i++)
            {
                transport.BeginConnect(Did, Did, "wrong-passcode", 120, "app2dev/" + Did + "/#");
                Assert.True(InboxWaits.Next(inbox, CoreEventKind.ConnectFailed, out CoreEventKind seen), "attempt " + i + " reported " + seen);
            }

            Assert.Equal(100, broker.Connects);
            Assert.Equal(100, broker.Clients.Length);
            Assert.True(InboxWaits.Until(() => broker.OpenClients == 0), broker.OpenClients + " of 100 refused clients still hold a socket and a receive thread");
        }

        [Fact]
        public void An_attempt_aborted_or_disconnected_is_closed_too()
        {
            var transport = new M2MqttTransport("broker", 1883, inbox, false);
            transport.BeginConnect(Did, Did, "passcode", 120, "app2dev/" + Did + "/#");
            Assert.True(InboxWaits.Next(inbox, CoreEventKind.Connected, out _));

            transport.Disconnect();

            Assert.True(InboxWaits.Until(() => broker.OpenClients == 0));
            Assert.Equal(1, broker.Disconnects);
        }

        [Fact]
        public void Connect_speaks_MQTT_3_1_by_default()
        {
            var transport = new M2MqttTransport("broker", 1883, inbox, false);
            transport.BeginConnect(Did, Did, "passcode", 120, "app2dev/" + Did + "/#");

            Assert.True(InboxWaits.Next(inbox, CoreEventKind.Connected, out _));
            Assert.Equal(MqttProtocolVersion.Version_3_1, broker.LastProtocolVersion);
            Assert.Equal(MqttProtocolVersion.Version_3_1, transport.ProtocolVersion);
        }

        [Fact]
        public void Connect_speaks_MQTT_3_1_1_when_compiled_in()
        {
            var transport = new M2MqttTransport("broker", 1883, inbox, true);
            transport.BeginConnect(Did, Did, "passcode", 120, "app2dev/" + Did + "/#");

            Assert.True(InboxWaits.Next(inbox, CoreEventKind.Connected, out _));
            Assert.Equal(MqttProtocolVersion.Version_3_1_1, broker.LastProtocolVersion);
        }

        [Fact]
        public void Every_ping_writes_a_pingreq_whatever_else_is_sent()
        {
            var transport = Connected();
            for (int ping = 1; ping <= 5; ping++)
            {
                // Status reports between pings: M2Mqtt's own keep-alive would never ping with these.
                for (int i = 0; i < 10; i++) Assert.True(transport.Publish("dev2app/" + Did, new byte[] { 0, 0, 0, 3 }, 0, 4));
                transport.SendPing();
                Assert.True(InboxWaits.Next(inbox, CoreEventKind.PingResponse, out CoreEventKind seen), "ping " + ping + ": " + seen);
                Assert.Equal(ping, broker.PingRequests);
            }

            Assert.Equal(50, broker.Publishes);
        }

        [Fact]
        public void An_unanswered_ping_posts_no_response_and_the_connection_is_lost()
        {
            var transport = Connected();
            broker.AnswerPings = false;

            transport.SendPing();

            Assert.True(InboxWaits.Next(inbox, CoreEventKind.ConnectionLost, out CoreEventKind seen), "got " + seen);
            Assert.Equal(1, broker.PingRequests);
            transport.SendPing();
            Assert.Equal(CoreEventKind.None, inbox.Take(200, out _, out _, out _));
        }

        [Fact]
        public void No_second_pingreq_is_written_while_one_is_outstanding()
        {
            var transport = Connected();
            broker.PingGate.Reset();

            transport.SendPing();
            Assert.True(InboxWaits.Until(() => broker.PingRequests == 1));
            transport.SendPing();
            transport.SendPing();
            broker.PingGate.Set();

            Assert.True(InboxWaits.Next(inbox, CoreEventKind.PingResponse, out CoreEventKind seen), "got " + seen);
            Assert.Equal(1, broker.PingRequests);
            Assert.Equal(CoreEventKind.None, inbox.Take(200, out _, out _, out _));
            transport.SendPing();
            Assert.True(InboxWaits.Next(inbox, CoreEventKind.PingResponse, out _));
            Assert.Equal(2, broker.PingRequests);
        }

        [Fact]
        public void A_pingresp_for_a_client_given_up_is_not_reported()
        {
            var transport = Connected();
            broker.PingGate.Reset();
            transport.SendPing();
            Assert.True(InboxWaits.Until(() => broker.PingRequests == 1));

            transport.Disconnect();
            broker.PingGate.Set();

            Assert.Equal(CoreEventKind.None, inbox.Take(500, out _, out _, out _));
        }

        [Fact]
        public void The_pinger_finds_M2Mqtts_private_ping()
        {
            Assert.True(M2MqttPinger.IsAvailable);
        }

        [Fact]
        public void A_publish_longer_than_the_limit_never_reaches_the_inbox()
        {
            var transport = Connected();
            MqttClient client = broker.Clients[0];

            client.DeliverForTests("app2dev/" + Did + "/usr1", new byte[M2MqttTransport.MaxInboundPayload + 1]);
            client.DeliverForTests("app2dev/" + Did + "/usr1", new byte[M2MqttTransport.MaxInboundPayload]);

            Assert.Equal(1, transport.DroppedOversized);
            Assert.Equal(CoreEventKind.Message, inbox.Take(1000, out string topic, out byte[] payload, out _));
            Assert.Equal("app2dev/" + Did + "/usr1", topic);
            Assert.Equal(M2MqttTransport.MaxInboundPayload, payload.Length);
            Assert.Equal(CoreEventKind.None, inbox.Take(0, out _, out _, out _));
        }

        private M2MqttTransport Connected()
        {
            var transport = new M2MqttTransport("broker", 1883, inbox, false);
            transport.BeginConnect(Did, Did, "passcode", 120, "app2dev/" + Did + "/#");
            Assert.True(InboxWaits.Next(inbox, CoreEventKind.Connected, out CoreEventKind seen), "connect: " + seen);
            return transport;
        }
    }
}
