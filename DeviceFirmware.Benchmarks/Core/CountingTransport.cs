using DeviceFirmware.Core.Messaging;

namespace DeviceFirmware.Benchmarks.Core
{
    /// <summary>A connected transport that only counts: the benchmark measures the device, not a network.</summary>
    internal sealed class CountingTransport : IMqttTransport
    {
        public int Published { get; private set; }

        public void BeginConnect(string clientId, string userName, string password, int keepAliveSeconds, string subscribeTopic)
        {
        }

        public void AbortConnect()
        {
        }

        public void SendPing()
        {
        }

        public void Disconnect()
        {
        }

        public bool Publish(string topic, byte[] payload, int offset, int count)
        {
            Published++;
            return true;
        }
    }
}
