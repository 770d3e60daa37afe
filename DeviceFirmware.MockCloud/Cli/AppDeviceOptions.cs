using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Core.Messaging;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.MockCloud.Cli;

/// <summary>
/// The options every M2M verb (send, settings, watch) takes, and how they become a connected <see cref="AppClient"/>:
/// the device must be in the user's bindings; the product is <c>--product</c> or found by the device's product key;
/// M2M is <c>--m2m</c>, else the address saved at login, else the one the bindings list gives.
/// </summary>
internal sealed class AppDeviceOptions
{
    public Option<string> Did { get; } = AppCli.DidOption();

    public Option<string> Product { get; } = new("--product") { Description = "the product JSON (default: hardware/products/*.json with the device's product_key)" };

    public Option<string> M2m { get; } = new("--m2m") { Description = "M2M HOST:PORT (default: from login, else from the bindings list)" };

    public Option<bool> Tls { get; } = new("--tls") { Description = "connect to M2M over TLS (the bindings list's port_s)" };

    public Option<string> Ca { get; } = new("--ca") { Description = "with --tls: PEM certificate the broker's must chain to or be (e.g. the mock cloud's)" };

    public Option<string> MqttVersionOption { get; } = new("--mqtt-version") { Description = "MQTT version of CONNECT: 3.1 (default, MQIsdp as the real cloud's agents) or 3.1.1" };

    public Option<double> Timeout { get; } = new("--timeout") { Description = "seconds to wait for the device's answer (default 10)", DefaultValueFactory = _ => 10 };

    public Option<string> Session { get; } = AppCli.SessionOption();

    public void AddTo(Command command)
    {
        command.Add(Did);
        command.Add(Product);
        command.Add(M2m);
        command.Add(Tls);
        command.Add(Ca);
        command.Add(MqttVersionOption);
        command.Add(Timeout);
        command.Add(Session);
    }

    /// <summary>Looks the device up in the bindings and loads its product; <see cref="AppTarget.ConnectAsync"/> then connects.</summary>
    public async Task<AppTarget> ResolveAsync(AppCli cli, ParseResult result, bool productRequired, CancellationToken cancel)
    {
        string did = result.GetRequiredValue(Did);
        double seconds = result.GetValue(Timeout);
        if (!(seconds > 0 && seconds <= 3600)) throw new AppCliException(ExitCodes.Error, "--timeout must be more than 0 and at most 3600 seconds");
        AppSessionFile session = AppCli.RequireSession(AppCli.SessionPath(result, Session));

        IReadOnlyList<BoundDeviceInfo> bindings;
        using (GServiceClient gservice = AppCli.GService(session))
        {
            bindings = await gservice.ListBindingsAsync(1000, 0, true, cancel).ConfigureAwait(false);
        }

        BoundDeviceInfo? binding = null;
        foreach (BoundDeviceInfo candidate in bindings)
        {
            if (candidate.Did == did) binding = candidate;
        }

        if (binding == null) throw new AppCliException(ExitCodes.NotBound, $"device {did} is not bound to this user (see 'gizctl app devices'; bind it with 'gizctl app bind')");
        if (!binding.IsOnline) cli.Err.WriteLine($"warning: device {did} is offline");

        Product? product = LoadProduct(result, binding);
        if (product == null && productRequired)
        {
            throw new AppCliException(ExitCodes.Error, $"no product file has product_key {binding.ProductKey}: give --product FILE");
        }

        string versionText = result.GetValue(MqttVersionOption) ?? "3.1";
        if (!MqttVersions.TryParse(versionText, out MqttVersion version)) throw new AppCliException(ExitCodes.Error, $"--mqtt-version: '{versionText}' is not 3.1 or 3.1.1");
        bool tls = result.GetValue(Tls);
        string? address = result.GetValue(M2m) ?? session.M2m;
        (string host, int port) = address != null ? AppM2mAddress.Parse(address) : (binding.Host, tls ? binding.PortS : binding.Port);
        var options = new AppClientOptions
        {
            Host = host,
            Port = port,
            AppId = session.AppId,
            Uid = session.Uid,
            Token = session.Token,
            Tls = tls,
            MqttVersion = version,
            TrustedCertificateFile = result.GetValue(Ca),
            ReplyTimeout = TimeSpan.FromSeconds(seconds),
        };
        return new AppTarget(binding, product, options);
    }

    private Product? LoadProduct(ParseResult result, BoundDeviceInfo binding)
    {
        string? path = result.GetValue(Product);
        if (path == null) return AppProductLocator.Find(binding.ProductKey);
        Product product;
        try
        {
            product = ProductJson.Load(path);
        }
        catch (Exception e) when (e is ProductException or System.IO.IOException or UnauthorizedAccessException)
        {
            throw new AppCliException(ExitCodes.Error, $"--product {path}: {e.Message}");
        }

        if (!string.IsNullOrEmpty(product.ProductKey) && product.ProductKey != binding.ProductKey)
        {
            throw new AppCliException(ExitCodes.Error, string.Format(CultureInfo.InvariantCulture, "--product {0} is product_key {1}, but device {2} is {3}", path, product.ProductKey, binding.Did, binding.ProductKey));
        }

        return product;
    }
}

/// <summary>The device's binding, its product (null when unknown), and how to reach M2M.</summary>
internal sealed record AppTarget(BoundDeviceInfo Binding, Product? Product, AppClientOptions Options)
{
    /// <summary>Connects an App that watches this device; the caller disposes it.</summary>
    public Task<AppClient> ConnectAsync(CancellationToken cancel) =>
        AppClient.ConnectAsync(Options, [new KeyValuePair<string, Product?>(Binding.Did, Product)], null, cancel);
}
