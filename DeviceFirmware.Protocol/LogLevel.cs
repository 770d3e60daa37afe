namespace DeviceFirmware.Protocol
{
    /// <summary>
    /// Log levels of the protocol. As a 0x0012 level: 1 Error, 2 Warning, 3 Info. As the 0x0010 threshold:
    /// a log is sent when its level is not above the threshold, so Off (0) sends nothing.
    /// </summary>
    public enum LogLevel
    {
        /// <summary>Threshold only: send no logs.</summary>
        Off = 0,

        /// <summary>Errors.</summary>
        Error = 1,

        /// <summary>Warnings (and, as a threshold, errors).</summary>
        Warning = 2,

        /// <summary>Information (and, as a threshold, warnings and errors).</summary>
        Info = 3,
    }
}
