using System;
using System.Globalization;
using System.IO;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using MQTTnet.Diagnostics.Logger;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>
/// Routes MQTTnet's own log to an <see cref="ILogger"/>, Warning and above only. A client that fails the TLS
/// handshake or drops its socket mid-handshake is the client's problem, not the server's: MQTTnet logs those as
/// Error; here they become Warning so that "no unexpected errors" checks stay meaningful.
/// </summary>
internal sealed class MqttNetLogBridge(ILogger logger) : IMqttNetLogger
{
    public bool IsEnabled => logger.IsEnabled(LogLevel.Warning);

    public void Publish(MqttNetLogLevel level, string source, string message, object[] parameters, Exception exception)
    {
        if (level < MqttNetLogLevel.Warning) return;
        LogLevel target = level == MqttNetLogLevel.Error && !IsClientTransportFault(exception) ? LogLevel.Error : LogLevel.Warning;
        if (!logger.IsEnabled(target)) return;
        string text = message;
        if (parameters is { Length: > 0 })
        {
            try
            {
                text = string.Format(CultureInfo.InvariantCulture, message, parameters);
            }
            catch (FormatException)
            {
                // Keep the unformatted template rather than lose the entry.
            }
        }

        M2mLog.MqttNet(logger, target, source, Diagnostics.LogText.Safe(text), exception);
    }

    private static bool IsClientTransportFault(Exception? exception) =>
        exception is AuthenticationException or IOException || exception?.InnerException is AuthenticationException or IOException;
}
