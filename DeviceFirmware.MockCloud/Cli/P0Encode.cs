using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.MockCloud.Cli
{
    /// <summary>
    /// <c>gizctl p0 encode --product FILE --write Name=value ...</c>: prints the lowercase hex of a 0x01 write (or 0x11
    /// with <c>--variable</c>); <c>--read</c> prints a 0x02. Values are shown values: a bool is true/false/1/0, an enum
    /// its index or label, a number ratio·x + addition (turned into raw x by <see cref="DataPoint.TryToRaw"/>, rounded to
    /// the nearest step), binary hex of at most len bytes (zero padded). A refused value prints one-line JSON naming
    /// the point, e.g. <c>{"error":"ValueOutOfRange","dataPoint":"Motor_Speed","message":"shown value 9 is outside -5..5"}</c>.
    /// </summary>
    public static class P0Encode
    {
        /// <summary>Builds the <c>encode</c> command.</summary>
        public static Command Create(TextWriter stdout)
        {
            Option<string> product = P0Commands.ProductOption();
            var write = new Option<string[]>("--write")
            {
                Description = "data points to write, as Name=value (shown values): --write A=1 B=2 or --write A=1 --write B=2",
                Arity = ArgumentArity.OneOrMore,
                AllowMultipleArgumentsPerToken = true,
            };
            var read = new Option<bool>("--read") { Description = "encode a read (0x02) instead of a write" };
            var variable = new Option<bool>("--variable") { Description = "encode the write as a variable-length write (0x11)" };
            var command = new Command("encode", "encode a P0 write (0x01/0x11) or read (0x02) as hex") { product, write, read, variable };
            command.SetAction(result =>
            {
                Product? loaded = P0Commands.LoadProduct(result.GetRequiredValue(product), stdout);
                if (loaded == null) return P0Commands.ExitRefused;
                string line = Encode(loaded, result.GetValue(write) ?? Array.Empty<string>(), result.GetValue(read), result.GetValue(variable), out int exit);
                stdout.WriteLine(line);
                return exit;
            });
            return command;
        }

        /// <summary>Encodes the assignments (or a read) for <paramref name="product"/>: the hex or JSON error line, and the exit code.</summary>
        public static string Encode(Product product, string[] writes, bool read, bool variable, out int exitCode)
        {
            ArgumentNullException.ThrowIfNull(product);
            ArgumentNullException.ThrowIfNull(writes);
            exitCode = P0Commands.ExitRefused;
            var buffer = new byte[product.MaxMessageSize];
            int length;
            if (read)
            {
                if (writes.Length > 0 || variable) return P0Json.Error("BadArguments", null, "--read takes no --write or --variable");
                P0Writer.WriteRead(buffer, 0, out length);
                exitCode = P0Commands.ExitOk;
                return P0Hex.Format(buffer, 0, length);
            }

            if (writes.Length == 0) return P0Json.Error("BadArguments", null, "nothing to encode: give --write Name=value (repeatable) or --read");
            var values = new DataPointValues(product);
            var flagged = new bool[product.Points.Length];
            foreach (string assignment in writes)
            {
                string? refusal = Assign(product, values, flagged, assignment);
                if (refusal != null) return refusal;
            }

            P0Error error = variable
                ? P0Writer.WriteVariable(P0Action.VariableWrite, values, flagged, buffer, 0, out length)
                : P0Writer.WriteWrite(values, flagged, buffer, 0, out length);
            if (error != P0Error.None) return P0Json.Error(error.ToString(), null, "the writer refused the message");
            exitCode = P0Commands.ExitOk;
            return P0Hex.Format(buffer, 0, length);
        }

        /// <summary>Parses one Name=value (a shown value) into <paramref name="values"/>; null when accepted, else the JSON error.</summary>
        internal static string? Assign(Product product, DataPointValues values, bool[] flagged, string assignment)
        {
            int equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) return P0Json.Error("BadArguments", null, $"--write takes Name=value, not \"{assignment}\"");
            string name = assignment.Substring(0, equals).Trim();
            string text = assignment.Substring(equals + 1).Trim();
            DataPoint? point = product.Find(name);
            if (point == null) return P0Json.Error("UnknownDataPoint", name, $"the product has no data point '{name}'");
            if (point.Type != DataPointType.Writable) return P0Json.Error("NotWritable", name, $"'{name}' is {TypeName(point.Type)}, not writable");
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
