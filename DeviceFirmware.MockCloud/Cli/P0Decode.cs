using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.MockCloud.Cli
{
    /// <summary>
    /// <c>gizctl p0 decode --product FILE HEX</c>: P0 business data (from the action byte) as one-line JSON, e.g.
    /// <c>{"action":"0x04","values":{"Relay":true,"LED_Color":2,"Temperature":21.5}}</c>. Bools are true/false,
    /// enums their index, numbers their shown value (see <see cref="P0Json.FormatShown(DataPoint, long)"/>), binary
    /// lowercase hex. A write (0x01, 0x11) lists only its flagged points, a read (0x02) has empty values, a
    /// variable read (0x12) lists the points asked for under <c>read</c>, custom data (0x05/0x06) is <c>payload</c>.
    /// </summary>
    public static class P0Decode
    {
        /// <summary>Builds the <c>decode</c> command.</summary>
        public static Command Create(TextWriter stdout)
        {
            Option<string> product = P0Commands.ProductOption();
            var hex = new Argument<string[]>("hex")
            {
                Description = "the business data in hex, starting with the action byte (spaces, ':' and '-' are ignored)",
                Arity = ArgumentArity.OneOrMore,
            };
            var command = new Command("decode", "decode P0 business data into one-line JSON") { product, hex };
            command.SetAction(result =>
            {
                Product? loaded = P0Commands.LoadProduct(result.GetRequiredValue(product), stdout);
                if (loaded == null) return P0Commands.ExitRefused;
                string line = Decode(loaded, string.Join(" ", result.GetRequiredValue(hex)), out int exit);
                stdout.WriteLine(line);
                return exit;
            });
            return command;
        }

        /// <summary>Decodes <paramref name="hex"/> for <paramref name="product"/>: the JSON line and the exit code.</summary>
        public static string Decode(Product product, string hex, out int exitCode)
        {
            ArgumentNullException.ThrowIfNull(product);
            ArgumentNullException.ThrowIfNull(hex);
            exitCode = P0Commands.ExitRefused;
            if (!P0Hex.TryParse(hex, out byte[] bytes, out string hexError)) return P0Json.Error("BadHex", null, hexError);

            var message = new P0Message(product);
            P0Error error = message.Decode(bytes, 0, bytes.Length);
            if (error != P0Error.None)
            {
                int id = message.ErrorPointId;
                string? name = id >= 0 && id < product.Points.Length ? product.Points[id].Name : null;
                return P0Json.Error(error.ToString(), name, Describe(error, message, bytes));
            }

            exitCode = P0Commands.ExitOk;
            byte action = message.Action;
            return P0Json.Object(writer =>
            {
                writer.WriteString("action", "0x" + action.ToString("x2", CultureInfo.InvariantCulture));
                switch (action)
                {
                    case P0Action.CustomToDevice:
                    case P0Action.CustomToApp:
                        writer.WriteString("payload", P0Hex.Format(bytes, message.PayloadOffset, message.PayloadLength));
                        break;
                    case P0Action.VariableRead:
                        writer.WriteStartArray("read");
                        for (int id = 0; id < product.Points.Length; id++)
                        {
                            if (message.Flagged[id]) writer.WriteStringValue(product.Points[id].Name);
                        }

                        writer.WriteEndArray();
                        break;
                    default:
                        writer.WriteStartObject("values");
                        for (int id = 0; id < product.Points.Length; id++)
                        {
                            if (message.Flagged[id]) P0Json.WriteValue(writer, message.Values, id);
                        }

                        writer.WriteEndObject();
                        break;
                }
            });
        }

        private static string Describe(P0Error error, P0Message message, byte[] bytes)
        {
            Product product = message.Product;
            int id = message.ErrorPointId;
            DataPoint? point = id >= 0 && id < product.Points.Length ? product.Points[id] : null;
            string action = bytes.Length > 0 ? "0x" + bytes[0].ToString("x2", CultureInfo.InvariantCulture) : string.Empty;
            long raw = point != null ? message.Values.Get(id) : 0;
            switch (error)
            {
                case P0Error.Empty:
                    return "no action byte";
                case P0Error.UnknownAction:
                    return $"action {action} is not one of 0x01-0x06, 0x11-0x14";
                case P0Error.WrongLength:
                    return $"action {action} with {bytes.Length - 1} byte(s) after it does not fit this product" + ExpectedLength(product, bytes[0]);
                case P0Error.UnknownDataPoint:
                    return point == null ? $"flag bit {id} names no data point" : $"flag bit {id} names '{point.Name}', which a 0x01 write cannot carry (not writable)";
                case P0Error.WrongProtocolType:
                    return $"this product is var_len: it speaks 0x11-0x14, and action {action} needs the fixed layout of a standard product";
                case P0Error.NotWritable:
                    return $"'{point?.Name}' is not writable";
                case P0Error.EnumOutOfRange:
                    return $"enum index {raw} is outside 0..{(point == null ? 0 : point.EnumValues.Length - 1)}";
                case P0Error.ValueOutOfRange:
                    return point == null || !point.IsNumber
                        ? $"raw value {raw} is out of range"
                        : $"raw value {raw} is outside {point.Min}..{point.Max}";
                default:
                    return error.ToString();
            }
        }

        private static string ExpectedLength(Product product, byte action)
        {
            switch (action)
            {
                case P0Action.Write: return $" (expected {product.AttrFlagsSize + product.WritableSectionSize}: {product.AttrFlagsSize} flag byte(s) + the {product.WritableSectionSize}-byte writable section)";
                case P0Action.Read: return " (expected 0)";
                case P0Action.ReadReply:
                case P0Action.Report: return $" (expected the {product.FullStatusSize}-byte full status)";
                default: return $" (flags take {product.VariableFlagsSize} byte(s), then the flagged values)";
            }
        }
    }
}
