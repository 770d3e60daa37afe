#nullable enable
using System.Text.Json.Serialization;

namespace DeviceFirmware.Iot.Provisioning;

/// <summary>
/// The state file's JSON contract (<see cref="DeviceIdentity"/>), generated at compile time: the native (NativeAOT)
/// firmware has no reflection-based serializer. Default options, as the file had before: keys as named on the record.
/// </summary>
[JsonSerializable(typeof(DeviceIdentity))]
internal sealed partial class StateFileJson : JsonSerializerContext
{
}
