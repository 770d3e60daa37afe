using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Iot.Config;
using DeviceFirmware.Iot.Provisioning;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using static DeviceFirmware.Tests.Firmware.Iot.Provisioning.GServiceDeviceClientTests;

namespace DeviceFirmware.Tests.Firmware.Iot.Provisioning
{
    public class IdentityResolverTests : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("fw-id-").FullName;

        public void Dispose() => Directory.Delete(folder, true);

        private static CannedHandler Cloud(string did = "Registered1") => new(request =>
            request.Method == HttpMethod.Post
                ? new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("did=" + did) }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("host=10.0.0.5&port=1999&server_ts=1") });

        [Fact]
        public async Task A_configured_did_is_used_without_asking_gservice()
        {
            var handler = Cloud();
            using var http = new HttpClient(handler);
            var options = new FirmwareOptions { Did = "dev1", Passcode = "P", M2m = "127.0.0.1:1883" };
            var (identity, m2m) = await new IdentityResolver(options, http, NullLogger.Instance).ResolveAsync("pk", CancellationToken.None);
            Assert.Equal(("dev1", "P"), (identity.Did, identity.Passcode));
            Assert.Equal(new HostPort("127.0.0.1", 1883), m2m);
            Assert.Empty(handler.Requests);
        }

        [Fact]
        public async Task Without_a_did_it_registers_saves_and_reuses_the_identity()
        {
            string state = Path.Combine(folder, "state.json");
            var options = new FirmwareOptions { GService = "http://gservice.test", StateFile = state, Mac = "001122334455" };
            var first = Cloud("FirstDid");
            using (var http = new HttpClient(first))
            {
                var (identity, m2m) = await new IdentityResolver(options, http, NullLogger.Instance).ResolveAsync("pk", CancellationToken.None);
                Assert.Equal("FirstDid", identity.Did);
                Assert.Equal(new HostPort("10.0.0.5", 1999), m2m);
                Assert.Contains("passcode=" + identity.Passcode, first.Requests[0].Body, StringComparison.Ordinal);
            }

            var second = Cloud("SecondDid");
            using (var http = new HttpClient(second))
            {
                var (identity, _) = await new IdentityResolver(options, http, NullLogger.Instance).ResolveAsync("pk", CancellationToken.None);
                Assert.Equal("FirstDid", identity.Did);
                Assert.DoesNotContain(second.Requests, r => r.Method == HttpMethod.Post);
            }
        }

        [Fact]
        public async Task Another_product_registers_anew()
        {
            string state = Path.Combine(folder, "state.json");
            StateFile.Save(state, new DeviceIdentity("OldDid", "PPPPPPPPPP", "other-product"));
            var handler = Cloud("NewDid");
            using var http = new HttpClient(handler);
            var options = new FirmwareOptions { GService = "http://gservice.test", StateFile = state, M2m = "127.0.0.1:1" };
            var (identity, _) = await new IdentityResolver(options, http, NullLogger.Instance).ResolveAsync("pk", CancellationToken.None);
            Assert.Equal("NewDid", identity.Did);
            Assert.True(StateFile.TryLoad(state, out DeviceIdentity? saved, out _));
            Assert.Equal("pk", saved!.ProductKey);
        }
    }
}
