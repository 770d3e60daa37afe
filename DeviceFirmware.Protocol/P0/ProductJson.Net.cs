#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace DeviceFirmware.Protocol.P0
{
    /// <summary>
    /// Loads a product from the JSON the Gizwits console exports (<c>GET /app/datapoint</c>, docs/protocol.md §5).
    /// .NET only (the device has no JSON parser: it uses the generated table, see ProductSourceGenerator in DeviceFirmware.Generators).
    /// </summary>
    public static class ProductJson
    {
        /// <summary>Loads and checks the product in <paramref name="path"/>; throws <see cref="ProductException"/> naming the problem.</summary>
        public static Product Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (IOException e)
            {
                throw new ProductException($"{path}: {e.Message}", e);
            }

            try
            {
                return Parse(text);
            }
            catch (ProductException e)
            {
                throw new ProductException($"{path}: {e.Message}", e);
            }
        }

        /// <summary>Parses and checks a product; throws <see cref="ProductException"/> naming the data point and the problem.</summary>
        public static Product Parse(string json)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (JsonException e)
            {
                throw new ProductException($"not valid JSON: {e.Message}", e);
            }

            using (document)
            {
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) throw new ProductException("the product must be a JSON object");
                string name = OptionalString(root, "name") ?? string.Empty;
                string productKey = OptionalString(root, "product_key") ?? string.Empty;
                P0ProtocolType protocolType = ParseProtocolType(root);
                if (!root.TryGetProperty("entities", out JsonElement entities) || entities.ValueKind != JsonValueKind.Array || entities.GetArrayLength() == 0)
                {
                    throw new ProductException("missing \"entities\" (a list with one entity holding \"attrs\")");
                }

                if (entities.GetArrayLength() > 1) throw new ProductException("products with more than one entity are not supported");
                JsonElement entity = entities[0];
                if (!entity.TryGetProperty("attrs", out JsonElement attrs) || attrs.ValueKind != JsonValueKind.Array)
                {
                    throw new ProductException("entity 0 has no \"attrs\" list");
                }

                var points = new List<DataPoint>();
                int index = 0;
                foreach (JsonElement attr in attrs.EnumerateArray())
                {
                    points.Add(ParseAttr(attr, index++));
                }

                if (!Product.TryCreate(name, productKey, protocolType, points.ToArray(), out Product product, out string error))
                {
                    throw new ProductException(error);
                }

                return product;
            }
        }

        /// <summary>
        /// The export's <c>protocolType</c>: <c>standard</c> or <c>var_len</c>; a product without one is standard (older
        /// exports and hand-written products have none). Anything else is refused rather than guessed.
        /// </summary>
        private static P0ProtocolType ParseProtocolType(JsonElement root)
        {
            if (!root.TryGetProperty("protocolType", out JsonElement value) || value.ValueKind == JsonValueKind.Null) return P0ProtocolType.Standard;
            return (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) switch
            {
                "standard" => P0ProtocolType.Standard,
                "var_len" => P0ProtocolType.VariableLength,
                var other => throw new ProductException($"unknown protocolType \"{other}\" (standard, var_len)"),
            };
        }

        private static DataPoint ParseAttr(JsonElement attr, int index)
        {
            if (attr.ValueKind != JsonValueKind.Object) throw new ProductException($"attrs[{index}] is not an object");
            string name = OptionalString(attr, "name") ?? throw new ProductException($"attrs[{index}] has no \"name\"");
            string where = $"data point '{name}': ";
            int id = RequiredInt(attr, "id", where);
            string displayName = OptionalString(attr, "display_name") ?? name;
            DataPointType type = (OptionalString(attr, "type") ?? string.Empty) switch
            {
                "status_writable" => DataPointType.Writable,
                "status_readonly" => DataPointType.ReadOnly,
                "alert" => DataPointType.Alert,
                "fault" => DataPointType.Fault,
                var other => throw new ProductException($"{where}unknown type \"{other}\" (status_writable, status_readonly, alert, fault)"),
            };
            DataType dataType = (OptionalString(attr, "data_type") ?? string.Empty) switch
            {
                "bool" => DataType.Bool,
                "enum" => DataType.Enum,
                "uint8" => DataType.UInt8,
                "uint16" => DataType.UInt16,
                "uint32" => DataType.UInt32,
                "binary" => DataType.Binary,
                var other => throw new ProductException($"{where}unknown data_type \"{other}\" (bool, enum, uint8, uint16, uint32, binary)"),
            };

            if (!attr.TryGetProperty("position", out JsonElement position) || position.ValueKind != JsonValueKind.Object)
            {
                throw new ProductException($"{where}missing \"position\"");
            }

            int byteOffset = RequiredInt(position, "byte_offset", where);
            int bitOffset = RequiredInt(position, "bit_offset", where);
            int length = RequiredInt(position, "len", where);
            bool inBits = (OptionalString(position, "unit") ?? string.Empty) switch
            {
                "bit" => true,
                "byte" => false,
                var other => throw new ProductException($"{where}unknown position unit \"{other}\" (bit, byte)"),
            };

            string[] enumValues = Array.Empty<string>();
            if (attr.TryGetProperty("enum", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
            {
                var values = new List<string>();
                foreach (JsonElement item in list.EnumerateArray())
                {
                    values.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText());
                }

                enumValues = values.ToArray();
            }

            long min = 0, max = 0;
            double ratio = 1, addition = 0;
            if (attr.TryGetProperty("uint_spec", out JsonElement spec) && spec.ValueKind == JsonValueKind.Object)
            {
                min = RequiredLong(spec, "min", where + "uint_spec.");
                max = RequiredLong(spec, "max", where + "uint_spec.");
                ratio = OptionalDouble(spec, "ratio", where) ?? 1;
                addition = OptionalDouble(spec, "addition", where) ?? 0;
            }
            else if (dataType == DataType.UInt8 || dataType == DataType.UInt16 || dataType == DataType.UInt32)
            {
                throw new ProductException($"{where}a {OptionalString(attr, "data_type")} needs \"uint_spec\" {{min,max,ratio,addition}}");
            }

            return new DataPoint(id, name, displayName, type, dataType, byteOffset, bitOffset, length, inBits, enumValues, min, max, ratio, addition);
        }

        private static string? OptionalString(JsonElement element, string property) =>
            element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static int RequiredInt(JsonElement element, string property, string where)
        {
            long value = RequiredLong(element, property, where);
            if (value < int.MinValue || value > int.MaxValue) throw new ProductException($"{where}\"{property}\" {value} is out of range");
            return (int)value;
        }

        private static long RequiredLong(JsonElement element, string property, string where)
        {
            if (!element.TryGetProperty(property, out JsonElement value)) throw new ProductException($"{where}missing \"{property}\"");
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number)) return number;
            if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number)) return number;
            throw new ProductException($"{where}\"{property}\" must be a whole number");
        }

        private static double? OptionalDouble(JsonElement element, string property, string where)
        {
            if (!element.TryGetProperty(property, out JsonElement value)) return null;
            if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
            if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double number)) return number;
            throw new ProductException($"{where}\"{property}\" must be a number");
        }
    }
}
