namespace DeviceFirmware.Core.Dispatch
{
    /// <summary>The product's hook for P0 custom passthrough (0x05 in, 0x06 out).</summary>
    public interface ICustomCommandHandler
    {
        /// <summary>
        /// Handles <paramref name="count"/> product bytes; writes the answer's product bytes at
        /// <paramref name="replyOffset"/> (at most <paramref name="replyCapacity"/>) and returns their count,
        /// or -1 to send no answer (a 0x0093 is still answered, with a 0x06 carrying no product bytes). Returning more than
        /// <paramref name="replyCapacity"/> or throwing refuses the command: a 0x0093 is then answered with the unchanged status.
        /// </summary>
        int Handle(byte[] request, int offset, int count, byte[] reply, int replyOffset, int replyCapacity);
    }
}
