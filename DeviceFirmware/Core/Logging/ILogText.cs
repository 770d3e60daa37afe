namespace DeviceFirmware.Core.Logging
{
    /// <summary>
    /// Log content built only when it will be sent (<see cref="LogEmitter.Emit(DeviceFirmware.Protocol.LogLevel, string, string, ILogText)"/>):
    /// a detailed text costs a string, and a flood of bad input must not cost one per message, only per log the rate limit lets through.
    /// </summary>
    public interface ILogText
    {
        /// <summary>The text to send.</summary>
        string Build();
    }
}
