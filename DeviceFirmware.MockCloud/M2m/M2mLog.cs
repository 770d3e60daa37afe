using System;
using Microsoft.Extensions.Logging;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>The broker's log lines (one place, so none of them can carry a password, token or passcode).</summary>
internal static partial class M2mLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "M2M listening on {Endpoint} ({Transport})")]
    public static partial void Listening(ILogger logger, System.Net.IPEndPoint endpoint, string transport);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "M2M connect accepted: client id {ClientId} as {Kind} from {Remote} over MQTT {Version}")]
    public static partial void ConnectAccepted(ILogger logger, string clientId, M2mClientKind kind, string remote, string version);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "M2M connect refused: client id {ClientId}, user name {UserName} from {Remote}: {ReasonCode}, {Why}")]
    public static partial void ConnectRefused(ILogger logger, string clientId, string userName, string remote, MQTTnet.Protocol.MqttConnectReasonCode reasonCode, string why);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "M2M keep-alive of {ClientId} asked {Asked} s, treated as {Clamped} s")]
    public static partial void KeepAliveClamped(ILogger logger, string clientId, int asked, int clamped);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "M2M disconnected: {ClientId} ({Kind}), {How}")]
    public static partial void Disconnected(ILogger logger, string clientId, M2mClientKind kind, MQTTnet.Server.MqttClientDisconnectType how);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "M2M subscribe {ClientId} to {Filter}")]
    public static partial void SubscribeAccepted(ILogger logger, string clientId, string filter);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "M2M subscribe refused: {ClientId} to {Filter}: {Why}")]
    public static partial void SubscribeRefused(ILogger logger, string clientId, string filter, string why);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "M2M relay {Topic} from {ClientId}: {Frame}")]
    public static partial void Relayed(ILogger logger, string topic, string clientId, string frame);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning, Message = "M2M publish dropped: {ClientId} on {Topic}: {Why}")]
    public static partial void PublishRefused(ILogger logger, string clientId, string topic, string why);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Warning, Message = "M2M retained flag of {ClientId} on {Topic} ignored: nothing is retained")]
    public static partial void RetainIgnored(ILogger logger, string clientId, string topic);

    [LoggerMessage(EventId = 5030, Level = LogLevel.Warning, Message = "M2M disconnecting {ClientId}: more than {Max} PINGREQ in {Window}")]
    public static partial void PingFlood(ILogger logger, string clientId, int max, TimeSpan window);

    [LoggerMessage(EventId = 5040, Level = LogLevel.Information, Message = "M2M device {Did} {State}: 0x0092 on dev2app/{Did}")]
    public static partial void Presence(ILogger logger, string did, string state);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Error, Message = "M2M could not publish 0x0092 for {Did}")]
    public static partial void PresenceFailed(ILogger logger, string did, Exception exception);

    [LoggerMessage(EventId = 5050, Message = "MQTTnet {Source}: {Text}")]
    public static partial void MqttNet(ILogger logger, LogLevel level, string source, string text, Exception? exception);

    [LoggerMessage(EventId = 5070, Level = LogLevel.Warning, Message = "M2M relayed-frame observer failed")]
    public static partial void ObserverFailed(ILogger logger, Exception exception);
    [LoggerMessage(EventId = 5060, Level = LogLevel.Warning, Message = "M2M refusing connections from {Address}: more than {Max} open")]
    public static partial void AddressLimit(ILogger logger, string address, int max);

    [LoggerMessage(EventId = 5061, Level = LogLevel.Warning, Message = "M2M closed {Remote}: a packet of {Declared} bytes declared, limit {Limit}")]
    public static partial void PacketTooLarge(ILogger logger, string remote, int declared, int limit);

    [LoggerMessage(EventId = 5062, Level = LogLevel.Information, Message = "M2M connection {Remote} closed by the transport ({Why})")]
    public static partial void TransportClosed(ILogger logger, string remote, string why);

    [LoggerMessage(EventId = 5063, Level = LogLevel.Warning, Message = "M2M message on {Topic} not delivered to {ClientId}: {Why}")]
    public static partial void DeliveryRefused(ILogger logger, string topic, string clientId, string why);

    [LoggerMessage(EventId = 5064, Level = LogLevel.Information, Message = "M2M unsubscribed {ClientId} from dev2app/{Did}: uid {Uid} unbound")]
    public static partial void Revoked(ILogger logger, string clientId, string did, string uid);

    [LoggerMessage(EventId = 5065, Level = LogLevel.Warning, Message = "M2M disconnecting {ClientId}: its token is no longer valid")]
    public static partial void TokenRevoked(ILogger logger, string clientId);

    [LoggerMessage(EventId = 5066, Level = LogLevel.Error, Message = "M2M connection {Remote} failed")]
    public static partial void TransportFailed(ILogger logger, string remote, Exception exception);
}
