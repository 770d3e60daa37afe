using System;
using System.CommandLine;
using System.IO;
using System.Net;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Cloud;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.MockCloud.Store;
using DeviceFirmware.Protocol.P0;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DeviceFirmware.MockCloud.Cli;

/// <summary>
/// <c>gizctl cloud serve</c> (the mock cloud until Ctrl+C or SIGTERM) and <c>gizctl cloud admin …</c> (application ids
/// and products added to the database, also while it serves).
/// </summary>
internal static class CloudCommands
{
    /// <summary>Printed on stdout once every listener is bound; scripts and tests wait for it.</summary>
    public const string ReadyLine = "mock cloud ready:";

    /// <summary>Builds the <c>cloud</c> command.</summary>
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var cloud = new Command("cloud", "The mock Gizwits cloud: M2M broker + GService HTTP (docs/protocol.md §7–§8).");
        cloud.Subcommands.Add(BuildServe(stdout, stderr));
        cloud.Subcommands.Add(BuildAdmin(stdout, stderr));
        return cloud;
    }

    private static Command BuildServe(TextWriter stdout, TextWriter stderr)
    {
        var http = new Option<string>("--http") { Description = "GService listener HOST:PORT (port 0 = any free port)", DefaultValueFactory = _ => "127.0.0.1:8080" };
        var mqtt = new Option<string>("--mqtt") { Description = "M2M MQTT listener HOST:PORT", DefaultValueFactory = _ => "127.0.0.1:1883" };
        var mqtts = new Option<string>("--mqtts") { Description = "M2M MQTT-over-TLS listener HOST:PORT, or 'off'", DefaultValueFactory = _ => "127.0.0.1:8883" };
        var cert = new Option<string?>("--cert") { Description = "TLS certificate with its key (.pfx, or .pem with the key in the same file); default: self-signed, made at start" };
        var certOut = new Option<string?>("--cert-out") { Description = "Write the TLS certificate (public part, PEM) here, for clients to trust" };
        var db = new Option<string>("--db") { Description = "SQLite database file, or :memory:", DefaultValueFactory = _ => "mock-cloud.db" };
        var appIds = new Option<string[]>("--appid") { Description = "Application id Apps may use (repeatable)", AllowMultipleArgumentsPerToken = false };
        var products = new Option<string[]>("--product") { Description = "Product definition JSON (repeatable; default: every file in hardware/products beside gizctl)" };
        var tokenDays = new Option<int>("--token-days") { Description = "Login token lifetime in days", DefaultValueFactory = _ => 7 };
        var simControl = new Option<string[]>("--sim-control")
        {
            Description = "[DID=]HOST:PORT of a simulated board's control API (loopback): the web console's board panel for that device (without DID=, for every device); repeatable",
        };
        var serve = new Command("serve", $"Run the mock cloud until Ctrl+C or SIGTERM. Prints '{ReadyLine} …' with the bound addresses (and the web console's URL) when listening.");
        foreach (Option option in new Option[] { http, mqtt, mqtts, cert, certOut, db, appIds, products, tokenDays, simControl }) serve.Options.Add(option);
        serve.SetAction(result =>
        {
            var options = new MockCloudOptions { CertificateFile = result.GetValue(cert), CertificateOut = result.GetValue(certOut), Database = result.GetValue(db)! };
            try
            {
                options.Http = M2mOptions.ParseEndpoint(result.GetValue(http)!);
                options.Mqtt = M2mOptions.ParseEndpoint(result.GetValue(mqtt)!);
                string tls = result.GetValue(mqtts)!;
                options.Mqtts = string.Equals(tls, "off", StringComparison.OrdinalIgnoreCase) ? null : M2mOptions.ParseEndpoint(tls);
                foreach (string board in result.GetValue(simControl) ?? Array.Empty<string>()) options.Console.Boards.Add(board);
            }
            catch (FormatException e)
            {
                stderr.WriteLine("error: " + e.Message);
                return ExitCodes.Error;
            }

            int days = result.GetValue(tokenDays);
            if (days < 1)
            {
                stderr.WriteLine("error: --token-days must be at least 1");
                return ExitCodes.Error;
            }

            options.TokenLifetime = TimeSpan.FromDays(days);
            foreach (string id in result.GetValue(appIds) ?? Array.Empty<string>()) options.AppIds.Add(id);
            string[] files = result.GetValue(products) ?? Array.Empty<string>();
            if (files.Length == 0) files = DefaultProducts();
            foreach (string file in files) options.ProductFiles.Add(file);

            using var stop = new CancellationTokenSource();
            using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            return ServeAsync(options, stdout, stderr, stop.Token).GetAwaiter().GetResult();
        });
        return serve;
    }

    /// <summary>Runs the mock cloud until <paramref name="stop"/>; the exit code.</summary>
    internal static async Task<int> ServeAsync(MockCloudOptions options, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        using ILoggerFactory loggers = LoggerFactory.Create(b => b
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
                o.UseUtcTimestamp = true;
                o.ColorBehavior = LoggerColorBehavior.Disabled;
            }));
        MockCloudHost cloud;
        try
        {
            cloud = await MockCloudHost.StartAsync(options, loggers).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ProductException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or System.Net.Sockets.SocketException or InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            stderr.WriteLine("error: the mock cloud cannot start: " + e.Message);
            return ExitCodes.Error;
        }

        await using (cloud.ConfigureAwait(false))
        {
            string tls = cloud.MqttsEndpoint is null ? "off" : Show(cloud.MqttsEndpoint);
            stdout.WriteLine($"{ReadyLine} gservice={cloud.GServiceAddress} mqtt={Show(cloud.MqttEndpoint)} mqtts={tls} db={options.Database} console={cloud.ConsoleAddress}");
            stdout.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM.
            }
        }

        stdout.WriteLine("mock cloud stopped");
        return ExitCodes.Ok;
    }

    private static Command BuildAdmin(TextWriter stdout, TextWriter stderr)
    {
        var db = new Option<string>("--db") { Description = "SQLite database file", DefaultValueFactory = _ => "mock-cloud.db" };
        var appId = new Option<string>("--appid") { Description = "Application id", Required = true };
        var product = new Option<string>("--product") { Description = "Product definition JSON", Required = true };
        var addApp = new Command("add-app", "Accept an application id.");
        addApp.Options.Add(db);
        addApp.Options.Add(appId);
        addApp.SetAction(result => Admin(result.GetValue(db)!, stdout, stderr, store => store.AddApplication(result.GetValue(appId)!), "application added"));
        var addProduct = new Command("add-product", "Accept devices of a product (by its product_key).");
        addProduct.Options.Add(db);
        addProduct.Options.Add(product);
        addProduct.SetAction(result => Admin(result.GetValue(db)!, stdout, stderr, store => store.AddProduct(ProductJson.Load(result.GetValue(product)!)), "product added"));
        var admin = new Command("admin", "Change the mock cloud's database (works while it serves).");
        admin.Subcommands.Add(addApp);
        admin.Subcommands.Add(addProduct);
        return admin;
    }

    private static int Admin(string database, TextWriter stdout, TextWriter stderr, Action<CloudStore> change, string done)
    {
        try
        {
            using var store = new CloudStore(database);
            change(store);
            stdout.WriteLine(done);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is ProductException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or ArgumentException)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.Error;
        }
    }

    private static string[] DefaultProducts()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "hardware", "products");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : Array.Empty<string>();
    }

    private static string Show(IPEndPoint endpoint) => endpoint.ToString();
}
