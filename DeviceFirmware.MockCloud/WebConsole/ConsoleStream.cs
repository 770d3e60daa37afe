using System;
using System.Threading.Channels;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>
/// One open page's server-sent-event stream: the events of one device (a device page) or of all the user's devices
/// (the device list). Bounded: a page that stops reading loses the oldest events, never the server's memory.
/// </summary>
internal sealed class ConsoleStream
{
    private readonly Channel<string> queue = Channel.CreateBounded<string>(new BoundedChannelOptions(1024)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    /// <summary>A stream of <paramref name="did"/>'s events, or of every device's when null.</summary>
    public ConsoleStream(string? did) => Did = did;

    /// <summary>The device this stream is about, or null for all.</summary>
    public string? Did { get; }

    /// <summary>The SSE messages (<c>event: …\ndata: …\n\n</c>) waiting to be written.</summary>
    public ChannelReader<string> Reader => queue.Reader;

    /// <summary>Queues event <paramref name="name"/> with JSON <paramref name="json"/> when it is about this stream's device.</summary>
    public void Offer(string? did, string name, string json)
    {
        if (Did != null && !string.Equals(Did, did, StringComparison.Ordinal)) return;
        queue.Writer.TryWrite($"event: {name}\ndata: {json}\n\n");
    }

    /// <summary>Ends the stream (sign-out, shutdown).</summary>
    public void Complete() => queue.Writer.TryComplete();
}
