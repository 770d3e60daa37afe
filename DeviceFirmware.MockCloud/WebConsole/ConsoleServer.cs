using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.Protocol.P0;
using Microsoft.AspNetCore.Routing;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>
/// The web console (<c>/console</c>) inside the mock cloud's GService host: static pages plus a small JSON API and
/// server-sent events. Each signed-in browser is an App user of the cloud: it signs in through GService's own
/// <c>/app/login</c> (<see cref="App.GServiceClient"/>) and watches and drives its bound devices through M2M with an
/// <see cref="App.AppClient"/>; the frame log reads what M2M relayed (<see cref="M2mBroker.FrameRelayed"/>).
/// </summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    /// <summary>The path the console is served at.</summary>
    public const string BasePath = "/console";

    private readonly M2mBroker broker;
    private readonly ConcurrentDictionary<string, ConsoleSession> sessions = new(StringComparer.Ordinal);
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private readonly CancellationTokenSource stopping = new();
    private readonly object watchGate = new();
    private int watchers;
    private int disposed;

    /// <summary>A console over <paramref name="broker"/>; it listens once <see cref="Map"/> has put it on a host.</summary>
    public ConsoleServer(M2mBroker broker, ConsoleOptions options)
    {
        this.broker = broker ?? throw new ArgumentNullException(nameof(broker));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Board = new BoardProxy();
    }

    /// <summary>The console's settings (boards may be added while it runs).</summary>
    public ConsoleOptions Options { get; }

    /// <summary>GService's own base address, which sign-in calls (set once GService listens).</summary>
    public Uri? GService { get; set; }

    internal BoardProxy Board { get; }

    internal HttpClient Http => http;

    internal CancellationToken Stopping => stopping.Token;

    internal ConcurrentDictionary<string, ConsoleSession> Sessions => sessions;

    /// <summary>Maps the console's pages, assets and API under <see cref="BasePath"/>.</summary>
    public void Map(IEndpointRouteBuilder endpoints) => ConsoleEndpoints.Map(endpoints, this);

    /// <summary>The product of <paramref name="productKey"/>, or null when the console was not given it.</summary>
    internal Product? ProductOf(string productKey) => Options.Products.TryGetValue(productKey, out Product? product) ? product : null;

    /// <summary>
    /// A device page opened its frame log: from the first one on, M2M hands every relayed frame to the console (and
    /// copies it); after the last one closes, it stops, so a cloud nobody watches pays nothing for the console.
    /// </summary>
    internal void StartWatching()
    {
        lock (watchGate)
        {
            if (watchers++ == 0) broker.FrameRelayed += OnFrameRelayed;
        }
    }

    /// <summary>A device page's frame log closed.</summary>
    internal void StopWatching()
    {
        lock (watchGate)
        {
            if (watchers > 0 && --watchers == 0) broker.FrameRelayed -= OnFrameRelayed;
        }
    }

    /// <summary>Ends every page's stream and signs every session out of M2M.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        lock (watchGate)
        {
            if (watchers > 0) broker.FrameRelayed -= OnFrameRelayed;
            watchers = 0;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        foreach (ConsoleSession session in sessions.Values) await session.DisposeAsync().ConfigureAwait(false);
        sessions.Clear();
        http.Dispose();
        Board.Dispose();
        stopping.Dispose();
    }

    private void OnFrameRelayed(RelayedFrame frame)
    {
        string? did = ConsoleFrameLog.DidOf(frame.Topic);
        if (did == null) return;
        foreach (ConsoleSession session in sessions.Values)
        {
            if (!session.Watches(did)) continue;
            session.Publish(did, "frame", ConsoleFrameLog.Describe(frame, did, session.ProductOf(did)), toList: false);
        }
    }
}
