using System;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.MockCloud.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeviceFirmware.MockCloud.GService;

/// <summary>The GService HTTP API of docs/protocol.md §7 as ASP.NET Core minimal-API endpoints.</summary>
public static class GServiceApi
{
    /// <summary>The log category of GService's lines.</summary>
    public const string LogCategory = "DeviceFirmware.MockCloud.GService";

    /// <summary>
    /// Maps <c>POST /app/users</c>, <c>POST /app/login</c>, <c>POST|DELETE|GET /app/bindings</c>, <c>POST|DELETE /dev/devices</c>
    /// and <c>GET /dev/devices/{did}</c> onto <paramref name="endpoints"/>. Logs through the host's <see cref="ILoggerFactory"/>.
    /// </summary>
    /// <param name="endpoints">The app (or route group) to map onto.</param>
    /// <param name="store">Accounts and devices.</param>
    /// <param name="presence">Which devices M2M holds now (<c>is_online</c>).</param>
    /// <param name="options">The advertised M2M address and limits, read per request.</param>
    public static void Map(IEndpointRouteBuilder endpoints, CloudStore store, IDevicePresence presence, GServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(presence);
        ArgumentNullException.ThrowIfNull(options);
        ILoggerFactory loggers = endpoints.ServiceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var api = new GServiceEndpoints(store, presence, options, loggers.CreateLogger(LogCategory));
        endpoints.MapPost("/app/users", api.Guard(api.RegisterUserAsync));
        endpoints.MapPost("/app/login", api.Guard(api.LoginAsync));
        endpoints.MapPost("/app/bindings", api.Guard(api.BindAsync));
        endpoints.MapDelete("/app/bindings", api.Guard(api.UnbindAsync));
        endpoints.MapGet("/app/bindings", api.Guard(api.ListBindingsAsync));
        endpoints.MapPost("/dev/devices", api.Guard(api.RegisterDeviceAsync));
        endpoints.MapDelete("/dev/devices", api.Guard(api.ReleaseDeviceAsync));
        endpoints.MapGet("/dev/devices/{did}", api.Guard(api.ProvisionAsync));
    }
}
