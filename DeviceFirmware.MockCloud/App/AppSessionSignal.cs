using System;

namespace DeviceFirmware.MockCloud.App;

/// <summary>What happened to an App's connect attempt or connection, as reported to the session loop.</summary>
internal enum AppSessionSignalKind
{
    /// <summary>CONNACK accepted and every subscription answered: the attempt is the live connection.</summary>
    Connected,

    /// <summary>The attempt failed (refused, unreachable, a subscription refused at the first connect).</summary>
    ConnectFailed,

    /// <summary>The live connection closed.</summary>
    Lost,

    /// <summary>A PINGRESP came back.</summary>
    Pong,
}

/// <summary>
/// One report for the session loop: what happened, to which attempt (its <see cref="Iot.Transport.MqttAttempts"/>
/// generation, so a report about an abandoned attempt is dropped), and the error of a failed attempt.
/// </summary>
internal readonly record struct AppSessionSignal(AppSessionSignalKind Kind, int Generation, Exception? Error);
