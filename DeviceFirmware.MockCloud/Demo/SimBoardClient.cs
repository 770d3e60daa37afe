using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DeviceFirmware.MockCloud.Demo;

/// <summary>The simulated board's control API (the firmware's <c>--sim-control</c>), for the demo's "what the pins did".</summary>
internal sealed class SimBoardClient : IDisposable
{
    private readonly HttpClient http;

    public SimBoardClient(Uri baseAddress) => http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };

    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>A pin's level (for PWM: whether its duty cycle is above 0).</summary>
    public async Task<bool> LevelAsync(int pin, CancellationToken cancel)
    {
        using JsonDocument json = JsonDocument.Parse(await http.GetStringAsync(new Uri($"pins/{pin}", UriKind.Relative), cancel).ConfigureAwait(false));
        return json.RootElement.GetProperty("level").GetBoolean();
    }

    public Task PressAsync(int pin, CancellationToken cancel) => SendAsync(HttpMethod.Post, $"pins/{pin}/press", null, cancel);

    public Task ReleaseAsync(int pin, CancellationToken cancel) => SendAsync(HttpMethod.Post, $"pins/{pin}/release", null, cancel);

    public Task SetClimateAsync(double celsius, double humidity, CancellationToken cancel) =>
        SendAsync(HttpMethod.Put, "sensor", FormattableString.Invariant($"{{\"temperature\":{celsius},\"humidity\":{humidity}}}"), cancel);

    public void Dispose() => http.Dispose();

    private async Task SendAsync(HttpMethod method, string path, string? json, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(json ?? "", Encoding.UTF8, "application/json") };
        using HttpResponseMessage response = await http.SendAsync(request, cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"sim-control {method} /{path}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false)}");
    }
}
