using System;
using System.Net;
using System.Threading.Tasks;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace DeviceFirmware.Tests.Firmware.Iot.Transport
{
    /// <summary>A plain MQTTnet broker on 127.0.0.1 and a free port, accepting one device's credentials.</summary>
    internal sealed class TestBroker : IAsyncDisposable
    {
        private readonly MqttServer server;

        private TestBroker(MqttServer server, int port)
        {
            this.server = server;
            Port = port;
        }

        public int Port { get; }

        public MqttServer Server => server;

        public static int FreePort() => Support.FreePort.Next();

        public static async Task<TestBroker> StartAsync(string did, string passcode, int port = 0)
        {
            if (port == 0) port = FreePort();
            MqttServerOptions options = new MqttServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                .WithDefaultEndpointPort(port)
                .Build();
            MqttServer server = new MqttServerFactory().CreateMqttServer(options);
            server.ValidatingConnectionAsync += e =>
            {
                bool device = e.ClientId == did && e.UserName == did && e.Password == passcode;
                bool app = e.ClientId.StartsWith("usr", StringComparison.Ordinal);
                if (!device && !app) e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
                return Task.CompletedTask;
            };
            await server.StartAsync();
            return new TestBroker(server, port);
        }

        public async ValueTask DisposeAsync()
        {
            await server.StopAsync();
            server.Dispose();
        }
    }
}
