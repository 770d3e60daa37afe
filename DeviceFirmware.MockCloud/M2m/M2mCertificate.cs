using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>The mock cloud's TLS certificate: made at start-up, written as PEM, and trusted by pinning.</summary>
public static class M2mCertificate
{
    /// <summary>
    /// A self-signed server certificate for <c>CN=localhost</c> with SAN <c>localhost</c>, 127.0.0.1 and ::1,
    /// valid from a day ago for a year, with its (ECDSA P-256) private key.
    /// </summary>
    public static X509Certificate2 CreateSelfSigned()
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using X509Certificate2 ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        // A round trip through PKCS#12 gives a key that SslStream can use on every platform (an ephemeral key cannot on Windows).
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Writes the public part of <paramref name="certificate"/> as PEM (never the private key).</summary>
    public static void WritePem(X509Certificate2 certificate, string path)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
    }

    /// <summary>
    /// A TLS validation rule that trusts exactly <paramref name="trusted"/>: a server certificate passes when the
    /// platform trusts it, or when it is byte-for-byte <paramref name="trusted"/> and its name matched (only the
    /// chain is then allowed to be untrusted).
    /// </summary>
    public static bool IsTrusted(X509Certificate2 trusted, X509Certificate? presented, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        if (errors == SslPolicyErrors.None) return true;
        if (presented == null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
        return presented.GetRawCertData().AsSpan().SequenceEqual(trusted.RawData);
    }
}
