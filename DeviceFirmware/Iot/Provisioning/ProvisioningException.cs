#nullable enable
using System;

namespace DeviceFirmware.Iot.Provisioning;

/// <summary>GService refused or garbled a registration or provisioning answer; the message says which and why.</summary>
public sealed class ProvisioningException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProvisioningException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ProvisioningException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public ProvisioningException()
    {
    }
}
