#nullable enable
using System;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using DeviceFirmware.Core.Messaging;
using MQTTnet;

namespace DeviceFirmware.Iot.Transport;

/// <summary>
/// The CONNECT every MQTT session of this project sends, the firmware's and an App's alike: the chosen MQTT version
/// (3.1 <c>MQIsdp</c> by default, as Gizwits' GAgent), a clean session (neither side wants the broker to keep
/// anything across connections, docs/protocol.md §1), the keep-alive and connect timeout the session supervisor works
/// with, and over TLS the host name checked and the broker's certificate judged by the caller's rule. Kept in one place
/// so the two sessions cannot drift apart in what they ask of M2M.
/// </summary>
public static class MqttConnectOptions
{
    /// <summary>Builds MQTTnet's client options for one connect attempt.</summary>
    /// <param name="host">Broker host (also the TLS target host).</param>
    /// <param name="port">Broker port.</param>
    /// <param name="version">The MQTT version of CONNECT.</param>
    /// <param name="clientId">The client id (a DID or an AppClientId).</param>
    /// <param name="userName">The user name.</param>
    /// <param name="password">The password (passcode or token).</param>
    /// <param name="keepAliveSeconds">The keep-alive announced in CONNECT.</param>
    /// <param name="timeoutMs">How long MQTTnet waits for the CONNACK (and other answers).</param>
    /// <param name="trust">Over TLS: whether the broker's certificate is acceptable; null = plain TCP.</param>
    public static MqttClientOptions Build(
        string host,
        int port,
        MqttVersion version,
        string clientId,
        string userName,
        string password,
        int keepAliveSeconds,
        int timeoutMs,
        Func<X509Certificate?, SslPolicyErrors, bool>? trust)
    {
        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttConnection.ToMqttNet(version))
            .WithClientId(clientId)
            .WithCredentials(userName, password)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(keepAliveSeconds))
            .WithTimeout(TimeSpan.FromMilliseconds(timeoutMs));
        if (trust is not null)
        {
            builder = builder.WithTlsOptions(tls => tls
                .UseTls()
                .WithTargetHost(host)
                .WithCertificateValidationHandler(args => trust(args.Certificate, args.SslPolicyErrors)));
        }

        return builder.Build();
    }
}
