#nullable enable
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace DeviceFirmware.Iot.Transport;

/// <summary>
/// Validates the broker's TLS certificate: against the system's trust store, or, with a configured CA, against that CA
/// alone (a certificate from any other CA is refused even if the system trusts it). The host name must always match.
/// </summary>
public sealed class BrokerCertificateCheck
{
    private readonly X509Certificate2? ca;

    /// <summary>Creates the check; <paramref name="caFile"/> null = system trust.</summary>
    public BrokerCertificateCheck(string? caFile)
    {
        ca = caFile is null ? null : X509CertificateLoader.LoadCertificateFromFile(caFile);
    }

    /// <summary>True when the certificate is acceptable.</summary>
    public bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0) return false;
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) return false;
        if (ca is null) return errors == SslPolicyErrors.None;

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
