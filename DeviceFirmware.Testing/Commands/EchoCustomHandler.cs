using System;
using DeviceFirmware.Core.Dispatch;

namespace DeviceFirmware.Testing.Commands;

/// <summary>A 0x05 (custom) handler that answers with as much of the request as fits (never "no answer"), so a test or the fuzzer reaches the 0x06 reply path.</summary>
public sealed class EchoCustomHandler : ICustomCommandHandler
{
    /// <inheritdoc/>
    public int Handle(byte[] request, int offset, int count, byte[] reply, int replyOffset, int replyCapacity)
    {
        int n = Math.Min(count, replyCapacity);
        Array.Copy(request, offset, reply, replyOffset, n);
        return n;
    }
}
