// Stand-in: package nanoFramework.System.Net 1.11.31 (assembly System.Net), signatures only.
// Only the certificate type that nanoFramework.M2Mqtt's MqttClient constructor takes (the firmware passes null:
// plain TCP to the M2M broker, docs/protocol.md §1). Type name and namespace as imported by
// github.com/nanoframework/nanoFramework.m2mqtt M2Mqtt/MqttClient.cs @ 0db5dc1a47bb0f6f9fb2e5844676eb0493e30c7e
// ("using System.Security.Cryptography.X509Certificates;"); no member of it is used.
namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate() { }
    }
}
