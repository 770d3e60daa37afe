using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.GService
{
    public class GServiceHostTests
    {
        [Fact]
        public async Task Port_zero_binds_a_free_loopback_port_and_reports_it()
        {
            await using TestCloud a = await TestCloud.StartAsync();
            await using TestCloud b = await TestCloud.StartAsync();
            Assert.NotEqual(0, a.Host.Port);
            Assert.NotEqual(a.Host.Port, b.Host.Port);
            Assert.Equal("127.0.0.1", a.Host.BaseAddress.Host);
            Assert.Equal(a.Host.Port, a.Host.BaseAddress.Port);
            (await a.GetAsync("/dev/devices/none")).AssertError(404, 9014);
        }

        [Fact]
        public async Task After_dispose_the_port_no_longer_answers()
        {
            TestCloud cloud = await TestCloud.StartAsync();
            int port = cloud.Host.Port;
            await cloud.DisposeAsync();
            await cloud.DisposeAsync();
            using var client = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        }

        [Fact]
        public async Task An_unknown_path_is_404_and_a_wrong_method_is_not_served()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            Assert.Equal(HttpStatusCode.NotFound, (await cloud.GetAsync("/app/nothing")).Status);
            HttpStatusCode status = (await cloud.SendJsonAsync(HttpMethod.Put, "/app/users", "{}")).Status;
            Assert.True(status is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, status.ToString());
        }
    }
}
