using System;
using System.IO;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DeviceFirmware.Iot.Transport;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Transport
{
    /// <summary>
    /// Issue 8 (TLS, device side), the rule alone without sockets: with a configured CA only a certificate that chains
    /// to it, is in its validity period and names the host is trusted (the socket cases are in MqttNetTransportTlsTests).
    /// </summary>
    public sealed class BrokerCertificateCheckTests : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("broker-ca-").FullName;
        private readonly X509Certificate2 ca = CreateCa("CN=Test M2M CA");
        private readonly X509Certificate2 otherCa = CreateCa("CN=Another CA");

        public void Dispose()
        {
            ca.Dispose();
            otherCa.Dispose();
            Directory.Delete(folder, true);
        }

        [Fact]
        public void A_leaf_from_the_configured_ca_is_trusted_although_the_system_does_not_know_the_ca()
        {
            using X509Certificate2 leaf = Issue(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            Assert.True(Check().IsTrusted(leaf, SslPolicyErrors.RemoteCertificateChainErrors));
        }

        [Fact]
        public void A_leaf_from_the_configured_ca_for_another_host_name_is_refused()
        {
            using X509Certificate2 leaf = Issue(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            Assert.False(Check().IsTrusted(leaf, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));
        }

        [Fact]
        public void A_leaf_from_another_ca_is_refused()
        {
            using X509Certificate2 leaf = Issue(otherCa, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            Assert.False(Check().IsTrusted(leaf, SslPolicyErrors.RemoteCertificateChainErrors));
        }

        [Fact]
        public void An_expired_leaf_from_the_configured_ca_is_refused()
        {
            using X509Certificate2 leaf = Issue(ca, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));
            Assert.False(Check().IsTrusted(leaf, SslPolicyErrors.RemoteCertificateChainErrors));
        }

        [Fact]
        public void No_certificate_is_refused_with_or_without_a_configured_ca()
        {
            Assert.False(Check().IsTrusted(null, SslPolicyErrors.RemoteCertificateNotAvailable));
            Assert.False(new BrokerCertificateCheck(null).IsTrusted(null, SslPolicyErrors.RemoteCertificateNotAvailable));
        }

        [Fact]
        public void Without_a_configured_ca_only_a_certificate_the_system_trusts_is_accepted()
        {
            using X509Certificate2 leaf = Issue(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            var system = new BrokerCertificateCheck(null);
            Assert.False(system.IsTrusted(leaf, SslPolicyErrors.RemoteCertificateChainErrors));
            Assert.True(system.IsTrusted(leaf, SslPolicyErrors.None));
        }

        private BrokerCertificateCheck Check()
        {
            string path = Path.Combine(folder, "ca.pem");
            File.WriteAllText(path, ca.ExportCertificatePem());
            return new BrokerCertificateCheck(path);
        }

        private static X509Certificate2 CreateCa(string subject)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(365));
        }

        private static X509Certificate2 Issue(X509Certificate2 issuer, DateTimeOffset from, DateTimeOffset until)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            byte[] serial = new byte[8];
            RandomNumberGenerator.Fill(serial);
            return request.Create(issuer, from, until, serial);
        }
    }
}
