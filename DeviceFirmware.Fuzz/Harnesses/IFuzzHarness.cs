namespace DeviceFirmware.Fuzz.Harnesses;

/// <summary>
/// One fuzz target. <see cref="Run"/> takes any bytes, feeds them to the code under test and checks its invariants;
/// it returns normally when they hold and throws <see cref="InvariantViolationException"/> (or lets the code's own
/// exception escape) when they do not, which AFL records as a crash.
/// </summary>
public interface IFuzzHarness
{
    /// <summary>The name chosen on the command line (<c>frame</c>, <c>p0</c>, <c>identity</c>, <c>dispatcher</c>).</summary>
    string Name { get; }

    /// <summary>Runs one input. Deterministic: the same bytes always give the same result.</summary>
    void Run(byte[] data);
}
