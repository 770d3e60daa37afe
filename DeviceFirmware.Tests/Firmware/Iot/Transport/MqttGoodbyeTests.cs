using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using DeviceFirmware.Iot.Transport;
using MQTTnet;
using MQTTnet.Server;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Transport
{
    /// <summary>How a retired client leaves (<see cref="MqttGoodbye"/>): DISCONNECT when connected, then always disposed.</summary>
    public class MqttGoodbyeTests
    {
        [Fact]
        public async Task A_connected_client_says_DISCONNECT_and_is_disposed()
        {
            await using TestBroker broker = await TestBroker.StartAsync("dev", "passcode");
            var gone = new TaskCompletionSource<MqttClientDisconnectType>(TaskCreationOptions.RunContinuationsAsynchronously);
            broker.Server.ClientDisconnectedAsync += e =>
            {
                gone.TrySetResult(e.DisconnectType);
                return Task.CompletedTask;
            };
            IMqttClient client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId("usrGoodbye").Build());
            var failures = new ConcurrentQueue<Exception>();

            await MqttGoodbye.CloseAsync(client, 5000, failures.Enqueue);

            Assert.Equal(MqttClientDisconnectType.Clean, await gone.Task.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Empty(failures);
            Assert.False(client.IsConnected);
            await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).Build()));
        }

        [Fact]
        public async Task A_client_that_never_connected_is_only_disposed()
        {
            IMqttClient client = new MqttClientFactory().CreateMqttClient();
            var failures = new ConcurrentQueue<Exception>();

            await MqttGoodbye.CloseAsync(client, 5000, failures.Enqueue);

            Assert.Empty(failures);
            await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", TestBroker.FreePort()).Build()));
        }
    }
}
