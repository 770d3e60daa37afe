using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.MockCloud.Cli
{
    /// <summary>
    /// <c>gizctl p0 encode --product FILE --write Name=value ...</c>: prints the lowercase hex of P0 business data. The
    /// action is <c>--action</c> (0x01–0x04, 0x11–0x14), else a write in the product's family (0x01 standard, 0x11
    /// var_len; <c>--variable</c> asks for 0x11 on a standard product) or, with <c>--read</c>, a read (0x02 standard,
    /// 0x12 var_len). Writes (0x01/0x11) take writable points only; a status (0x03/0x04: every point, the others 0;
    /// 0x13/0x14: only the named points flagged) takes any point; a 0x12 asks for the <c>--point</c> names (none: all).
    /// Values are shown values: a bool is true/false/1/0, an enum its index or label, a number ratio·x + addition
    /// (turned into raw x by <see cref="DataPoint.TryToRaw"/>, rounded to the nearest step), binary hex of at most len
    /// bytes (zero padded). A refused value prints one-line JSON naming the point, e.g.
    /// <c>{"error":"ValueOutOfRange","dataPoint":"Motor_Speed","message":"shown value 9 is outside -5..5"}</c>.
    /// </summary>
    public static class P0Encode
    {
        /// <summary>Builds the <c>encode</c> command.</summary>
        public static Command Create(TextWriter stdout)
        {
            Option<string> product = P0Commands.ProductOption();
            var write = new Option<string[]>("--write")
            {
                Description = "data points and their values, as Name=value (shown values): --write A=1 B=2 or --write A=1 --write B=2",
                Arity = ArgumentArity.OneOrMore,
                AllowMultipleArgumentsPerToken = true,
            };
            var read = new Option<bool>("--read") { Description = "encode a read (0x02; 0x12 for a var_len product) instead of a write" };
            var variable = new Option<bool>("--variable") { Description = "encode the write as a variable-length write (0x11; a var_len product always writes 0x11)" };
            var action = new Option<string>("--action") { Description = "the P0 action: 0x01, 0x02, 0x03, 0x04, 0x11, 0x12, 0x13 or 0x14 (default: a write in the product's family)" };
            var points = new Option<string[]>("--point")
            {
                Description = "for a variable-length read (0x12): the data points asked for (default: all)",
                Arity = ArgumentArity.OneOrMore,
                AllowMultipleArgumentsPerToken = true,
            };
            var command = new Command("encode", "encode P0 business data (write, read, read reply, report; both protocol types) as hex") { product, write, read, variable, action, points };
            command.SetAction(result =>
            {
                Product? loaded = P0Commands.LoadProduct(result.GetRequiredValue(product), stdout);
                if (loaded == null) return P0Commands.ExitRefused;
                string[] writes = result.GetValue(write) ?? Array.Empty<string>();
                string[] asked = result.GetValue(points) ?? Array.Empty<string>();
                string? actionText = result.GetValue(action);
                string line;
                int exit;
                if (actionText == null && asked.Length == 0 && !(result.GetValue(read) && loaded.IsVariableLength))
                {
                    line = Encode(loaded, writes, result.GetValue(read), result.GetValue(variable), out exit);
                }
                else if (actionText != null && (result.GetValue(read) || result.GetValue(variable)))
                {
                    exit = P0Commands.ExitRefused;
                    line = P0Json.Error("BadArguments", null, "--action takes no --read or --variable");
                }
                else if (actionText != null && ParseActionOrZero(actionText) == 0)
                {
                    exit = P0Commands.ExitRefused;
                    line = P0Json.Error("BadArguments", null, $"--action {actionText} is not one of 0x01-0x04, 0x11-0x14");
                }
                else
                {
                    byte chosen = actionText != null ? ParseActionOrZero(actionText) : result.GetValue(read) ? P0Action.VariableRead : loaded.IsVariableLength ? P0Action.VariableWrite : P0Action.Write;
                    line = Encode(loaded, chosen, writes, asked, out exit);
                }

                stdout.WriteLine(line);
                return exit;
            });
            return command;
        }

        /// <summary>
        /// Encodes the assignments (or a read) for <paramref name="product"/> as today's options say: a write in the
        /// product's family (0x11 with <paramref name="variable"/> or for a var_len product), or a read: the hex or
        /// JSON error line, and the exit code.
        /// </summary>
        public static string Encode(Product product, string[] writes, bool read, bool variable, out int exitCode)
        {
            ArgumentNullException.ThrowIfNull(product);
            ArgumentNullException.ThrowIfNull(writes);
            exitCode = P0Commands.ExitRefused;
            if (read)
            {
                if (writes.Length > 0 || variable) return P0Json.Error("BadArguments", null, "--read takes no --write or --variable");
                return Encode(product, product.IsVariableLength ? P0Action.VariableRead : P0Action.Read, writes, Array.Empty<string>(), out exitCode);
            }

            if (writes.Length == 0) return P0Json.Error("BadArguments", null, "nothing to encode: give --write Name=value (repeatable) or --read");
            return Encode(product, variable || product.IsVariableLength ? P0Action.VariableWrite : P0Action.Write, writes, Array.Empty<string>(), out exitCode);
        }

        /// <summary>
        /// Encodes P0 <paramref name="action"/> for <paramref name="product"/>: the values of <paramref name="writes"/>
        /// (Name=value) for a write or status, the <paramref name="points"/> asked for by a 0x12 (none: all). Returns
        /// the hex or the JSON error line, and the exit code.
        /// </summary>
        public static string Encode(Product product, byte action, string[] writes, string[] points, out int exitCode)
        {
            ArgumentNullException.ThrowIfNull(product);
            ArgumentNullException.ThrowIfNull(writes);
            ArgumentNullException.ThrowIfNull(points);
            exitCode = P0Commands.ExitRefused;
            bool variableAction = action >= P0Action.VariableWrite && action <= P0Action.VariableReport;
            bool fixedAction = action >= P0Action.Write && action <= P0Action.Report;
            if (!variableAction && !fixedAction) return P0Json.Error("BadArguments", null, "the action must be 0x01-0x04 or 0x11-0x14");
            if (product.IsVariableLength && fixedAction)
            {
                return P0Json.Error(nameof(P0Error.WrongProtocolType), null, $"this product is var_len: it speaks 0x11-0x14, not 0x{action:x2}");
            }

            bool isRead = action == P0Action.Read || action == P0Action.VariableRead;
            bool isWrite = action == P0Action.Write || action == P0Action.VariableWrite;
            if (isRead && writes.Length > 0) return P0Json.Error("BadArguments", null, "a read takes no --write");
            if (points.Length > 0 && action != P0Action.VariableRead) return P0Json.Error("BadArguments", null, "--point belongs to a variable-length read (0x12)");
            if (isWrite && writes.Length == 0) return P0Json.Error("BadArguments", null, "nothing to encode: give --write Name=value (repeatable)");

            var buffer = new byte[product.MaxMessageSize];
            var values = new DataPointValues(product);
            var flagged = new bool[product.Points.Length];
            foreach (string assignment in writes)
            {
                string? refusal = Assign(product, values, flagged, assignment, isWrite);
                if (refusal != null) return refusal;
            }

            if (action == P0Action.VariableRead)
            {
                foreach (string name in points)
                {
                    DataPoint? point = product.Find(name.Trim());
                    if (point == null) return P0Json.Error("UnknownDataPoint", name, $"the product has no data point '{name}'");
                    flagged[point.Id] = true;
                }

                if (points.Length == 0) Array.Fill(flagged, true);
            }

            int length;
            P0Error error = action switch
            {
                P0Action.Write => P0Writer.WriteWrite(values, flagged, buffer, 0, out length),
                P0Action.Read => P0Writer.WriteRead(buffer, 0, out length),
                P0Action.ReadReply or P0Action.Report => P0Writer.WriteStatus(values, action, buffer, 0, out length),
                _ => P0Writer.WriteVariable(action, values, flagged, buffer, 0, out length),
            };
            if (error != P0Error.None) return P0Json.Error(error.ToString(), null, "the writer refused the message");
            exitCode = P0Commands.ExitOk;
            return P0Hex.Format(buffer, 0, length);
        }

        /// <summary>0x01–0x04 or 0x11–0x14 written as hex (<c>0x11</c>, <c>11</c>), else 0.</summary>
        private static byte ParseActionOrZero(string text)
        {
            string digits = text.Trim();
            if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) digits = digits.Substring(2);
            if (!byte.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte value)) return 0;
            return (value >= P0Action.Write && value <= P0Action.Report) || (value >= P0Action.VariableWrite && value <= P0Action.VariableReport) ? value : (byte)0;
        }

        /// <summary>Parses one Name=value into <paramref name="values"/>; null when accepted, else the JSON error.</summary>
        internal static string? Assign(Product product, DataPointValues values, bool[] flagged, string assignment, bool writableOnly)
        {
            int equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) return P0Json.Error("BadArguments", null, $"--write takes Name=value, not \"{assignment}\"");
            string name = assignment.Substring(0, equals).Trim();
            string text = assignment.Substring(equals + 1).Trim();
            DataPoint? point = product.Find(name);
            if (point == null) return P0Json.Error("UnknownDataPoint", name, $"the product has no data point '{name}'");
            if (writableOnly && point.Type != DataPointType.Writable) return P0Json.Error("NotWritable", name, $"'{name}' is {TypeName(point.Type)}, not writable");
            if (flagged[point.Id]) return P0Json.Error("BadArguments", name, $"'{name}' is written twice");

            switch (point.DataType)
            {
                case DataType.Bool:
                    long flag;
                    if (text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase)) flag = 1;
                    else if (text == "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase)) flag = 0;
                    else return P0Json.Error("BadValue", name, $"\"{text}\" is not a bool (true, false, 1, 0)");
                    values.Set(point.Id, flag);
                    break;
                case DataType.Enum:
                    int index = Array.IndexOf(point.EnumValues, text);
                    if (index < 0)
                    {
                        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out index))
                        {
                            return P0Json.Error("BadValue", name, $"\"{text}\" is neither an index nor one of: {string.Join(", ", point.EnumValues)}");
                        }

                        if (index < 0 || index >= point.EnumValues.Length)
                        {
                            return P0Json.Error("EnumOutOfRange", name, $"enum index {index} is outside 0..{point.EnumValues.Length - 1}");
                        }
                    }

                    values.Set(point.Id, index);
                    break;
                case DataType.Binary:
                    if (!P0Hex.TryParse(text, out byte[] bytes, out string hexError)) return P0Json.Error("BadValue", name, hexError);
                    if (bytes.Length > point.Length) return P0Json.Error("BadValue", name, $"{bytes.Length} bytes do not fit in {point.Length}");
                    Array.Copy(bytes, 0, values.Binary, values.BinaryOffset(point.Id), bytes.Length);
                    break;
                default:
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double shown) || !double.IsFinite(shown))
                    {
                        return P0Json.Error("BadValue", name, $"\"{text}\" is not a number");
                    }

                    if (!point.TryToRaw(shown, out long raw))
                    {
                        return P0Json.Error("ValueOutOfRange", name, $"shown value {text} is outside {P0Json.FormatShown(point, point.Min)}..{P0Json.FormatShown(point, point.Max)}");
                    }

                    values.Set(point.Id, raw);
                    break;
            }

            flagged[point.Id] = true;
            return null;
        }

        private static string TypeName(DataPointType type) => type switch
        {
            DataPointType.ReadOnly => "status_readonly",
            DataPointType.Alert => "alert",
            DataPointType.Fault => "fault",
            _ => "status_writable",
        };
    }
}
