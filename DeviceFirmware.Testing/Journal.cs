using System;
using System.Collections.Generic;

namespace DeviceFirmware.Testing;

/// <summary>One ordered record of what every fake saw, so tests can check what happened before what.</summary>
public sealed class Journal
{
    /// <summary>Every entry, oldest first.</summary>
    public List<string> Entries { get; } = new();

    /// <summary>False mutes the journal (allocation tests, benchmarks, fuzzing): nothing is added.</summary>
    public bool Record { get; set; } = true;

    /// <summary>Adds <paramref name="entry"/> while <see cref="Record"/>. Callers that format an entry check <see cref="Record"/> first, so a muted journal allocates nothing.</summary>
    public void Add(string entry)
    {
        if (Record) Entries.Add(entry);
    }

    /// <summary>The index of the first entry that matches, or -1.</summary>
    public int IndexOf(Predicate<string> match) => Entries.FindIndex(match);
}
