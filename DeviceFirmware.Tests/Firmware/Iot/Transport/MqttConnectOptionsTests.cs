using System;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.Iot.Transport;
using MQTTnet;
using MQTTnet.Formatter;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Transport
{
    /// <summary>The CONNECT the firmware and the App client share (<see cref="MqttConnectOptions"/>).</summary>
    public class MqttConnectOptionsTests
    {
        [Theory]
        [InlineData(MqttVersion.V3_1, MqttProtocolVersion.V310)]
        [InlineData(MqttVersion.V3_1_1, MqttProtocolVersion.V311)]
        public void Plain_connect_has_a_clean_session_the_version_the_credentials_and_the_timers(MqttVersion version, MqttProtocolVersion expected)
        {
            MqttClientOptions options = MqttConnectOptions.Build("broker.test", 1884, version, "usrAbc", "2$app$uid", "token", 120, 5000, null);

            Assert.Equal(expected, options.ProtocolVersion);
            Assert.Equal("usrAbc", options.ClientId);
            Assert.Equal("2$app$uid", options.Credentials.GetUserName(options));
            Assert.Equal("token", Encoding.UTF8.GetString(options.Credentials.GetPassword(options)));
            Assert.True(options.CleanSession);
            Assert.Equal(TimeSpan.FromSeconds(120), options.KeepAlivePeriod);
            Assert.Equal(TimeSpan.FromMilliseconds(5000), options.Timeout);
            var tcp = Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions);
            var endpoint = Assert.IsType<DnsEndPoint>(tcp.RemoteEndpoint);
            Assert.Equal(("broker.test", 1884), (endpoint.Host, endpoint.Port));
            Assert.False(tcp.TlsOptions.UseTls);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Over_tls_the_host_name_is_the_target_and_the_callers_rule_judges_the_certificate(bool trusted)
        {
            SslPolicyErrors? asked = null;
            MqttClientOptions options = MqttConnectOptions.Build("broker.test", 8883, MqttVersions.Default, "dev1", "dev1", "passcode", 60, 3000, (_, errors) =>
            {
                asked = errors;
                return trusted;
            });

            var tcp = Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions);
            Assert.True(tcp.TlsOptions.UseTls);
            Assert.Equal("broker.test", tcp.TlsOptions.TargetHost);
            using var chain = new X509Chain();
            var args = new MqttClientCertificateValidationEventArgs(null, chain, SslPolicyErrors.RemoteCertificateChainErrors, tcp);
            Assert.Equal(trusted, tcp.TlsOptions.CertificateValidationHandler(args));
            Assert.Equal(SslPolicyErrors.RemoteCertificateChainErrors, asked);
        }
    }
}
