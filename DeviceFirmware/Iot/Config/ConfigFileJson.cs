#nullable enable
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeviceFirmware.Iot.Config;

/// <summary>
/// The <c>--config</c> file's JSON contract, generated at compile time (System.Text.Json source generation): the
/// native (NativeAOT) firmware has no reflection-based serializer. Comments and trailing commas are allowed (it is a
/// file people edit); unknown keys are refused, so a misspelt "pasccode" is an error, not a silently ignored setting.
/// </summary>
[JsonSourceGenerationOptions(
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(FirmwareOptions))]
internal sealed partial class ConfigFileJson : JsonSerializerContext
{
}
