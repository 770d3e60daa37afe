#nullable enable
using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Iot.Config;

namespace DeviceFirmware.Iot.Simulation;

/// <summary>
/// Serves a <see cref="SimulatedBoard"/>'s control surface as a small JSON HTTP API (<c>--sim-control HOST:PORT</c>),
/// with <see cref="HttpListener"/> so the firmware needs no web framework. Loopback only unless explicitly allowed:
/// anyone who reaches it can press the device's buttons. Requests are served one at a time.
/// </summary>
/// <remarks>
/// Routes: <c>GET /pins</c>, <c>GET /pins/{n}</c> (with history), <c>POST /pins/{n}/press</c>,
/// <c>POST /pins/{n}/release</c>, <c>PUT /pins/{n}</c> <c>{"level": true|false|null}</c>, <c>GET /sensor</c>,
/// <c>PUT /sensor</c> <c>{"temperature": t, "humidity": h}</c>, <c>POST /sensor/fail</c>, <c>POST /sensor/recover</c>.
/// Errors are <c>{"error": "..."}</c> with 400 (bad pin number, driving an output, bad JSON or values),
/// 403 (a cross-origin request or a foreign Host: <see cref="SimControlRequestGuard"/>), 404 (no such GPIO or route),
/// 405 (wrong method, with <c>Allow</c>), 413 (body over 4 KiB), 415 (POST or PUT without <c>Content-Type: application/json</c>).
/// </remarks>
public sealed class SimControlServer : IAsyncDisposable
{
    /// <summary>The largest request body accepted, in bytes.</summary>
    public const int MaxBodyBytes = 4096;

    private const int PortAttempts = 20;

    private readonly SimControlApi api;
    private readonly string host;
    private readonly int requestedPort;
    private readonly CancellationTokenSource stopping = new();
    private HttpListener? listener;
    private Task? serving;

    /// <summary>Prepares a server for <paramref name="board"/> on <paramref name="host"/>:<paramref name="port"/>; <see cref="Start"/> binds it.</summary>
    /// <param name="board">The board to control.</param>
    /// <param name="host"><c>127.0.0.1</c>, <c>::1</c> or <c>localhost</c>; another host (e.g. <c>0.0.0.0</c>) only with <paramref name="allowNonLoopback"/>.</param>
    /// <param name="port">The TCP port, or 0 for a free one (see <see cref="Port"/> after <see cref="Start"/>).</param>
    /// <param name="allowNonLoopback">Allow a host other than loopback.</param>
    /// <exception cref="ArgumentException">A non-loopback host without <paramref name="allowNonLoopback"/>, or an empty host.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The port is outside 0..65535.</exception>
    public SimControlServer(SimulatedBoard board, string host, int port, bool allowNonLoopback = false)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        host = host.Trim('[', ']');
        if (!allowNonLoopback && !IsLoopback(host))
        {
            throw new ArgumentException($"The simulation control API serves loopback only (127.0.0.1, ::1, localhost), not '{host}': anyone who reaches it can press the device's buttons.", nameof(host));
        }

        api = new SimControlApi(board);
        this.host = host;
        requestedPort = port;
    }

    /// <summary>The bound port once started (the free one found for port 0), else the requested port.</summary>
    public int Port { get; private set; }

    /// <summary>The base address once started, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>True for <c>localhost</c> and loopback addresses (127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host = host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address));
    }

    /// <summary>Parses <c>HOST:PORT</c> (<c>127.0.0.1:8081</c>, <c>localhost:0</c>, <c>[::1]:8081</c>) as given to <c>--sim-control</c>.</summary>
    /// <returns>False with a specific <paramref name="error"/> when the text is not HOST:PORT with a port 0..65535.</returns>
    public static bool TryParseEndpoint(string? text, out string host, out int port, out string? error)
    {
        bool parsed = HostPort.TryParse(text, listening: true, out HostPort value, out string reason);
        host = parsed ? value.Host : string.Empty;
        port = value.Port;
        error = parsed ? null : reason;
        return parsed;
    }

    /// <summary>Binds the port (for port 0, a free one, retrying if another process takes it first) and starts serving.</summary>
    /// <exception cref="InvalidOperationException">Already started or stopped.</exception>
    /// <exception cref="HttpListenerException">The port cannot be bound.</exception>
    public void Start()
    {
        if (listener is not null || stopping.IsCancellationRequested)
        {
            throw new InvalidOperationException("The simulation control server was already started.");
        }

        string prefixHost = host == "0.0.0.0" || host == "*" || host == "+" ? "+"
            : host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        for (int attempt = 1; ; attempt++)
        {
            // HttpListener cannot bind port 0, so ask the OS for a free port first; another process may take it
            // before HttpListener binds it, hence the retries.
            int port = requestedPort != 0 ? requestedPort : FreePort();
            var candidate = new HttpListener();
            candidate.Prefixes.Add($"http://{prefixHost}:{port.ToString(CultureInfo.InvariantCulture)}/");

            // HttpListener matches the Host header: "curl localhost:PORT" must reach a server bound to 127.0.0.1, and back.
            if (prefixHost is "127.0.0.1" or "localhost")
            {
                string other = prefixHost == "localhost" ? "127.0.0.1" : "localhost";
                candidate.Prefixes.Add($"http://{other}:{port.ToString(CultureInfo.InvariantCulture)}/");
            }
            try
            {
                candidate.Start();
            }
            catch (HttpListenerException) when (requestedPort == 0 && attempt < PortAttempts)
            {
                candidate.Close();
                continue;
            }
            catch
            {
                candidate.Close();
                throw;
            }

            listener = candidate;
            Port = port;
            string uriHost = prefixHost == "+" ? "127.0.0.1" : prefixHost;
            BaseAddress = new Uri($"http://{uriHost}:{port.ToString(CultureInfo.InvariantCulture)}/");
            serving = Task.Run(() => ServeAsync(candidate, stopping.Token));
            return;
        }
    }

    /// <summary>Stops accepting requests and waits for the one being served.</summary>
    public async Task StopAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        listener?.Stop();
        if (serving is not null)
        {
            await serving.ConfigureAwait(false);
        }

        listener?.Close();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    private int FreePort()
    {
        IPAddress address = IPAddress.TryParse(host, out IPAddress? parsed) ? parsed
            : host.Contains(':', StringComparison.Ordinal) ? IPAddress.IPv6Loopback
            : IsLoopback(host) ? IPAddress.Loopback : IPAddress.Any;
        var probe = new TcpListener(address, 0);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }

    private async Task ServeAsync(HttpListener http, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await http.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Stop() ends the pending accept this way.
                return;
            }

            await ServeOneAsync(context).ConfigureAwait(false);
        }
    }

    private async Task ServeOneAsync(HttpListenerContext context)
    {
        SimControlResponse response;
        try
        {
            HttpListenerRequest request = context.Request;
            SimControlResponse? refused = SimControlRequestGuard.Check(
                request.HttpMethod, request.Headers["Origin"], request.Headers["Sec-Fetch-Site"], request.Headers["Host"], request.ContentType, Port, IsLoopback(host));
            byte[]? body = refused is null ? await ReadBodyAsync(request).ConfigureAwait(false) : [];
            response = refused ?? (body is null
                ? SimControlApi.Error(413, $"The body is larger than {MaxBodyBytes} bytes.")
                : api.Handle(request.HttpMethod, request.Url?.AbsolutePath ?? "/", body));
        }
#pragma warning disable CA1031 // One bad request (or a throwing pin callback) must not stop the server; the client gets a 500 with the reason.
        catch (Exception e)
#pragma warning restore CA1031
        {
            response = SimControlApi.Error(500, $"{e.GetType().Name}: {e.Message}");
        }

        try
        {
            HttpListenerResponse http = context.Response;
            http.StatusCode = response.StatusCode;
            http.ContentType = "application/json; charset=utf-8";
            if (response.Allow is not null)
            {
                http.Headers["Allow"] = response.Allow;
            }

            http.ContentLength64 = response.Json.Length;
            await http.OutputStream.WriteAsync(response.Json).ConfigureAwait(false);
            http.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away; nothing to tell it.
        }
    }

    // Null when the body is over the limit.
    private static async Task<byte[]?> ReadBodyAsync(HttpListenerRequest request)
    {
        if (request.ContentLength64 > MaxBodyBytes)
        {
            return null;
        }

        using var memory = new MemoryStream();
        var chunk = new byte[1024];
        Stream input = request.InputStream;
        int read;
        while ((read = await input.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            if (memory.Length + read > MaxBodyBytes)
            {
                return null;
            }

            memory.Write(chunk, 0, read);
        }

        return memory.ToArray();
    }
}
