using System;
using System.IO;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.GService;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.MockCloud.Store;
using DeviceFirmware.MockCloud.WebConsole;
using DeviceFirmware.Protocol.P0;
using Microsoft.Extensions.Logging;

namespace DeviceFirmware.MockCloud.Cloud;

/// <summary>
/// The mock cloud in one process (docs/architecture.md): the SQLite store, the M2M broker (plain and TLS) and GService over it.
/// GService provisions devices to the M2M port actually bound, so port 0 everywhere works for tests.
/// </summary>
public sealed class MockCloudHost : IAsyncDisposable
{
    private readonly CloudStore store;
    private readonly M2mBroker broker;
    private readonly GServiceHost gservice;
    private readonly ConsoleServer console;

    private MockCloudHost(CloudStore store, M2mBroker broker, GServiceHost gservice, ConsoleServer console)
    {
        this.store = store;
        this.broker = broker;
        this.gservice = gservice;
        this.console = console;
    }

    /// <summary>The web console's address (<c>http://HOST:PORT/console</c>).</summary>
    public Uri ConsoleAddress => new(gservice.BaseAddress, ConsoleServer.BasePath.TrimStart('/'));

    /// <summary>The web console (its simulated boards may be added while it runs).</summary>
    public ConsoleServer Console => console;

    /// <summary>The accounts.</summary>
    public CloudStore Store => store;

    /// <summary>The M2M broker.</summary>
    public M2mBroker Broker => broker;

    /// <summary>GService's base address (with the bound port).</summary>
    public Uri GServiceAddress => gservice.BaseAddress;

    /// <summary>The plain MQTT endpoint bound.</summary>
    public IPEndPoint MqttEndpoint => broker.MqttEndpoint!;

    /// <summary>The TLS MQTT endpoint bound, or null.</summary>
    public IPEndPoint? MqttsEndpoint => broker.MqttsEndpoint;

    /// <summary>Opens the store, adds the given app ids and products, starts M2M then GService.</summary>
    /// <exception cref="ProductException">A product file is invalid.</exception>
    /// <exception cref="IOException">A file cannot be read or a port cannot be bound.</exception>
    public static async Task<MockCloudHost> StartAsync(MockCloudOptions options, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        var store = new CloudStore(options.Database, new CloudStoreOptions { TokenLifetime = options.TokenLifetime });
        M2mBroker? broker = null;
        ConsoleServer? console = null;
        try
        {
            foreach (string appId in options.AppIds) store.AddApplication(appId);
            store.AddApplication(options.Console.AppId);
            foreach (string file in options.ProductFiles)
            {
                Product product = ProductJson.Load(file);
                store.AddProduct(product);
                options.Console.Products[product.ProductKey] = product;
            }

            var m2m = new M2mOptions
            {
                MqttEndpoint = options.Mqtt,
                MqttsEndpoint = options.Mqtts,
                TlsCertificate = options.CertificateFile is null ? null : LoadCertificate(options.CertificateFile),
                CertificatePemPath = options.CertificateOut,
                DeviceMac = did => store.GetDevice(did)?.Mac,
            };
            broker = new M2mBroker(store, m2m, loggers.CreateLogger("DeviceFirmware.MockCloud.M2m"));
            await broker.StartAsync().ConfigureAwait(false);
            var gserviceOptions = new GServiceOptions
            {
                M2mHost = broker.MqttEndpoint!.Address.ToString(),
                M2mPort = broker.MqttEndpoint.Port,
                M2mTlsPort = broker.MqttsEndpoint?.Port ?? 0,
            };
            options.Console.M2m = broker.MqttEndpoint;
            console = new ConsoleServer(broker, options.Console);
            GServiceHost gservice = await GServiceHost.StartAsync(options.Http, store, broker, gserviceOptions, loggers, console.Map, CancellationToken.None).ConfigureAwait(false);
            console.GService = gservice.BaseAddress;
            return new MockCloudHost(store, broker, gservice, console);
        }
        catch
        {
            if (console is not null) await console.DisposeAsync().ConfigureAwait(false);
            if (broker is not null) await broker.DisposeAsync().ConfigureAwait(false);
            store.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // The console first: its event streams end and its Apps leave M2M before the listeners close.
        await console.DisposeAsync().ConfigureAwait(false);
        await gservice.DisposeAsync().ConfigureAwait(false);
        await broker.DisposeAsync().ConfigureAwait(false);
        store.Dispose();
    }

    private static X509Certificate2 LoadCertificate(string path) =>
        path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
            ? X509Certificate2.CreateFromPemFile(path)
            : X509CertificateLoader.LoadPkcs12FromFile(path, null);
}
