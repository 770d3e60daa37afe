using System;
using System.Collections.Generic;

namespace DeviceFirmware.Fuzz.Harnesses;

/// <summary>The harnesses by name, as <c>build/fuzz/run.sh &lt;harness&gt;</c> and the smoke tests name them.</summary>
public static class HarnessCatalog
{
    /// <summary>Every harness name: frame, p0, identity, dispatcher (counting pins), dispatcher-sim (simulated board).</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "frame", "p0", "identity", "dispatcher", "dispatcher-sim" };

    /// <summary>A new harness; throws <see cref="ArgumentException"/> for an unknown name.</summary>
    public static IFuzzHarness Create(string name) => name switch
    {
        "frame" => new FrameHarness(),
        "p0" => new P0Harness(),
        "identity" => new IdentityHarness(),
        "dispatcher" => new DispatcherHarness(simulatedBoard: false),
        "dispatcher-sim" => new DispatcherHarness(simulatedBoard: true),
        _ => throw new ArgumentException($"unknown harness \"{name}\"; one of: {string.Join(", ", Names)}", nameof(name)),
    };
}
