using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Core.Hosting;
using DeviceFirmware.Iot.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Transport
{
    public class MqttNetTransportTests
    {
        private const string Did = "devTransport1";
        private const string Passcode = "PASSCODEAB";

        private static MqttNetTransport Transport(int port, QueuedTransportEvents events) =>
            new(new MqttConnection("127.0.0.1", port, false, null, 5000), events, NullLogger<MqttNetTransport>.Instance);

        /// <summary>The first event of one of <paramref name="kinds"/> (others, e.g. logs, are skipped).</summary>
        internal static TransportEvent Next(QueuedTransportEvents events, params CoreEventKind[] kinds)
        {
            // Waits for the first event of that kind (others, e.g. logs, are skipped); 10 s is a failure, not a measurement.
            DateTime give = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < give)
            {
                TransportEvent? e = events.Take(200);
                if (e is not null && Array.IndexOf(kinds, e.Kind) >= 0) return e;
            }

            throw new Xunit.Sdk.XunitException($"no {string.Join(" or ", kinds)} event within 10 s");
        }

        private static async Task<IMqttClient> AppAsync(int port, ConcurrentQueue<MqttApplicationMessage> received, string filter)
        {
            IMqttClient app = new MqttClientFactory().CreateMqttClient();
            app.ApplicationMessageReceivedAsync += e =>
            {
                received.Enqueue(e.ApplicationMessage);
                return Task.CompletedTask;
            };
            await app.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("usrApp1").WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311).Build());
            await app.SubscribeAsync(filter);
            return app;
        }

        [Fact]
        public async Task Connects_subscribes_receives_publishes_and_pings()
        {
            await using TestBroker broker = await TestBroker.StartAsync(Did, Passcode);
            using var events = new QueuedTransportEvents();
            await using MqttNetTransport transport = Transport(broker.Port, events);
            Assert.False(transport.Publish("dev2app/" + Did, new byte[] { 1 }, 0, 1));

            transport.BeginConnect(Did, Did, Passcode, 120, "app2dev/" + Did + "/#");
            Next(events, CoreEventKind.Connected);

            var received = new ConcurrentQueue<MqttApplicationMessage>();
            using IMqttClient app = await AppAsync(broker.Port, received, "dev2app/" + Did + "/#");
            await app.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("app2dev/" + Did + "/usrApp1").WithPayload(new byte[] { 0, 0, 0, 3 }).Build());
            TransportEvent message = Next(events, CoreEventKind.Message);
            Assert.Equal("app2dev/" + Did + "/usrApp1", message.Topic);
            Assert.Equal(new byte[] { 0, 0, 0, 3 }, message.Payload);
            Assert.False(message.Retained);

            byte[] buffer = { 9, 1, 2, 3, 9 };
            Assert.True(transport.Publish("dev2app/" + Did + "/usrApp1", buffer, 1, 3));
            buffer[1] = 0xFF; // the transport must have copied the bytes before returning
            await WaitUntil(() => !received.IsEmpty);
            Assert.True(received.TryDequeue(out MqttApplicationMessage? reply));
            Assert.Equal(new byte[] { 1, 2, 3 }, reply!.Payload.ToArray());

            transport.SendPing();
            Next(events, CoreEventKind.PingResponse);
        }

        [Fact]
        public async Task Each_received_payload_is_an_array_of_its_own_that_MQTTnet_does_not_touch_again()
        {
            // The transport hands MQTTnet's payload array to the core uncopied and says it is not reused (so a queued
            // message is not copied again): true of MQTTnet 5.2.0, checked here against the real client.
            await using TestBroker broker = await TestBroker.StartAsync(Did, Passcode);
            using var events = new QueuedTransportEvents();
            await using MqttNetTransport transport = Transport(broker.Port, events);
            transport.BeginConnect(Did, Did, Passcode, 120, "app2dev/" + Did + "/#");
            Next(events, CoreEventKind.Connected);

            using IMqttClient app = await AppAsync(broker.Port, new ConcurrentQueue<MqttApplicationMessage>(), "dev2app/" + Did + "/#");
            byte[] first = { 0, 0, 0, 3, 1, 2, 3, 4 };
            byte[] second = { 0, 0, 0, 3, 9, 9, 9, 9, 9, 9 };
            await app.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("app2dev/" + Did + "/usrApp1").WithPayload(first).Build());
            TransportEvent one = Next(events, CoreEventKind.Message);
            await app.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("app2dev/" + Did + "/usrApp1").WithPayload(second).Build());
            TransportEvent two = Next(events, CoreEventKind.Message);

            Assert.False(one.PayloadReused);
            Assert.NotSame(one.Handed.Array, two.Handed.Array);
            Assert.Equal(first, one.Handed.ToArray()); // still the first payload after the second arrived
            Assert.Equal(second, two.Handed.ToArray());
        }

        [Fact]
        public async Task Publishes_keep_their_order()
        {
            await using TestBroker broker = await TestBroker.StartAsync(Did, Passcode);
            using var events = new QueuedTransportEvents();
            await using MqttNetTransport transport = Transport(broker.Port, events);
            var received = new ConcurrentQueue<MqttApplicationMessage>();
            using IMqttClient app = await AppAsync(broker.Port, received, "dev2app/" + Did);
            transport.BeginConnect(Did, Did, Passcode, 120, "app2dev/" + Did + "/#");
            Next(events, CoreEventKind.Connected);
            for (int i = 0; i < 100; i++) Assert.True(transport.Publish("dev2app/" + Did, new[] { (byte)i }, 0, 1));
            await WaitUntil(() => received.Count == 100);
            int expected = 0;
            foreach (MqttApplicationMessage m in received) Assert.Equal(expected++, m.Payload.FirstSpan[0]);
        }

        [Fact]
        public async Task Refused_credentials_and_no_broker_are_connect_failures()
        {
            await using TestBroker broker = await TestBroker.StartAsync(Did, Passcode);
            using var events = new QueuedTransportEvents();
            await using MqttNetTransport transport = Transport(broker.Port, events);
            transport.BeginConnect(Did, Did, "WRONG", 120, "app2dev/" + Did + "/#");
            Next(events, CoreEventKind.ConnectFailed);

            await using MqttNetTransport nowhere = Transport(TestBroker.FreePort(), events);
            nowhere.BeginConnect(Did, Did, Passcode, 120, "app2dev/" + Did + "/#");
            Next(events, CoreEventKind.ConnectFailed);
        }

        [Fact]
        public async Task A_broker_that_goes_away_is_a_connection_loss_and_a_new_attempt_connects_again()
        {
            int port = TestBroker.FreePort();
            using var events = new QueuedTransportEvents();
            await using MqttNetTransport transport = Transport(port, events);
            await using (TestBroker broker = await TestBroker.StartAsync(Did, Passcode, port))
            {
                transport.BeginConnect(Did, Did, Passcode, 120, "app2dev/" + Did + "/#");
                Next(events, CoreEventKind.Connected);
            }

            Next(events, CoreEventKind.ConnectionLost);
            Assert.False(transport.Publish("dev2app/" + Did, new byte[] { 1 }, 0, 1));

            await using TestBroker again = await TestBroker.StartAsync(Did, Passcode, port);
            transport.BeginConnect(Did, Did, Passcode, 120, "app2dev/" + Did + "/#");
            Next(events, CoreEventKind.Connected);
        }

        [Fact]
        public async Task A_disconnect_we_asked_for_is_not_reported_as_a_loss()
        {
            await using TestBroker broker = await TestBroker.StartAsync(Did, Passcode);
            using var events = new QueuedTransportEvents();
            await using MqttNetTransport transport = Transport(broker.Port, events);
            transport.BeginConnect(Did, Did, Passcode, 120, "app2dev/" + Did + "/#");
            Next(events, CoreEventKind.Connected);
            transport.Disconnect();
            await WaitUntil(async () => (await broker.Server.GetClientsAsync()).Count == 0);

            // A marker proves the events were drained up to after the disconnect: nothing but the marker is in it.
            events.Mark("marker");
            Assert.Equal("marker", events.Take(1000)!.Topic);
            Assert.Null(events.Take(0));
        }

        private static async Task WaitUntil(Func<bool> condition) => await WaitUntil(() => Task.FromResult(condition()));

        private static async Task WaitUntil(Func<Task<bool>> condition)
        {
            DateTime give = DateTime.UtcNow.AddSeconds(10);
            while (!await condition())
            {
                if (DateTime.UtcNow > give) throw new Xunit.Sdk.XunitException("condition not met within 10 s");
                await Task.Delay(20);
            }
        }
    }
}
