using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.MockCloud.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeviceFirmware.MockCloud.GService;

/// <summary>
/// GService on its own Kestrel listener: what <c>gizctl cloud serve</c> and the tests start. Nothing is read from
/// environment variables or appsettings files; the listener is exactly the end point given (port 0 picks a free one).
/// </summary>
public sealed class GServiceHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private int disposed;

    private GServiceHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the API listens, e.g. <c>http://127.0.0.1:54321/</c>, with the port actually bound.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The port actually bound.</summary>
    public int Port => BaseAddress.Port;

    /// <summary>Starts GService listening on <paramref name="endPoint"/> and returns once it accepts connections.</summary>
    /// <param name="endPoint">Address and port to bind (port 0: any free port).</param>
    /// <param name="store">Accounts and devices; the caller keeps ownership.</param>
    /// <param name="presence">Which devices M2M holds now.</param>
    /// <param name="options">Advertised M2M address and limits.</param>
    /// <param name="loggerFactory">Where GService and ASP.NET Core log; null logs nowhere. The caller keeps ownership.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<GServiceHost> StartAsync(
        IPEndPoint endPoint,
        CloudStore store,
        IDevicePresence presence,
        GServiceOptions options,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default) =>
        StartAsync(endPoint, store, presence, options, loggerFactory, null, cancellationToken);

    /// <summary>Starts GService as above, with more routes on the same listener (the web console's).</summary>
    /// <param name="endPoint">Address and port to bind (port 0: any free port).</param>
    /// <param name="store">Accounts and devices; the caller keeps ownership.</param>
    /// <param name="presence">Which devices M2M holds now.</param>
    /// <param name="options">Advertised M2M address and limits.</param>
    /// <param name="loggerFactory">Where GService and ASP.NET Core log; null logs nowhere. The caller keeps ownership.</param>
    /// <param name="moreRoutes">Maps further routes beside GService's; null for none.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<GServiceHost> StartAsync(
        IPEndPoint endPoint,
        CloudStore store,
        IDevicePresence presence,
        GServiceOptions options,
        ILoggerFactory? loggerFactory,
        Action<IEndpointRouteBuilder>? moreRoutes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(options);
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endPoint);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        if (loggerFactory is not null) builder.Services.AddSingleton(loggerFactory);

        WebApplication app = builder.Build();
        try
        {
            GServiceApi.Map(app, store, presence, options);
            moreRoutes?.Invoke(app);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new GServiceHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops listening (open requests get a moment to finish) and releases the host; the store stays open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await app.StopAsync(grace.Token).ConfigureAwait(false);
        }

        await app.DisposeAsync().ConfigureAwait(false);
    }
}
