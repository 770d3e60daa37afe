using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>
/// The board panel's way to the simulated board's control API: server-side only (the browser never talks to the
/// board). It sends no Origin header, and every POST/PUT carries <c>Content-Type: application/json</c> with a JSON
/// body (<c>{}</c> when the route takes none), as the hardened control API requires.
/// </summary>
internal sealed class BoardProxy : IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The board's answer: its HTTP status and JSON body.</summary>
    public readonly record struct Answer(int Status, string Json);

    /// <summary>GET <paramref name="path"/> on the board.</summary>
    public Task<Answer> GetAsync(Uri board, string path, CancellationToken cancel) => SendAsync(HttpMethod.Get, board, path, null, cancel);

    /// <summary>POST or PUT <paramref name="json"/> (null: <c>{}</c>) to <paramref name="path"/> on the board.</summary>
    public Task<Answer> ChangeAsync(HttpMethod method, Uri board, string path, string? json, CancellationToken cancel) =>
        SendAsync(method, board, path, json ?? "{}", cancel);

    public void Dispose() => http.Dispose();

    private async Task<Answer> SendAsync(HttpMethod method, Uri board, string path, string? json, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, new Uri(board, path));
        if (json != null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        try
        {
            using HttpResponseMessage response = await http.SendAsync(request, cancel).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
            return new Answer((int)response.StatusCode, IsJson(body) ? body : JsonSerializer.Serialize(new { error = body }));
        }
        catch (HttpRequestException e)
        {
            throw new ConsoleProblem(502, $"the simulated board at {board} does not answer: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new ConsoleProblem(504, $"the simulated board at {board} did not answer within 5 s");
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
