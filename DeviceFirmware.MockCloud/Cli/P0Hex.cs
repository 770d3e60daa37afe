namespace DeviceFirmware.MockCloud.Cli
{
    /// <summary>Hex for the <c>p0</c> commands: the same rules and messages as the <c>frame</c> commands (<see cref="HexParser"/>).</summary>
    public static class P0Hex
    {
        /// <summary>Parses hex as <see cref="HexParser.TryParse"/> does.</summary>
        public static bool TryParse(string text, out byte[] bytes, out string error) => HexParser.TryParse(text, out bytes, out error);

        /// <summary>Lowercase hex of <paramref name="count"/> bytes at <paramref name="offset"/>, no separators.</summary>
        public static string Format(byte[] bytes, int offset, int count) => HexParser.ToHex(bytes, offset, count);
    }
}
