using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DeviceFirmware.Tests.MockCloud.M2m;
using DeviceFirmware.Tests.Support;
using MQTTnet;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.MockCloud.Cloud
{
    /// <summary>
    /// Issue 17, finding 3: on main, four unauthenticated connections whose CONNECT declared 268,435,455 bytes and then
    /// streamed data took the cloud from 173 MB to 1,182 MB. Here the real <c>gizctl cloud serve</c> process is attacked the
    /// same way (64 MB streamed per connection, 256 MB in all) and its resident high-water mark may grow by at most
    /// <see cref="BoundBytes"/>: the connections are closed at the CONNECT's fixed header, before any body is read.
    /// </summary>
    public sealed class OversizedPacketMemoryTests : IDisposable
    {
        /// <summary>The most the cloud's peak resident memory may grow under the attack (the attack streams 256 MB).</summary>
        private const long BoundBytes = 48L * 1024 * 1024;

        private readonly string folder = Path.Combine(Path.GetTempPath(), "oversized-" + Guid.NewGuid().ToString("N"));
        private readonly ITestOutputHelper output;

        public OversizedPacketMemoryTests(ITestOutputHelper output)
        {
            this.output = output;
            Directory.CreateDirectory(folder);
        }

        [Fact]
        public async Task Four_connects_declaring_256_MB_leave_the_clouds_memory_bounded_and_the_cloud_serving()
        {
            if (!ProcessMemory.Available) return;
            using MockCloudProcess cloud = MockCloudProcess.Start(Path.Combine(folder, "cloud.db"));
            var endpoint = new IPEndPoint(IPAddress.Loopback, cloud.MqttPort);
            int pid = cloud.Process.Pid;
            long before = ProcessMemory.ResidentBytes(pid);

            TcpClient[] attackers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RawMqtt.OpenAsync(endpoint)));
            try
            {
                long[] streamed = await Task.WhenAll(attackers.Select(async tcp =>
                {
                    await tcp.GetStream().WriteAsync(RawMqtt.ConnectHeader(268_435_455));
                    return await RawMqtt.StreamZerosAsync(tcp, 64L * 1024 * 1024);
                }));
                foreach (TcpClient tcp in attackers) Assert.True(await RawMqtt.ServerClosesAsync(tcp), "an oversized CONNECT was kept open");
                Assert.All(streamed, n => Assert.True(n < 64L * 1024 * 1024, $"the cloud read {n} bytes of an oversized CONNECT"));
            }
            finally
            {
                foreach (TcpClient tcp in attackers) tcp.Dispose();
            }

            long growth = ProcessMemory.PeakResidentBytes(pid) - before;
            output.WriteLine($"cloud peak resident growth under 4 x 256 MB CONNECTs: {growth / (1024.0 * 1024):F1} MB");
            Assert.True(growth < BoundBytes, $"the cloud's peak resident memory grew by {growth / (1024 * 1024)} MB (bound {BoundBytes / (1024 * 1024)} MB)");

            // Still serving: an unknown device is answered with a CONNACK refusal, not a dead socket.
            (MqttClientConnectResultCode code, TestClient? none) = await TestClient.TryConnectAsync(endpoint, "didUnknownAAAAAAAAAAAA", "didUnknownAAAAAAAAAAAA", "PASSCODEAB");
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, code);
            Assert.Null(none);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }
}
