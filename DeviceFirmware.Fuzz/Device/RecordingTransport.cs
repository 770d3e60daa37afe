using System;
using System.Collections.Generic;
using DeviceFirmware.Core.Messaging;

namespace DeviceFirmware.Fuzz.Device;

/// <summary>An always-online MQTT transport that keeps a copy of every publish.</summary>
public sealed class RecordingTransport : IMqttTransport
{
    /// <summary>Every publish, in order.</summary>
    public List<(string Topic, byte[] Payload)> Published { get; } = new();

    /// <inheritdoc/>
    public void BeginConnect(string clientId, string userName, string password, int keepAliveSeconds, string subscribeTopic)
    {
    }

    /// <inheritdoc/>
    public void AbortConnect()
    {
    }

    /// <inheritdoc/>
    public void SendPing()
    {
    }

    /// <inheritdoc/>
    public void Disconnect()
    {
    }

    /// <inheritdoc/>
    public bool Publish(string topic, byte[] payload, int offset, int count)
    {
        Published.Add((topic, payload.AsSpan(offset, count).ToArray()));
        return true;
    }
}
