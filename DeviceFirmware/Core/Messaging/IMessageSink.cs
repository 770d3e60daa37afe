namespace DeviceFirmware.Core.Messaging
{
    /// <summary>
    /// The transport seam (coreMQTT's transport interface): the core hands over a finished frame and a topic.
    /// Implementations publish at QoS 0 and must copy the bytes before returning, since the core reuses its buffers.
    /// </summary>
    public interface IMessageSink
    {
        /// <summary>Publishes <paramref name="count"/> bytes at <paramref name="offset"/> on <paramref name="topic"/>; false when not connected or the send failed.</summary>
        bool Publish(string topic, byte[] payload, int offset, int count);
    }
}
