using System;
using System.Buffers;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;

namespace DeviceFirmware.Benchmarks.EndToEnd
{
    /// <summary>
    /// The baseline: a bare MQTTnet client logged in as a device, republishing every app2dev payload unchanged on
    /// dev2app/&lt;DID&gt;/&lt;AppClientId&gt; — the same path through the broker as the firmware's reply, with no firmware.
    /// </summary>
    internal sealed class EchoDevice : IAsyncDisposable
    {
        /// <summary>
        /// <c>echo-device PORT DID PASSCODE</c>: runs the echo device in a process of its own until stdin closes, so that
        /// it crosses a process boundary exactly as the firmware does and the ratio measures the firmware, not the boundary.
        /// </summary>
        public static async Task<int> RunAsync(string port, string did, string passcode)
        {
            await using EchoDevice device = await ConnectAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), did, passcode);
            Console.WriteLine("echo device connected");
            await Console.In.ReadToEndAsync().ConfigureAwait(false);
            return 0;
        }

        private readonly IMqttClient client;

        private EchoDevice(IMqttClient client) => this.client = client;

        public static async Task<EchoDevice> ConnectAsync(int port, string did, string passcode)
        {
            IMqttClient client = new MqttClientFactory().CreateMqttClient();
            client.ApplicationMessageReceivedAsync += async e =>
            {
                string topic = e.ApplicationMessage.Topic;
                string reply = "dev2app/" + topic["app2dev/".Length..];
                await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(reply).WithPayload(e.ApplicationMessage.Payload.ToArray())
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build()).ConfigureAwait(false);
            };
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(did).WithCredentials(did, passcode)
                .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311).WithKeepAlivePeriod(TimeSpan.FromSeconds(120)).Build());
            await client.SubscribeAsync($"app2dev/{did}/#");
            return new EchoDevice(client);
        }

        public async ValueTask DisposeAsync()
        {
            await client.DisconnectAsync().ConfigureAwait(false);
            client.Dispose();
        }
    }
}
