using DeviceFirmware.Protocol;

namespace DeviceFirmware.Core.Hosting
{
    /// <summary>
    /// Where a host's own logs go to reach the Apps as 0x0012 (<see cref="HostLoop"/> implements it): any thread may
    /// post, and should first compare with <see cref="LogThreshold"/>, so that a log no App asked for is not even built.
    /// </summary>
    public interface IHostLogs
    {
        /// <summary>The threshold an App set with 0x0010; <see cref="LogLevel.Off"/> while no core runs.</summary>
        LogLevel LogThreshold { get; }

        /// <summary>Queues a log for the core, which sends it if the threshold and the rate limit let it; false when the inbox was full.</summary>
        bool Log(LogLevel level, string tag, string source, string content);
    }
}
