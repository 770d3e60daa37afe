using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.GService;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.MockCloud.Store;
using DeviceFirmware.Tests.MockCloud.Store;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.GService
{
    /// <summary>Which devices the tests say are online.</summary>
    internal sealed class StubPresence : IDevicePresence
    {
        public ConcurrentDictionary<string, bool> Online { get; } = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        public bool IsOnline(string did) => Online.ContainsKey(did);
    }

    /// <summary>An answer: status, body text, and the body as JSON when it is JSON.</summary>
    internal sealed record Reply(HttpStatusCode Status, string Text, string? ContentType)
    {
        public JsonElement Json()
        {
            using JsonDocument doc = JsonDocument.Parse(Text);
            return doc.RootElement.Clone();
        }

        /// <summary>Asserts the answer is the GService error <paramref name="code"/> with <paramref name="status"/> and the documented shape.</summary>
        public void AssertError(int status, int code)
        {
            Assert.True((int)Status == status, $"expected HTTP {status}, got {(int)Status}: {Text}");
            JsonElement json = Json();
            Assert.Equal(code, json.GetProperty("error_code").GetInt32());
            Assert.Equal(JsonValueKind.String, json.GetProperty("error_message").ValueKind);
            Assert.Equal(JsonValueKind.String, json.GetProperty("detail_message").ValueKind);
            Assert.Equal(3, CountProperties(json));
        }

        private static int CountProperties(JsonElement json)
        {
            int n = 0;
            foreach (JsonProperty _ in json.EnumerateObject()) n++;
            return n;
        }
    }

    /// <summary>A real GService on 127.0.0.1:0 over a store, with a fake clock, stub presence and an HttpClient.</summary>
    internal sealed class TestCloud : IAsyncDisposable
    {
        public const string AppId = StoreFactory.AppId;
        public const string ProductKey = StoreFactory.ProductKey;

        private readonly bool ownsStore;

        private TestCloud(CloudStore store, bool ownsStore, GServiceHost host, GServiceOptions options, ManualTimeProvider clock, StubPresence presence)
        {
            Store = store;
            this.ownsStore = ownsStore;
            Host = host;
            Options = options;
            Clock = clock;
            Presence = presence;
            Http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        }

        public CloudStore Store { get; }

        public GServiceHost Host { get; }

        public GServiceOptions Options { get; }

        public ManualTimeProvider Clock { get; }

        public StubPresence Presence { get; }

        public HttpClient Http { get; }

        public static Task<TestCloud> StartAsync(ILoggerFactory? loggers = null, string dataSource = CloudStore.InMemory, ManualTimeProvider? clock = null)
        {
            clock ??= new ManualTimeProvider();
            return StartAsync(StoreFactory.Open(clock, dataSource), true, clock, loggers);
        }

        public static async Task<TestCloud> StartAsync(CloudStore store, bool ownsStore, ManualTimeProvider clock, ILoggerFactory? loggers = null)
        {
            var options = new GServiceOptions { M2mHost = "m2m.test", M2mPort = 11883, M2mTlsPort = 18883, TimeProvider = clock };
            var presence = new StubPresence();
            GServiceHost host = await GServiceHost.StartAsync(new IPEndPoint(IPAddress.Loopback, 0), store, presence, options, loggers);
            return new TestCloud(store, ownsStore, host, options, clock, presence);
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Host.DisposeAsync();
            if (ownsStore) Store.Dispose();
        }

        public Task<Reply> SendJsonAsync(HttpMethod method, string path, string? json, string? appId = AppId, string? token = null, string contentType = "application/json")
        {
            var request = new HttpRequestMessage(method, path);
            if (json != null) request.Content = new StringContent(json, Encoding.UTF8, contentType);
            if (appId != null) request.Headers.Add("X-Gizwits-Application-Id", appId);
            if (token != null) request.Headers.Add("X-Gizwits-User-token", token);
            return SendAsync(request);
        }

        public Task<Reply> PostJsonAsync(string path, object body, string? appId = AppId, string? token = null) =>
            SendJsonAsync(HttpMethod.Post, path, JsonSerializer.Serialize(body), appId, token);

        public Task<Reply> GetAsync(string path, string? appId = AppId, string? token = null) =>
            SendJsonAsync(HttpMethod.Get, path, null, appId, token);

        public Task<Reply> PostFormAsync(string path, params (string Key, string Value)[] fields)
        {
            var pairs = new System.Collections.Generic.List<System.Collections.Generic.KeyValuePair<string, string>>();
            foreach ((string key, string value) in fields) pairs.Add(new System.Collections.Generic.KeyValuePair<string, string>(key, value));
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(pairs) };
            return SendAsync(request);
        }

        public async Task<Reply> SendAsync(HttpRequestMessage request)
        {
            using (request)
            {
                using HttpResponseMessage response = await Http.SendAsync(request);
                string text = await response.Content.ReadAsStringAsync();
                return new Reply(response.StatusCode, text, response.Content.Headers.ContentType?.MediaType);
            }
        }

        /// <summary>Registers a username user over HTTP; returns (uid, token).</summary>
        public async Task<(string Uid, string Token)> RegisterAsync(string username, string password = "pw")
        {
            Reply reply = await PostJsonAsync("/app/users", new { username, password });
            Assert.True(reply.Status == HttpStatusCode.Created, reply.Text);
            JsonElement json = reply.Json();
            return (json.GetProperty("uid").GetString()!, json.GetProperty("token").GetString()!);
        }

        /// <summary>Registers a device over HTTP with the given passcode; returns its DID.</summary>
        public async Task<string> RegisterDeviceAsync(string mac, string passcode)
        {
            Reply reply = await PostFormAsync("/dev/devices", ("product_key", ProductKey), ("passcode", passcode), ("mac", mac), ("type", "normal"));
            Assert.True(reply.Status == HttpStatusCode.Created, reply.Text);
            Assert.StartsWith("did=", reply.Text, StringComparison.Ordinal);
            return reply.Text.Substring(4);
        }

        public static string Devices(params object[] devices) => JsonSerializer.Serialize(new { devices });
    }
}
