using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace DeviceFirmware.Tests.MockCloud.Cli
{
    /// <summary>Builds a <c>frame encode</c> command line from the JSON that <c>frame decode</c> printed.</summary>
    internal static class EncodeArgs
    {
        public static string[] FromDecoded(JsonElement json)
        {
            string command = json.GetProperty("command").GetString()!;
            List<string> args = new List<string> { "frame", "encode", "--command", command };
            int flags = json.GetProperty("flags").GetInt32();
            if (flags != 0) args.AddRange(new[] { "--flags", flags.ToString(CultureInfo.InvariantCulture) });
            switch (command)
            {
                case "0x0010":
                    args.AddRange(new[] { "--settings", json.GetProperty("settings").GetInt32().ToString(CultureInfo.InvariantCulture) });
                    break;
                case "0x0011":
                    break;
                case "0x0012":
                    args.AddRange(new[]
                    {
                        "--level", json.GetProperty("level").GetInt32().ToString(CultureInfo.InvariantCulture),
                        "--tag", json.GetProperty("tag").GetString()!,
                        "--source", json.GetProperty("source").GetString()!,
                        "--content", json.GetProperty("content").GetString()!,
                    });
                    break;
                case "0x0092":
                    args.AddRange(new[]
                    {
                        "--mac", json.GetProperty("mac").GetString()!,
                        "--passcode", json.GetProperty("passcode").GetString()!,
                        "--online", json.GetProperty("online").GetBoolean() ? "true" : "false",
                        "--protocol-version", json.GetProperty("protocolVersion").GetString()!,
                        "--business-version", json.GetProperty("businessVersion").GetString()!,
                    });
                    break;
                case "0x0093":
                case "0x0094":
                    args.AddRange(new[] { "--sn", json.GetProperty("sn").GetUInt32().ToString(CultureInfo.InvariantCulture), "--body", json.GetProperty("body").GetString()! });
                    break;
                default:
                    args.AddRange(new[] { "--body", json.GetProperty("body").GetString()! });
                    break;
            }

            return args.ToArray();
        }
    }
}
