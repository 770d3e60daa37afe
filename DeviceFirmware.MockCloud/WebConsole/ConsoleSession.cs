using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>
/// One signed-in browser: the App user's token (kept here, server-side: the browser holds only an opaque session id in
/// an HttpOnly cookie), a <see cref="GServiceClient"/> with that token, and an <see cref="AppClient"/> on M2M as that
/// user, whose events are fanned out to the user's open pages.
/// </summary>
internal sealed class ConsoleSession : IAsyncDisposable
{
    private readonly List<ConsoleStream> streams = new();
    private readonly ConcurrentDictionary<string, Product?> products = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> lastStatus = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private AppClient? app;
    private Task pump = Task.CompletedTask;
    private int disposed;

    public ConsoleSession(string userName, AppSession user, GServiceClient gservice)
    {
        UserName = userName;
        User = user;
        GService = gservice;
        Id = NewSecret();
        Csrf = NewSecret();
    }

    /// <summary>The cookie's value: 256 random bits.</summary>
    public string Id { get; }

    /// <summary>The anti-CSRF token the page echoes in <c>X-Console-Csrf</c> on every state-changing request.</summary>
    public string Csrf { get; }

    /// <summary>The name the user signed in with.</summary>
    public string UserName { get; }

    /// <summary>The user's uid and token (never sent to the browser).</summary>
    public AppSession User { get; }

    /// <summary>GService as this user.</summary>
    public GServiceClient GService { get; }

    /// <summary>M2M as this user (null until <see cref="ConnectAsync"/>).</summary>
    public AppClient App => app ?? throw new InvalidOperationException("not connected");

    /// <summary>True when the token has expired: the user signs in again.</summary>
    public bool IsExpired => User.ExpireAt <= DateTimeOffset.UtcNow;

    /// <summary>The product of a device this session added, or null.</summary>
    public Product? ProductOf(string did) => products.TryGetValue(did, out Product? product) ? product : null;

    /// <summary>The last status JSON seen for <paramref name="did"/> (what a page opened later starts from), or null.</summary>
    public string? LastStatus(string did) => lastStatus.TryGetValue(did, out string? json) ? json : null;

    /// <summary>Connects the App to M2M subscribed to <paramref name="devices"/>, and starts fanning its events out.</summary>
    public async Task ConnectAsync(AppClientOptions options, IReadOnlyDictionary<string, Product?> devices, CancellationToken cancel)
    {
        foreach (KeyValuePair<string, Product?> device in devices) products[device.Key] = device.Value;
        app = await AppClient.ConnectAsync(options, devices, null, cancel).ConfigureAwait(false);
        pump = Task.Run(() => PumpAsync(app, stop.Token), CancellationToken.None);
    }

    /// <summary>Subscribes a newly bound device.</summary>
    public async Task AddDeviceAsync(string did, Product? product, CancellationToken cancel)
    {
        products[did] = product;
        await App.AddDeviceAsync(did, product, cancel).ConfigureAwait(false);
    }

    /// <summary>Opens a stream for a page (of one device, or of all with null).</summary>
    public ConsoleStream Open(string? did)
    {
        var stream = new ConsoleStream(did);
        lock (streams) streams.Add(stream);
        return stream;
    }

    /// <summary>Closes a page's stream.</summary>
    public void Close(ConsoleStream stream)
    {
        lock (streams) streams.Remove(stream);
        stream.Complete();
    }

    /// <summary>True when a page of this session shows <paramref name="did"/> (its frame log wants M2M's frames).</summary>
    public bool Watches(string did)
    {
        lock (streams) return streams.Any(s => string.Equals(s.Did, did, StringComparison.Ordinal));
    }

    /// <summary>Sends an event to the pages showing <paramref name="did"/> (and to the device list when <paramref name="toList"/>).</summary>
    public void Publish(string? did, string name, string json, bool toList = true)
    {
        ConsoleStream[] open;
        lock (streams) open = streams.ToArray();
        foreach (ConsoleStream stream in open)
        {
            if (stream.Did == null && !toList) continue;
            stream.Offer(stream.Did == null ? null : did, name, json);
        }
    }

    /// <summary>Remembers a status (from the event stream or a reply) and shows it.</summary>
    public void PublishStatus(string did, string json)
    {
        lastStatus[did] = json;
        Publish(did, "status", json, toList: false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        await stop.CancelAsync().ConfigureAwait(false);
        if (app != null) await app.DisposeAsync().ConfigureAwait(false);
        try
        {
            await pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        lock (streams)
        {
            foreach (ConsoleStream stream in streams) stream.Complete();
            streams.Clear();
        }

        GService.Dispose();
        stop.Dispose();
    }

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private async Task PumpAsync(AppClient client, CancellationToken cancel)
    {
        await foreach (AppEvent e in client.ReadEventsAsync(cancel).ConfigureAwait(false))
        {
            (string Name, string Json)? described = ConsoleEventJson.Describe(e, ProductOf(e.Did));
            if (described is not { } shown) continue;
            if (e is DeviceStatusEvent) PublishStatus(e.Did, shown.Json);
            else Publish(e.Did, shown.Name, shown.Json, toList: e is DeviceOnlineEvent or SessionChangedEvent);
        }
    }
}
