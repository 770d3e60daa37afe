#nullable enable
using System;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Diagnostics.PacketInspection;
using MQTTnet.Formatter;
using MQTTnet.Implementations;

namespace DeviceFirmware.Iot.Transport;

/// <summary>
/// MQTTnet's client adapter (TCP, optionally TLS, as <see cref="MqttClientAdapterFactory"/> builds it) with every packet
/// from the broker held to <see cref="MqttPacketLimits.MaxPacketBytes"/> by an <see cref="MqttPacketSizeGuard"/>: a
/// broker (or whoever answers in its place) that sends a larger packet loses the connection before its body is read,
/// and the firmware reconnects as after any drop. MQTTnet's client has no such option of its own.
/// </summary>
public sealed class LimitedMqttClientAdapterFactory : IMqttClientAdapterFactory
{
    private readonly int maxPacketBytes;
    private readonly Action<int, int>? refused;

    /// <summary>Holds packets to <paramref name="maxPacketBytes"/>; <paramref name="refused"/> hears of each refusal (declared length, limit).</summary>
    public LimitedMqttClientAdapterFactory(int maxPacketBytes = MqttPacketLimits.MaxPacketBytes, Action<int, int>? refused = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPacketBytes);
        this.maxPacketBytes = maxPacketBytes;
        this.refused = refused;
    }

    /// <inheritdoc/>
    public IMqttChannelAdapter CreateClientAdapter(MqttClientOptions options, MqttPacketInspector packetInspector, IMqttNetLogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ChannelOptions is not MqttClientTcpOptions) throw new NotSupportedException("only TCP (with or without TLS) is supported");
        var channel = new MqttPacketSizeGuard(new MqttTcpChannel(options), maxPacketBytes, maxPacketBytes, refused);
        var formatter = new MqttPacketFormatterAdapter(options.ProtocolVersion, new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
        return new MqttChannelAdapter(channel, formatter, logger)
        {
            AllowPacketFragmentation = options.AllowPacketFragmentation,
            PacketInspector = packetInspector,
        };
    }
}
