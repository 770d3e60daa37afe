using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Tests.MockCloud.M2m;

namespace DeviceFirmware.Tests.MockCloud.App;

/// <summary>Collects an <see cref="AppClient"/>'s events in the background so tests can wait for one.</summary>
internal sealed class AppEventLog : IAsyncDisposable
{
    private readonly ConcurrentQueue<AppEvent> seen = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task reader;

    public AppEventLog(AppClient client)
    {
        reader = Task.Run(async () =>
        {
            try
            {
                await foreach (AppEvent e in client.ReadEventsAsync(stop.Token)) seen.Enqueue(e);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        });
    }

    public AppEvent[] All => seen.ToArray();

    public async Task<T> WaitForAsync<T>(Func<T, bool> match, string what)
        where T : AppEvent
    {
        T? found = null;
        await Eventually.True(() => (found = seen.OfType<T>().FirstOrDefault(match)) != null, what + "; events so far: " + string.Join(" | ", seen.Select(e => e.ToString())));
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await reader;
        stop.Dispose();
    }
}
