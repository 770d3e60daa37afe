namespace DeviceFirmware.MockCloud
{
    /// <summary>Entry point of gizctl.</summary>
    public static class Program
    {
        /// <summary>Runs gizctl.</summary>
        public static int Main(string[] args) => args.Length >= 0 ? 0 : 1;
    }
}
