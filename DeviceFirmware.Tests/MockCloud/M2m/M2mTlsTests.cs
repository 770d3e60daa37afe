using System;
using System.IO;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.Protocol.Identity;
using Microsoft.Extensions.Logging;
using MQTTnet;
using Xunit;
using static DeviceFirmware.Tests.MockCloud.M2m.M2mTestCloud;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>The TLS listener with a certificate made at start-up (docs/protocol.md §1: TLS 8883).</summary>
public sealed class M2mTlsTests : IDisposable
{
    private readonly string pemPath = Path.Combine(Path.GetTempPath(), $"m2m-{Guid.NewGuid():N}.pem");

    private Task<M2mTestCloud> StartTlsAsync() => M2mTestCloud.StartAsync(o =>
    {
        o.MqttsEndpoint = new IPEndPoint(IPAddress.Loopback, 0);
        o.CertificatePemPath = pemPath;
    });

    [Fact]
    public async Task Client_trusting_the_generated_certificate_connects_over_TLS()
    {
        await using M2mTestCloud cloud = await StartTlsAsync();
        X509Certificate2 trusted = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(pemPath));
        Assert.Equal(cloud.Broker.Certificate!.RawData, trusted.RawData);
        Assert.NotEqual(cloud.Endpoint.Port, cloud.Broker.MqttsEndpoint!.Port);

        var (code, client) = await TestClient.TryConnectAsync(cloud.Broker.MqttsEndpoint, A, AppUserName.Build(AppId, Uid1), Token1, b => b.WithTlsOptions(t => t
            .UseTls()
            .WithTargetHost("localhost")
            .WithCertificateValidationHandler(e => M2mCertificate.IsTrusted(trusted, e.Certificate, e.SslPolicyErrors))));
        await using TestClient? _ = client;
        Assert.Equal(MqttClientConnectResultCode.Success, code);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await client!.SubscribeAsync($"dev2app/{D1}"));
    }

    [Fact]
    public async Task Client_not_trusting_the_certificate_is_refused_and_the_server_logs_no_error()
    {
        await using M2mTestCloud cloud = await StartTlsAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => TestClient.TryConnectAsync(
            cloud.Broker.MqttsEndpoint!, A, AppUserName.Build(AppId, Uid1), Token1, b => b.WithTlsOptions(t => t.UseTls().WithTargetHost("localhost"))));

        // The App is not connected; the handshake failure is the client's doing, so it is no server Error.
        await using TestClient witness = await cloud.AppAsync(B);
        Assert.DoesNotContain(cloud.Log.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(cloud.Log.Entries, e => e.Text.Contains($"connect accepted: client id {A}", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_certificate_is_for_localhost_and_127_0_0_1_with_its_private_key()
    {
        using X509Certificate2 certificate = M2mCertificate.CreateSelfSigned();
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal("CN=localhost", certificate.Subject);
        Assert.True(certificate.MatchesHostname("localhost"));
        Assert.True(certificate.MatchesHostname("127.0.0.1"));
        using X509Certificate2 other = M2mCertificate.CreateSelfSigned();
        Assert.True(M2mCertificate.IsTrusted(certificate, certificate, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(M2mCertificate.IsTrusted(certificate, other, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(M2mCertificate.IsTrusted(certificate, certificate, System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    public void Dispose() => File.Delete(pemPath);
}
