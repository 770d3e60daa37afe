using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.GService
{
    /// <summary>
    /// Issue 17, finding 1 (High): on main, <c>POST /dev/devices</c> with a device's product key and MAC and a new passcode,
    /// without any authentication, returned the victim's DID and replaced its passcode; the attacker then bound it and the
    /// real device was refused at its next connect. A new passcode is now accepted only for a device nobody is bound to and
    /// that is offline; a bound device resets with its old passcode (<c>DELETE /dev/devices</c>, as GAgent does).
    /// </summary>
    public class DeviceTakeoverTests
    {
        private const string Mac = "a0b1c2d3e4f5";
        private const string Passcode = "REALPASSAB";
        private const string Attacker = "EVILPASSXY";

        [Fact]
        public async Task A_stranger_cannot_re_register_a_bound_device_with_a_new_passcode_and_bind_it()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            string did = await cloud.RegisterDeviceAsync(Mac, Passcode);
            (_, string ownerToken) = await cloud.RegisterAsync("owner");
            await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did, passcode = Passcode }), token: ownerToken);

            (await cloud.PostFormAsync("/dev/devices", ("product_key", TestCloud.ProductKey), ("mac", Mac), ("passcode", Attacker))).AssertError(400, 9016);

            Assert.True(cloud.Store.IsDevice(did, Passcode), "the real device's passcode was replaced");
            (_, string attackerToken) = await cloud.RegisterAsync("attacker");
            Reply bind = await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did, passcode = Attacker }), token: attackerToken);
            Assert.Equal(did, Assert.Single(bind.Json().GetProperty("failed").EnumerateArray()).GetString());
        }

        [Fact]
        public async Task A_stranger_cannot_re_register_an_online_device_with_a_new_passcode()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            string did = await cloud.RegisterDeviceAsync(Mac, Passcode);
            cloud.Presence.Online[did] = true;

            (await cloud.PostFormAsync("/dev/devices", ("product_key", TestCloud.ProductKey), ("mac", Mac), ("passcode", Attacker))).AssertError(400, 9016);
            Assert.True(cloud.Store.IsDevice(did, Passcode));
        }

        [Fact]
        public async Task The_device_itself_registers_again_with_its_own_passcode_while_bound_and_online()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            string did = await cloud.RegisterDeviceAsync(Mac, Passcode);
            (_, string token) = await cloud.RegisterAsync("owner");
            await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did, passcode = Passcode }), token: token);
            cloud.Presence.Online[did] = true;

            Assert.Equal(did, await cloud.RegisterDeviceAsync(Mac, Passcode));
        }

        [Fact]
        public async Task A_bound_device_resets_with_its_old_passcode_which_unbinds_its_owners_and_then_takes_a_new_one()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            string did = await cloud.RegisterDeviceAsync(Mac, Passcode);
            (string ownerUid, string token) = await cloud.RegisterAsync("owner");
            await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did, passcode = Passcode }), token: token);

            (await DeleteDeviceAsync(cloud, did, Attacker)).AssertError(400, 9016);
            Assert.True(cloud.Store.IsBound(ownerUid, did));

            Reply released = await DeleteDeviceAsync(cloud, did, Passcode);
            Assert.Equal(HttpStatusCode.OK, released.Status);
            Assert.False(cloud.Store.IsBound(ownerUid, did));

            const string fresh = "FRESHPASSQ";
            Assert.Equal(did, await cloud.RegisterDeviceAsync(Mac, fresh));
            Assert.True(cloud.Store.IsDevice(did, fresh));
        }

        [Theory]
        [InlineData("a")]
        [InlineData("ABCDEFGHI")]
        [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
        public async Task A_weak_or_overlong_passcode_is_refused_at_registration(string passcode)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            (await cloud.PostFormAsync("/dev/devices", ("product_key", TestCloud.ProductKey), ("mac", Mac), ("passcode", passcode))).AssertError(400, 9016);

            // Nothing was registered: the MAC is still new.
            Assert.Equal(
                DeviceFirmware.MockCloud.Store.DeviceRegistration.Registered,
                cloud.Store.RegisterDevice(TestCloud.ProductKey, Mac, "GOODPASSAB", "normal", _ => false, out _));
        }

        [Fact]
        public async Task A_passcode_of_ten_to_thirty_two_characters_is_accepted()
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            Assert.NotEmpty(await cloud.RegisterDeviceAsync("m10", "ABCDEFGHIJ"));
            Assert.NotEmpty(await cloud.RegisterDeviceAsync("m32", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"));
        }

        private static Task<Reply> DeleteDeviceAsync(TestCloud cloud, string did, string passcode) =>
            cloud.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/dev/devices")
            {
                Content = new StringContent($"did={did}&passcode={passcode}", Encoding.UTF8, "application/x-www-form-urlencoded"),
            });
    }
}
