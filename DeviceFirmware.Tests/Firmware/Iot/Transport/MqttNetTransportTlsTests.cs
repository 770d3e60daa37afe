using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Core.Hosting;
using DeviceFirmware.Iot.Transport;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.Tests.MockCloud.M2m;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Transport
{
    /// <summary>The firmware's TLS: it connects to the mock cloud's TLS listener only when the certificate chains to the configured CA.</summary>
    public class MqttNetTransportTlsTests : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("fw-tls-").FullName;

        public void Dispose() => Directory.Delete(folder, true);

        private async Task<CoreEventKind> ConnectAsync(string? caFile)
        {
            string pem = Path.Combine(folder, "broker.pem");
            await using M2mTestCloud cloud = await M2mTestCloud.StartAsync(o =>
            {
                o.MqttsEndpoint = new IPEndPoint(IPAddress.Loopback, 0);
                o.CertificatePemPath = pem;
            });
            using var events = new QueuedTransportEvents();
            var connection = new MqttConnection("127.0.0.1", cloud.Broker.MqttsEndpoint!.Port, true, caFile == "broker" ? pem : caFile, 5000);
            await using var transport = new MqttNetTransport(connection, events, NullLogger<MqttNetTransport>.Instance);
            transport.BeginConnect(M2mTestCloud.D1, M2mTestCloud.D1, M2mTestCloud.Passcode1, 120, $"app2dev/{M2mTestCloud.D1}/#");
            return MqttNetTransportTests.Next(events, CoreEventKind.Connected, CoreEventKind.ConnectFailed).Kind;
        }

        [Fact]
        public async Task The_broker_certificate_from_the_configured_CA_is_accepted()
        {
            Assert.Equal(CoreEventKind.Connected, await ConnectAsync("broker"));
        }

        [Fact]
        public async Task A_certificate_from_another_CA_is_refused()
        {
            string other = Path.Combine(folder, "other.pem");
            using var otherCertificate = M2mCertificate.CreateSelfSigned();
            M2mCertificate.WritePem(otherCertificate, other);
            Assert.Equal(CoreEventKind.ConnectFailed, await ConnectAsync(other));
        }

        [Fact]
        public async Task Without_a_CA_a_self_signed_broker_is_not_trusted()
        {
            Assert.Equal(CoreEventKind.ConnectFailed, await ConnectAsync(null));
        }
    }
}
