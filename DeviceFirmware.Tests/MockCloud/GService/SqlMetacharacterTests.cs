using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Store;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.GService
{
    public class SqlMetacharacterTests
    {
        public static TheoryData<string> Texts => new TheoryData<string>
        {
            "'; DROP TABLE users; --",
            "\" OR \"1\"=\"1",
            "x' OR '1'='1",
            "Robert');DELETE/**/FROM/**/bindings;--",
            "%_[]\\$@?*",
        };

        [Theory]
        [MemberData(nameof(Texts))]
        public async Task Every_string_field_is_stored_and_returned_verbatim(string text)
        {
            await using TestCloud cloud = await TestCloud.StartAsync();
            cloud.Store.AddProduct(text, "product named with metacharacters");

            // Username, email, password and phone id.
            Reply registered = await cloud.PostJsonAsync("/app/users", new { username = text, password = text });
            Assert.True(registered.Status == HttpStatusCode.Created, registered.Text);
            string token = registered.Json().GetProperty("token").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await cloud.PostJsonAsync("/app/login", new { username = text, password = text })).Status);
            (await cloud.PostJsonAsync("/app/login", new { username = text, password = text + "x" })).AssertError(400, 9020);
            Assert.Equal(HttpStatusCode.Created, (await cloud.PostJsonAsync("/app/users", new { email = "a@" + text, password = text })).Status);
            Assert.Equal(HttpStatusCode.OK, (await cloud.PostJsonAsync("/app/login", new { username = "a@" + text, password = text })).Status);

            // A phone id is [0-9A-Za-z._:-] only (it is a secret, not free text): metacharacters are refused, not stored.
            (await cloud.PostJsonAsync("/app/users", new { phone_id = text })).AssertError(400, 9015);

            // Device product key, MAC, passcode (a passcode has no spaces) and type.
            // (a passcode has 10–32 characters: short texts are padded, long ones cut).
            string passcode = text.Replace(" ", "", System.StringComparison.Ordinal).PadRight(10, 'X');
            if (passcode.Length > 32) passcode = passcode.Substring(0, 32);
            Reply device = await cloud.PostFormAsync("/dev/devices", ("product_key", text), ("mac", text), ("passcode", passcode), ("type", text.Length > 32 ? text.Substring(0, 32) : text));
            Assert.True(device.Status == HttpStatusCode.Created, device.Text);
            string did = device.Text.Substring(4);

            // Binding remark and alias; the DID and passcode as sent by the App.
            Reply bind = await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did, passcode, remark = text, dev_alias = text }), token: token);
            Assert.Equal(did, Assert.Single(bind.Json().GetProperty("success").EnumerateArray()).GetString());

            JsonElement listed = Assert.Single((await cloud.GetAsync("/app/bindings", token: token)).Json().GetProperty("devices").EnumerateArray());
            Assert.Equal(text, listed.GetProperty("product_key").GetString());
            Assert.Equal(text, listed.GetProperty("mac").GetString());
            Assert.Equal(passcode, listed.GetProperty("passcode").GetString());
            Assert.Equal(text, listed.GetProperty("remark").GetString());
            Assert.Equal(text, listed.GetProperty("dev_alias").GetString());

            // A DID made of metacharacters (those a DID may hold) is just an unknown DID.
            string fakeDid = new string(passcode.Where(c => c != '/' && c != '+' && c != '#').ToArray());
            Reply wrong = await cloud.SendJsonAsync(HttpMethod.Post, "/app/bindings", TestCloud.Devices(new { did = fakeDid, passcode }), token: token);
            Assert.Equal(fakeDid, Assert.Single(wrong.Json().GetProperty("failed").EnumerateArray()).GetString());

            // Nothing was dropped or rewritten.
            Assert.True(cloud.Store.IsProduct(TestCloud.ProductKey));
            Assert.Equal(LoginOutcome.LoggedIn, cloud.Store.Login(text, text, out _));
        }
    }
}
