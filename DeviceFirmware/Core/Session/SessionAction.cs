namespace DeviceFirmware.Core.Session
{
    /// <summary>What the <see cref="SessionSupervisor"/> asks the transport to do now.</summary>
    public enum SessionAction
    {
        /// <summary>Nothing to do until <see cref="SessionSupervisor.NextDeadline"/>.</summary>
        None = 0,

        /// <summary>Open a connection (CONNECT as DID/DID/passcode) and report the outcome.</summary>
        Connect,

        /// <summary>Abandon the connect attempt in progress: it ran past its timeout.</summary>
        AbortConnect,

        /// <summary>Send PINGREQ.</summary>
        Ping,

        /// <summary>Close the connection: two PINGRESPs were missed in a row.</summary>
        Drop,
    }
}
