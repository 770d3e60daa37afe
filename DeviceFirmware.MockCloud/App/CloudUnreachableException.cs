using System;

namespace DeviceFirmware.MockCloud.App;

/// <summary>The cloud (GService or M2M) could not be reached at all: refused, unresolvable, or no answer in time.</summary>
public sealed class CloudUnreachableException : Exception
{
    /// <summary>Creates the exception for <paramref name="address"/>.</summary>
    /// <param name="address">What was dialled: a URL or HOST:PORT.</param>
    /// <param name="innerException">The network error.</param>
    public CloudUnreachableException(string address, Exception? innerException)
        : base($"cloud not reachable at {address}" + (innerException == null ? string.Empty : $": {innerException.Message}"), innerException)
    {
        Address = address;
    }

    /// <summary>What was dialled: a URL or HOST:PORT.</summary>
    public string Address { get; }
}
