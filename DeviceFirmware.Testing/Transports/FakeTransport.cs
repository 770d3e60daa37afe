using System;
using System.Collections.Generic;
using DeviceFirmware.Core.Messaging;

namespace DeviceFirmware.Testing.Transports;

/// <summary>
/// The core's MQTT transport (and, as every <see cref="IMqttTransport"/> is one, its <see cref="IMessageSink"/>): counts
/// and journals every call, keeps a copy of every publish while <see cref="Record"/>, and reports a publish as sent
/// while <see cref="Online"/>. With <see cref="Record"/> false and a muted <see cref="Journal"/> a publish allocates
/// nothing (allocation tests, benchmarks).
/// </summary>
public sealed class FakeTransport : IMqttTransport
{
    private readonly Journal journal;

    /// <summary>Journals into <paramref name="journal"/> (shared with the other fakes), or into its own.</summary>
    public FakeTransport(Journal? journal = null) => this.journal = journal ?? new Journal();

    /// <summary>Every connect asked for, in order.</summary>
    public List<(string ClientId, string UserName, string Password, int KeepAlive, string Topic)> Connects { get; } = new();

    /// <summary>A copy of every publish while <see cref="Record"/>, in order.</summary>
    public List<(string Topic, byte[] Payload)> Published { get; } = new();

    /// <summary>What <see cref="Publish"/> returns; <see cref="Disconnect"/> clears it. Starts offline.</summary>
    public bool Online { get; set; }

    /// <summary>False keeps only <see cref="PublishCount"/>: a publish then allocates nothing.</summary>
    public bool Record { get; set; } = true;

    /// <summary>Calls of <see cref="AbortConnect"/>.</summary>
    public int Aborts { get; private set; }

    /// <summary>Calls of <see cref="SendPing"/>.</summary>
    public int Pings { get; private set; }

    /// <summary>Calls of <see cref="Disconnect"/>.</summary>
    public int Disconnects { get; private set; }

    /// <summary>Calls of <see cref="Publish"/>, recorded or not, sent or not.</summary>
    public int PublishCount { get; private set; }

    /// <inheritdoc/>
    public void BeginConnect(string clientId, string userName, string password, int keepAliveSeconds, string subscribeTopic)
    {
        Connects.Add((clientId, userName, password, keepAliveSeconds, subscribeTopic));
        journal.Add("mqtt connect");
    }

    /// <inheritdoc/>
    public void AbortConnect()
    {
        Aborts++;
        journal.Add("mqtt abort");
    }

    /// <inheritdoc/>
    public void SendPing()
    {
        Pings++;
        journal.Add("mqtt ping");
    }

    /// <inheritdoc/>
    public void Disconnect()
    {
        Disconnects++;
        Online = false;
        journal.Add("mqtt disconnect");
    }

    /// <inheritdoc/>
    public bool Publish(string topic, byte[] payload, int offset, int count)
    {
        PublishCount++;
        if (Record) Published.Add((topic, payload.AsSpan(offset, count).ToArray()));
        return Online;
    }
}
