using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using DeviceFirmware.Core.Session;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.MockCloud.GService;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.MockCloud.Store;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.MockCloud.M2m;
using DeviceFirmware.Tests.MockCloud.Store;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.App;

/// <summary>
/// The whole mock cloud in-process on 127.0.0.1 (free ports): one SQLite store (in memory) behind both GService and
/// the M2M broker, which uses it as its directory. Knows the GoKit product; <see cref="RegisterDeviceAsync"/> adds devices.
/// </summary>
internal sealed class AppTestCloud : IAsyncDisposable
{
    public const string AppId = StoreFactory.AppId;

    private AppTestCloud(CloudStore store, M2mBroker broker, GServiceHost gservice, GServiceOptions options, ListLogger log, ManualTimeProvider clock)
    {
        Clock = clock;
        Store = store;
        Broker = broker;
        GService = gservice;
        Options = options;
        Log = log;
    }

    public static Product GoKit { get; } = ProductJson.Load(RepoPaths.Product("gokit"));

    public CloudStore Store { get; }

    /// <summary>The store's clock (token expiry).</summary>
    public ManualTimeProvider Clock { get; }

    public M2mBroker Broker { get; private set; }

    public GServiceHost GService { get; }

    public GServiceOptions Options { get; }

    public ListLogger Log { get; }

    public int M2mPort => Options.M2mPort;

    public IPEndPoint M2mEndpoint => new(IPAddress.Loopback, M2mPort);

    public static async Task<AppTestCloud> StartAsync()
    {
        var clock = new ManualTimeProvider();
        CloudStore store = StoreFactory.Open(clock);
        store.AddProduct(GoKit);
        var log = new ListLogger();
        var broker = new M2mBroker(store, new M2mOptions { MqttEndpoint = new IPEndPoint(IPAddress.Loopback, 0) }, log);
        await broker.StartAsync();
        var options = new GServiceOptions { M2mHost = "127.0.0.1", M2mPort = broker.MqttEndpoint!.Port };
        GServiceHost gservice = await GServiceHost.StartAsync(new IPEndPoint(IPAddress.Loopback, 0), store, broker, options);
        return new AppTestCloud(store, broker, gservice, options, log, clock);
    }

    /// <summary>Stops M2M (every client drops) and starts a new broker on the same port.</summary>
    public async Task RestartBrokerAsync()
    {
        await Broker.DisposeAsync();
        var broker = new M2mBroker(Store, new M2mOptions { MqttEndpoint = M2mEndpoint }, Log);
        await broker.StartAsync();
        Broker = broker;
    }

    public Task StopBrokerAsync() => Broker.StopAsync();

    /// <summary>A GoKit device with the given passcode; returns its DID.</summary>
    public string RegisterDevice(string mac, string passcode = "PASSCODEAB")
    {
        Assert.True(Store.TryRegisterDevice(GoKit.ProductKey, mac, passcode, "normal", out DeviceRecord? device));
        return device!.Did;
    }

    public GServiceClient NewGServiceClient() => new(GService.BaseAddress, AppId);

    /// <summary>Registers a user over HTTP and binds it to <paramref name="dids"/>; returns the logged-in client and session.</summary>
    public async Task<(GServiceClient Client, AppSession Session)> UserAsync(string username, params string[] dids)
    {
        GServiceClient client = NewGServiceClient();
        AppSession session = await client.RegisterAsync(username, "secret-pw");
        foreach (string did in dids)
        {
            BindResult bound = await client.BindAsync(did, Store.GetDevice(did)!.Passcode);
            Assert.Equal([did], bound.Success);
        }

        return (client, session);
    }

    public AppClientOptions AppOptions(AppSession session, TimeSpan? replyTimeout = null) => new()
    {
        Host = "127.0.0.1",
        Port = M2mPort,
        AppId = AppId,
        Uid = session.Uid,
        Token = session.Token,
        ReplyTimeout = replyTimeout ?? TimeSpan.FromSeconds(10),
        Session = new SessionSettings { ReconnectStepMs = 100, ConnectTimeoutMs = 5000 },
    };

    public Task<AppClient> AppAsync(AppSession session, string did, TimeSpan? replyTimeout = null) =>
        AppClient.ConnectAsync(AppOptions(session, replyTimeout), [new KeyValuePair<string, Product?>(did, GoKit)]);

    public async ValueTask DisposeAsync()
    {
        await GService.DisposeAsync();
        await Broker.DisposeAsync();
        Store.Dispose();
    }
}
