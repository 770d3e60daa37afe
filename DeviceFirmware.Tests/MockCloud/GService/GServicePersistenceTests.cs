using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Store;
using DeviceFirmware.Tests.MockCloud.Store;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.GService
{
    public class GServicePersistenceTests
    {
        [Fact]
        public async Task Users_tokens_devices_and_bindings_survive_a_restart_of_the_cloud()
        {
            using var db = new TempDatabase();
            var clock = new ManualTimeProvider();
            string uid;
            string token;
            string did;
            await using (TestCloud first = await TestCloud.StartAsync(dataSource: db.Path, clock: clock))
            {
                (uid, token) = await first.RegisterAsync("alice", "secret");
                did = await first.RegisterDeviceAsync("a0b1c2d3e4f5", "PASSCODEXY");
                Reply bind = await first.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did, passcode = "PASSCODEXY", remark = "desk" }), token: token);
                Assert.Equal(HttpStatusCode.OK, bind.Status);
            }

            // A new store over the same file, behind a new listener: what a restarted process has.
            await using TestCloud second = await TestCloud.StartAsync(new CloudStore(db.Path, StoreFactory.Options(clock)), true, clock);
            Reply list = await second.GetAsync("/app/bindings", token: token);
            Assert.True(list.Status == HttpStatusCode.OK, list.Text);
            JsonElement device = Assert.Single(list.Json().GetProperty("devices").EnumerateArray());
            Assert.Equal(did, device.GetProperty("did").GetString());
            Assert.Equal("desk", device.GetProperty("remark").GetString());
            Assert.Equal("PASSCODEXY", device.GetProperty("passcode").GetString());

            Reply login = await second.PostJsonAsync("/app/login", new { username = "alice", password = "secret" });
            Assert.Equal(uid, login.Json().GetProperty("uid").GetString());
            Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/dev/devices/" + did)).Status);
            Assert.Equal(did, await second.RegisterDeviceAsync("a0b1c2d3e4f5", "PASSCODEXY"));
            (await second.PostJsonAsync("/app/users", new { username = "alice", password = "x" })).AssertError(400, 9019);
        }
    }
}
