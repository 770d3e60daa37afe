#nullable enable
using System;

namespace DeviceFirmware.Iot.Simulation;

/// <summary>
/// The last N level changes of one pin: a ring, so a demo that toggles a relay all day keeps a fixed amount of
/// memory. Not thread-safe; the driver guards it with its lock.
/// </summary>
internal sealed class PinHistory
{
    private readonly PinChange[] items;
    private int start;
    private int count;

    internal PinHistory(int capacity)
    {
        items = new PinChange[capacity];
    }

    internal void Add(PinChange change)
    {
        if (count < items.Length)
        {
            items[(start + count) % items.Length] = change;
            count++;
            return;
        }

        // Full: overwrite the oldest.
        items[start] = change;
        start = (start + 1) % items.Length;
    }

    internal PinChange[] ToArray()
    {
        var copy = new PinChange[count];
        for (int i = 0; i < count; i++)
        {
            copy[i] = items[(start + i) % items.Length];
        }

        return copy;
    }

    internal static PinChange[] Empty => Array.Empty<PinChange>();
}
