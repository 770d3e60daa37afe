using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Iot.Provisioning;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Provisioning
{
    public class GServiceDeviceClientTests
    {
        /// <summary>Answers every request with one canned response and remembers what was asked.</summary>
        internal sealed class CannedHandler : HttpMessageHandler
        {
            private readonly Func<HttpRequestMessage, HttpResponseMessage> answer;

            public CannedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) => this.answer = answer;

            public List<(HttpMethod Method, string Path, string Body)> Requests { get; } = new();

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
                Requests.Add((request.Method, request.RequestUri!.PathAndQuery, body));
                return answer(request);
            }
        }

        private static HttpResponseMessage Text(HttpStatusCode status, string text) => new(status) { Content = new StringContent(text) };

        [Fact]
        public async Task Register_posts_the_form_and_reads_the_did()
        {
            var handler = new CannedHandler(_ => Text(HttpStatusCode.Created, "did=NewDid123"));
            using var http = new HttpClient(handler);
            var client = new GServiceDeviceClient(http, new Uri("http://gservice.test"));
            string did = await client.RegisterAsync("pk1", "ABCDEFGHIJ", "a0b1c2d3e4f5", CancellationToken.None);
            Assert.Equal("NewDid123", did);
            var request = Assert.Single(handler.Requests);
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("/dev/devices", request.Path);
            Assert.Equal("product_key=pk1&passcode=ABCDEFGHIJ&mac=a0b1c2d3e4f5&type=normal", request.Body);
        }

        [Fact]
        public async Task Provision_reads_host_and_port()
        {
            var handler = new CannedHandler(_ => Text(HttpStatusCode.OK, "host=127.0.0.1&port=1884&server_ts=1700000000"));
            using var http = new HttpClient(handler);
            var client = new GServiceDeviceClient(http, new Uri("http://gservice.test"));
            (string host, int port) = await client.ProvisionAsync("dev 1", CancellationToken.None);
            Assert.Equal(("127.0.0.1", 1884), (host, port));
            Assert.Equal("/dev/devices/dev%201", Assert.Single(handler.Requests).Path);
        }

        [Theory]
        [InlineData(HttpStatusCode.BadRequest, "{\"error_code\":9015}", "HTTP 400")]
        [InlineData(HttpStatusCode.Created, "didnt=1", "without a valid did")]
        [InlineData(HttpStatusCode.Created, "did=a/b", "without a valid did")]
        public async Task Register_refusals_and_garbage_are_specific_errors(HttpStatusCode status, string body, string expected)
        {
            using var http = new HttpClient(new CannedHandler(_ => Text(status, body)));
            var client = new GServiceDeviceClient(http, new Uri("http://gservice.test"));
            var e = await Assert.ThrowsAsync<ProvisioningException>(() => client.RegisterAsync("pk", "P", "m", CancellationToken.None));
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("host=&port=1")]
        [InlineData("host=h&port=0")]
        [InlineData("host=h&port=70000")]
        [InlineData("host=h")]
        public async Task Provision_garbage_is_an_error(string body)
        {
            using var http = new HttpClient(new CannedHandler(_ => Text(HttpStatusCode.OK, body)));
            var client = new GServiceDeviceClient(http, new Uri("http://gservice.test"));
            await Assert.ThrowsAsync<ProvisioningException>(() => client.ProvisionAsync("d", CancellationToken.None));
        }
    }
}
