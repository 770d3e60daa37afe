using System;

namespace DeviceFirmware.Fuzz.Harnesses;

/// <summary>A harness invariant did not hold: a finding. The message says which one and with what values.</summary>
public sealed class InvariantViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvariantViolationException()
    {
    }

    /// <summary>Creates the exception with the broken invariant.</summary>
    public InvariantViolationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the broken invariant and its cause.</summary>
    public InvariantViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
