// Stand-in: package nanoFramework.System.Net 1.11.54 (assembly System.Net), signatures only.
// Read at tag v1.11.54 of github.com/nanoframework/System.Net (commit 713b02c9fea5265e4e70981a9115daa3b5745c4c):
//   nanoFramework.System.Net/X509Certificates/X509Certificate.cs: the type nanoFramework.M2Mqtt's MqttClient
//   constructor takes (the firmware passes null: plain TCP to the M2M broker, docs/protocol.md §1) and its three
//   public constructors. Native version 100.2.0.12 (Properties/AssemblyInfo.cs).
namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate() => throw null;

        public X509Certificate(byte[] certificate) => throw null;

        public X509Certificate(string certificate) => throw null;
    }
}
