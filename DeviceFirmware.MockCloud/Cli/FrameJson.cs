using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Text;

namespace DeviceFirmware.MockCloud.Cli
{
    /// <summary>
    /// The one-line JSON that <c>gizctl frame decode</c> and <c>frame encode</c> print. Field names are a
    /// contract for scripts and tests: see <see cref="Write(FrameReader)"/>.
    /// </summary>
    internal static class FrameJson
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions
        {
            Indented = false,

            // Log content and MACs are printed as the UTF-8 they are, not as \uXXXX escapes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        /// <summary>Formats a command word as <c>0x0093</c>.</summary>
        public static string CommandName(int command) => "0x" + command.ToString("x4", CultureInfo.InvariantCulture);

        /// <summary>
        /// The JSON object of a successfully decoded frame: <c>command</c>, <c>flags</c>, <c>sn</c> (0x0093/0x0094
        /// only), <c>body</c> (hex after the command word and sn), then the command's own fields.
        /// </summary>
        public static string Write(FrameReader reader)
        {
            ArrayBufferWriter<byte> output = new ArrayBufferWriter<byte>();
            using (Utf8JsonWriter json = new Utf8JsonWriter(output, Options))
            {
                byte[] buffer = reader.Buffer;
                json.WriteStartObject();
                json.WriteString("command", CommandName(reader.Command));
                json.WriteNumber("flags", reader.Flags);
                if (GizwitsCommand.HasSn(reader.Command)) json.WriteNumber("sn", reader.Sn);
                json.WriteString("body", HexParser.ToHex(buffer, reader.BodyOffset, reader.BodyLength));
                switch (reader.Command)
                {
                    case GizwitsCommand.Settings:
                        LogLevel threshold = DeviceSettings.GetLogLevel(reader.Settings);
                        json.WriteNumber("settings", reader.Settings);
                        json.WriteNumber("logLevel", (int)threshold);
                        json.WriteString("logLevelName", threshold.ToString());
                        json.WriteBoolean("indicatorLed", DeviceSettings.IsIndicatorLedEnabled(reader.Settings));
                        json.WriteBoolean("reservedBits", DeviceSettings.HasReservedBits(reader.Settings));
                        break;
                    case GizwitsCommand.Log:
                        json.WriteNumber("level", reader.LogLevel);
                        json.WriteString("levelName", ((LogLevel)reader.LogLevel).ToString());
                        json.WriteString("tag", Utf8.GetString(buffer, reader.TagOffset, reader.TagLength));
                        json.WriteString("source", Utf8.GetString(buffer, reader.SourceOffset, reader.SourceLength));
                        json.WriteString("content", Utf8.GetString(buffer, reader.ContentOffset, reader.ContentLength));
                        break;
                    case GizwitsCommand.DeviceOnline:
                        json.WriteString("mac", Utf8.GetString(buffer, reader.MacOffset, reader.MacLength));
                        json.WriteString("passcode", Utf8.GetString(buffer, reader.PasscodeOffset, reader.PasscodeLength));
                        json.WriteBoolean("online", reader.Online);
                        json.WriteString("protocolVersion", "0x" + reader.ProtocolVersion.ToString("x8", CultureInfo.InvariantCulture));
                        json.WriteString("businessVersion", Utf8.GetString(buffer, reader.BusinessVersionOffset, reader.BusinessVersionLength));
                        break;
                }

                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(output.WrittenSpan);
        }

        /// <summary><c>{"error":"&lt;name&gt;","offset":N}</c> for a frame that failed to decode.</summary>
        public static string WriteDecodeError(FrameError error, int offset)
        {
            ArrayBufferWriter<byte> output = new ArrayBufferWriter<byte>();
            using (Utf8JsonWriter json = new Utf8JsonWriter(output, Options))
            {
                json.WriteStartObject();
                json.WriteString("error", error.ToString());
                json.WriteNumber("offset", offset);
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(output.WrittenSpan);
        }

        /// <summary><c>{"error":"&lt;name&gt;"}</c> for a frame that could not be encoded.</summary>
        public static string WriteEncodeError(FrameError error)
        {
            ArrayBufferWriter<byte> output = new ArrayBufferWriter<byte>();
            using (Utf8JsonWriter json = new Utf8JsonWriter(output, Options))
            {
                json.WriteStartObject();
                json.WriteString("error", error.ToString());
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(output.WrittenSpan);
        }
    }
}
