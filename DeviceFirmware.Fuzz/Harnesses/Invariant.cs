using System;

namespace DeviceFirmware.Fuzz.Harnesses;

/// <summary>The harnesses' one way to fail: a named invariant that did not hold.</summary>
internal static class Invariant
{
    /// <summary>Throws <see cref="InvariantViolationException"/> with <paramref name="what"/> unless <paramref name="holds"/>.</summary>
    public static void Check(bool holds, string what)
    {
        if (!holds) throw new InvariantViolationException(what);
    }

    /// <summary>Checks that <paramref name="actual"/> has the same bytes as <paramref name="expected"/>.</summary>
    public static void SameBytes(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, string what)
    {
        if (!expected.SequenceEqual(actual))
        {
            throw new InvariantViolationException($"{what}: expected {Convert.ToHexString(expected)}, got {Convert.ToHexString(actual)}");
        }
    }
}
