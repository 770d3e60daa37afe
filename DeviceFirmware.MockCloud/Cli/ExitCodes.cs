namespace DeviceFirmware.MockCloud.Cli
{
    /// <summary>Process exit codes of gizctl.</summary>
    public static class ExitCodes
    {
        /// <summary>Success.</summary>
        public const int Ok = 0;

        /// <summary>Bad input: a usage error, bad hex, a malformed frame, or a frame that cannot be encoded.</summary>
        public const int Error = 2;
    }
}
