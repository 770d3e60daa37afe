using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>A real MQTTnet client (MQTT 3.1.1, clean session) that records what it receives.</summary>
public sealed class TestClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<MqttApplicationMessage> received = new();
    private volatile bool disconnected;

    private TestClient(IMqttClient mqtt, string clientId)
    {
        Mqtt = mqtt;
        ClientId = clientId;
        mqtt.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        mqtt.DisconnectedAsync += _ =>
        {
            disconnected = true;
            return Task.CompletedTask;
        };
    }

    public IMqttClient Mqtt { get; }

    public string ClientId { get; }

    public bool WasDisconnected => disconnected;

    public MqttApplicationMessage[] Received => received.ToArray();

    /// <summary>Connects; returns the CONNACK result and the client when it succeeded.</summary>
    public static async Task<(MqttClientConnectResultCode Code, TestClient? Client)> TryConnectAsync(
        IPEndPoint server, string clientId, string userName, string password, Action<MqttClientOptionsBuilder>? configure = null)
    {
        IMqttClient mqtt = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(server.Address.ToString(), server.Port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(clientId)
            .WithCredentials(userName, password)
            .WithCleanSession()
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(120))
            .WithTimeout(TimeSpan.FromSeconds(10));
        configure?.Invoke(builder);
        try
        {
            MqttClientConnectResult result = await mqtt.ConnectAsync(builder.Build(), CancellationToken.None);
            if (result.ResultCode == MqttClientConnectResultCode.Success) return (result.ResultCode, new TestClient(mqtt, clientId));
            mqtt.Dispose();
            return (result.ResultCode, null);
        }
        catch
        {
            mqtt.Dispose();
            throw;
        }
    }

    public static async Task<TestClient> ConnectAsync(IPEndPoint server, string clientId, string userName, string password)
    {
        (MqttClientConnectResultCode code, TestClient? client) = await TryConnectAsync(server, clientId, userName, password);
        return client ?? throw new InvalidOperationException($"{clientId} was refused: {code}");
    }

    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string filter)
    {
        MqttClientSubscribeResult result = await Mqtt.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), CancellationToken.None);
        return result.Items.Single().ResultCode;
    }

    /// <summary>Publishes at QoS 1: when this returns, the broker has finished dispatching the message (its PUBACK follows the dispatch).</summary>
    public Task PublishAsync(string topic, byte[] payload, bool retain = false) =>
        Mqtt.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(retain)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            CancellationToken.None);

    public bool HasReceived(byte[] payload) => received.Any(m => m.Payload.ToArray().AsSpan().SequenceEqual(payload));

    public async Task<MqttApplicationMessage> WaitForAsync(Func<MqttApplicationMessage, bool> match, string what, TimeSpan? timeout = null)
    {
        MqttApplicationMessage? found = null;
        await Eventually.True(() => (found = received.FirstOrDefault(match)) != null, $"{ClientId} to receive {what}", timeout);
        return found!;
    }

    public Task<MqttApplicationMessage> WaitForAsync(byte[] payload, string what) =>
        WaitForAsync(m => m.Payload.ToArray().AsSpan().SequenceEqual(payload), what);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Mqtt.IsConnected) await Mqtt.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            // Already gone.
        }

        Mqtt.Dispose();
    }
}
