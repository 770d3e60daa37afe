namespace DeviceFirmware.MockCloud.Cli
{
    /// <summary>Process exit codes of gizctl.</summary>
    public static class ExitCodes
    {
        /// <summary>Success.</summary>
        public const int Ok = 0;

        /// <summary>Bad input: a usage error, bad hex, a malformed frame, or a frame that cannot be encoded.</summary>
        public const int Error = 2;

        /// <summary>
        /// <c>gizctl app</c>: the credentials were refused: wrong username or password, unknown user, a token that is
        /// invalid or expired (GService 9004/9005/9006/9020 or an M2M CONNACK refusal), too many failed logins (9041),
        /// or no session yet (run <c>gizctl app login</c>).
        /// </summary>
        public const int BadCredentials = 3;

        /// <summary>
        /// <c>gizctl app</c>: the device is not bound to the user: not in the bindings list, M2M refused its topics, or
        /// GService refused to bind it (unknown DID or wrong passcode) or to unbind it.
        /// </summary>
        public const int NotBound = 4;

        /// <summary><c>gizctl app</c>: the device did not answer in time (no 0x0094 with the sn, no 0x0011), or <c>watch --count</c> saw too few events.</summary>
        public const int Timeout = 5;

        /// <summary><c>gizctl app</c>: the cloud is not reachable: GService or M2M refused the TCP connection or did not answer.</summary>
        public const int CloudDown = 6;
    }
}
