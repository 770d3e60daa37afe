using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.MockCloud.Cli
{
    /// <summary>
    /// One-line JSON for the <c>gizctl p0</c> commands, and the shown-value format they share.
    /// </summary>
    public static class P0Json
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = false,
        };

        /// <summary>
        /// The shown value ratio·x + addition of raw <paramref name="raw"/> as a JSON number.
        /// </summary>
        /// <remarks>
        /// Rule: the double ratio·x + addition is rounded (half away from zero) to D decimals, where D is the larger
        /// of the decimals of ratio and of addition in their shortest round-trip form (0.1 → 1, -40.5 → 1, 1 → 0,
        /// 1E-05 → 5; at most 15), so floating-point noise such as 0.1·615 − 40 = 21.499999999999996 prints as
        /// <c>21.5</c>. The rounded value is printed in its shortest round-trip form: integral values without a
        /// decimal point (<c>3</c>, <c>-5</c>), others like <c>21.5</c>; negative zero prints as <c>0</c>.
        /// </remarks>
        public static string FormatShown(DataPoint point, long raw)
        {
            ArgumentNullException.ThrowIfNull(point);
            return FormatShown(point.ToShown(raw), ShownDecimals(point));
        }

        /// <summary>The decimals shown values of <paramref name="point"/> are rounded to (see <see cref="FormatShown(DataPoint, long)"/>).</summary>
        public static int ShownDecimals(DataPoint point)
        {
            ArgumentNullException.ThrowIfNull(point);
            return Math.Min(15, Math.Max(Decimals(point.Ratio), Decimals(point.Addition)));
        }

        /// <summary><paramref name="value"/> rounded to <paramref name="decimals"/> decimals, in shortest round-trip form.</summary>
        public static string FormatShown(double value, int decimals)
        {
            if (double.IsNaN(value) || double.IsInfinity(value)) return value.ToString(CultureInfo.InvariantCulture);
            double rounded = Math.Round(value, Math.Clamp(decimals, 0, 15), MidpointRounding.AwayFromZero);
            if (rounded == 0) rounded = 0; // no "-0"
            return rounded.ToString("R", CultureInfo.InvariantCulture);
        }

        /// <summary>Digits after the decimal point of <paramref name="value"/> in its shortest round-trip form.</summary>
        public static int Decimals(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value)) return 0;
            string text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
            int exponent = 0;
            int e = text.IndexOf('E', StringComparison.Ordinal);
            if (e >= 0)
            {
                exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                text = text.Substring(0, e);
            }

            int point = text.IndexOf('.', StringComparison.Ordinal);
            int fraction = point < 0 ? 0 : text.Length - point - 1;
            return Math.Max(0, fraction - exponent);
        }

        /// <summary>Writes one JSON object built by <paramref name="body"/> on one line.</summary>
        public static string Object(Action<Utf8JsonWriter> body)
        {
            ArgumentNullException.ThrowIfNull(body);
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, Options))
            {
                writer.WriteStartObject();
                body(writer);
                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        /// <summary>
        /// An error object: <c>{"error":code,"dataPoint":name,"message":text}</c>, leaving out a null data point or message.
        /// </summary>
        public static string Error(string code, string? dataPoint, string? message) => Object(writer =>
        {
            writer.WriteString("error", code);
            if (dataPoint != null) writer.WriteString("dataPoint", dataPoint);
            if (message != null) writer.WriteString("message", message);
        });

        /// <summary>Writes point <paramref name="id"/> of <paramref name="values"/> as a property named after the point.</summary>
        public static void WriteValue(Utf8JsonWriter writer, DataPointValues values, int id)
        {
            ArgumentNullException.ThrowIfNull(writer);
            ArgumentNullException.ThrowIfNull(values);
            DataPoint point = values.Product.Points[id];
            writer.WritePropertyName(point.Name);
            string text = ValueText(values, id);
            if (point.DataType == DataType.Binary) writer.WriteStringValue(text);
            else writer.WriteRawValue(text);
        }

        /// <summary>
        /// Point <paramref name="id"/>'s value as <c>gizctl p0 decode</c> prints it (without JSON quotes): <c>true</c>/<c>false</c>,
        /// an enum's index, a number's shown value (<see cref="FormatShown(DataPoint, long)"/>), binary as lowercase hex.
        /// </summary>
        public static string ValueText(DataPointValues values, int id)
        {
            ArgumentNullException.ThrowIfNull(values);
            DataPoint point = values.Product.Points[id];
            switch (point.DataType)
            {
                case DataType.Bool:
                    return values.GetBool(id) ? "true" : "false";
                case DataType.Enum:
                    return values.Get(id).ToString(CultureInfo.InvariantCulture);
                case DataType.Binary:
                    return P0Hex.Format(values.Binary, values.BinaryOffset(id), point.Length);
                default:
                    return FormatShown(point, values.Get(id));
            }
        }
    }
}
