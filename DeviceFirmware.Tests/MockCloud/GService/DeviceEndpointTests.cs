using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Store;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.GService
{
    public class DeviceEndpointTests
    {
        [Fact]
        public async Task A_device_registers_with_a_form_and_gets_201_did_text()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            Reply reply = await cloud.PostFormAsync("/dev/devices", ("product_key", TestCloud.ProductKey), ("passcode", "ABCDEFGHIJ"), ("mac", "a0b1c2d3e4f5"), ("type", "normal"));
            Assert.Equal(HttpStatusCode.Created, reply.Status);
            Assert.Equal("text/plain", reply.ContentType);
            Assert.Matches("^did=[0-9a-zA-Z]{22}$", reply.Text);
            DeviceRecord device = cloud.Store.GetDevice(reply.Text.Substring(4))!;
            Assert.Equal((TestCloud.ProductKey, "a0b1c2d3e4f5", "ABCDEFGHIJ", "normal"), (device.ProductKey, device.Mac, device.Passcode, device.Type));
        }

        [Fact]
        public async Task Without_a_passcode_or_type_the_cloud_makes_one_and_the_type_is_normal()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            Reply reply = await cloud.PostFormAsync("/dev/devices", ("product_key", TestCloud.ProductKey), ("mac", "m"));
            Assert.Equal(HttpStatusCode.Created, reply.Status);
            DeviceRecord device = cloud.Store.GetDevice(reply.Text.Substring(4))!;
            Assert.Matches("^[A-Y]{10}$", device.Passcode);
            Assert.Equal("normal", device.Type);
        }

        [Fact]
        public async Task Registering_again_with_the_same_product_and_mac_keeps_the_did()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            string first = await cloud.RegisterDeviceAsync("same-mac", "PASSONEAAA");
            string again = await cloud.RegisterDeviceAsync("same-mac", "PASSTWOBBB");
            Assert.Equal(first, again);
            Assert.True(cloud.Store.IsDevice(first, "PASSTWOBBB"));
        }

        [Fact]
        public async Task Form_escapes_and_plus_signs_are_decoded()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            var request = new HttpRequestMessage(HttpMethod.Post, "/dev/devices")
            {
                Content = new StringContent("product_key=pk0123456789abcdef&mac=a+b%26c%3Dd%C3%A9&passcode=P%2BQRSTUVWXY", Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            Reply reply = await cloud.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, reply.Status);
            DeviceRecord device = cloud.Store.GetDevice(reply.Text.Substring(4))!;
            Assert.Equal(("a b&c=d\u00e9", "P+QRSTUVWXY"), (device.Mac, device.Passcode));
        }

        [Fact]
        public async Task An_unknown_product_key_is_9015_and_registers_nothing()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (await cloud.PostFormAsync("/dev/devices", ("product_key", "unknown"), ("mac", "m"))).AssertError(400, 9015);
            Assert.False(cloud.Store.TryRegisterDevice("unknown", "m", null, "normal", out _));
        }

        [Theory]
        [InlineData("mac")]
        [InlineData("product_key")]
        public async Task A_missing_or_empty_required_field_is_9015(string field)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (string, string)[] withEmpty = field == "mac"
                ? new[] { ("product_key", TestCloud.ProductKey), ("mac", "") }
                : new[] { ("product_key", ""), ("mac", "m") };
            (string, string)[] without = field == "mac"
                ? new[] { ("product_key", TestCloud.ProductKey) }
                : new[] { ("mac", "m") };
            (await cloud.PostFormAsync("/dev/devices", withEmpty)).AssertError(400, 9015);
            (await cloud.PostFormAsync("/dev/devices", without)).AssertError(400, 9015);
        }

        [Theory]
        [InlineData("")]
        [InlineData("HAS SPACE")]
        [InlineData("tab\tcode")]
        [InlineData("non-ascii-\u00e9")]
        [InlineData("12345678901234567890123456789012345678901234567890123456789012345")]
        public async Task A_malformed_passcode_is_9016(string passcode)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (await cloud.PostFormAsync("/dev/devices", ("product_key", TestCloud.ProductKey), ("mac", "m"), ("passcode", passcode))).AssertError(400, 9016);
        }

        [Theory]
        [InlineData("product_key=pk0123456789abcdef&mac=m&mac=n", "application/x-www-form-urlencoded")]
        [InlineData("product_key=pk0123456789abcdef&mac=m", "application/json")]
        [InlineData("product_key=pk0123456789abcdef&mac=m", "text/plain")]
        [InlineData("product_key=pk0123456789abcdef&mac=%0A", "application/x-www-form-urlencoded")]
        [InlineData("product_key=pk0123456789abcdef&mac=%FF", "application/x-www-form-urlencoded")]
        [InlineData("product_key=pk0123456789abcdef&mac=%C3%28", "application/x-www-form-urlencoded")]
        [InlineData("product_key=pk0123456789abcdef&mac=%4", "application/x-www-form-urlencoded")]
        [InlineData("product_key=pk0123456789abcdef&mac=%zz", "application/x-www-form-urlencoded")]
        [InlineData("product_key=pk0123456789abcdef&mac=\u00e9", "application/x-www-form-urlencoded")]
        public async Task A_malformed_form_is_9015(string body, string contentType)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            var request = new HttpRequestMessage(HttpMethod.Post, "/dev/devices") { Content = new StringContent(body, Encoding.UTF8, contentType) };
            (await cloud.SendAsync(request)).AssertError(400, 9015);
        }

        [Fact]
        public async Task A_form_over_the_cap_is_9015()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (await cloud.PostFormAsync("/dev/devices", ("product_key", TestCloud.ProductKey), ("mac", "m"), ("pad", new string('x', 65 * 1024)))).AssertError(400, 9015);
        }

        [Fact]
        public async Task Provisioning_answers_the_m2m_address_and_the_server_time_as_text()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            string did = await cloud.RegisterDeviceAsync("m", "PASSCODEZZ");
            Reply reply = await cloud.GetAsync("/dev/devices/" + did, appId: null);
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            Assert.Equal("text/plain", reply.ContentType);
            Assert.Equal($"host=m2m.test&port=11883&server_ts={cloud.Clock.GetUtcNow().ToUnixTimeSeconds()}", reply.Text);

            // The address is read per request, so the broker's port can be filled in after it binds.
            cloud.Options.M2mHost = "10.0.0.5";
            cloud.Options.M2mPort = 2883;
            cloud.Clock.Advance(TimeSpan.FromSeconds(42));
            Assert.Equal($"host=10.0.0.5&port=2883&server_ts={cloud.Clock.GetUtcNow().ToUnixTimeSeconds()}", (await cloud.GetAsync("/dev/devices/" + did)).Text);
        }

        [Fact]
        public async Task Provisioning_an_unknown_did_is_404_9014()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (await cloud.GetAsync("/dev/devices/NoSuchDid")).AssertError(404, 9014);
            (await cloud.GetAsync("/dev/devices/%27%20OR%20%271%27%3D%271")).AssertError(404, 9014);
        }
    }
}
