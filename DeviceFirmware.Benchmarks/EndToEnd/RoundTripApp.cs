using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Protocol.Frames;
using MQTTnet;
using MQTTnet.Protocol;

namespace DeviceFirmware.Benchmarks.EndToEnd
{
    /// <summary>
    /// The App side of both measurements, the same code for each: publishes a 0x0093 on app2dev/&lt;DID&gt;/&lt;own&gt; and
    /// waits for the frame with the same sn on dev2app/&lt;DID&gt;/&lt;own&gt; (an echo of it, or the firmware's 0x0094).
    /// </summary>
    internal sealed class RoundTripApp : IAsyncDisposable
    {
        private readonly IMqttClient client;
        private readonly ConcurrentDictionary<uint, TaskCompletionSource<bool>> pending = new();
        private readonly string clientId;
        private TaskCompletionSource<bool>? broadcast;

        private RoundTripApp(IMqttClient client, string clientId)
        {
            this.client = client;
            this.clientId = clientId;
            client.ApplicationMessageReceivedAsync += e =>
            {
                byte[] payload = e.ApplicationMessage.Payload.ToArray();
                var reader = new FrameReader();
                if (e.ApplicationMessage.Topic.Count(c => c == '/') == 1)
                {
                    // dev2app/<DID> (only subscribed by SubscribeBroadcastsAsync): the firmware's status broadcast is a
                    // 0x0091; the cloud's 0x0092 online/offline notices share the topic and are not it.
                    if (reader.Decode(payload, 0, payload.Length) == FrameError.None && reader.Command == GizwitsCommand.BusinessReply) broadcast?.TrySetResult(true);
                    return Task.CompletedTask;
                }

                if (reader.Decode(payload, 0, payload.Length) == FrameError.None && pending.TryRemove(reader.Sn, out TaskCompletionSource<bool>? done)) done.TrySetResult(true);
                return Task.CompletedTask;
            };
        }

        public static async Task<RoundTripApp> ConnectAsync(int port, string appId, string uid, string token, params string[] dids)
        {
            const string ClientId = "usrBenchApp1";
            IMqttClient client = new MqttClientFactory().CreateMqttClient();
            var app = new RoundTripApp(client, ClientId);
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(ClientId)
                .WithCredentials($"2${appId}${uid}", token).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311).WithKeepAlivePeriod(TimeSpan.FromSeconds(120)).Build());
            foreach (string did in dids)
            {
                MqttClientSubscribeResult result = await client.SubscribeAsync($"dev2app/{did}/{ClientId}");
                if (!GrantedAll(result)) throw new InvalidOperationException("subscription refused for " + did);
            }

            return app;
        }

        /// <summary>Also receives the status broadcasts of <paramref name="did"/> (<c>dev2app/&lt;DID&gt;</c>).</summary>
        public async Task SubscribeBroadcastsAsync(string did)
        {
            MqttClientSubscribeResult result = await client.SubscribeAsync($"dev2app/{did}").ConfigureAwait(false);
            if (!GrantedAll(result)) throw new InvalidOperationException("broadcast subscription refused for " + did);
        }

        /// <summary>Completes at the next status broadcast received after this call.</summary>
        public Task NextBroadcast()
        {
            var next = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            broadcast = next;
            return next.Task;
        }

        /// <summary>One round trip in microseconds, or -1 when nothing came back within <paramref name="timeout"/> (a lost reply).</summary>
        public async Task<double> RoundTripAsync(string did, byte[] frame, uint sn, TimeSpan timeout)
        {
            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[sn] = done;
            var message = new MqttApplicationMessageBuilder().WithTopic($"app2dev/{did}/{clientId}").WithPayload(frame).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build();
            long start = Stopwatch.GetTimestamp();
            await client.PublishAsync(message).ConfigureAwait(false);
            Task finished = await Task.WhenAny(done.Task, Task.Delay(timeout)).ConfigureAwait(false);
            long end = Stopwatch.GetTimestamp();
            if (finished != done.Task)
            {
                pending.TryRemove(sn, out _);
                return -1;
            }

            return (end - start) * 1_000_000.0 / Stopwatch.Frequency;
        }

        public async ValueTask DisposeAsync()
        {
            await client.DisconnectAsync().ConfigureAwait(false);
            client.Dispose();
        }

        private static bool GrantedAll(MqttClientSubscribeResult result)
        {
            foreach (MqttClientSubscribeResultItem item in result.Items)
            {
                if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2) return false;
            }

            return true;
        }
    }
}
