#nullable enable
using System.Text.Json.Serialization;

namespace DeviceFirmware.Iot.Provisioning;

/// <summary>What a device must remember across restarts: who it is (DID and passcode) and for which product.</summary>
/// <param name="Did">The DID GService assigned.</param>
/// <param name="Passcode">The passcode the device registered with (its M2M password).</param>
/// <param name="ProductKey">The product it registered as; a different product means a new registration.</param>
public sealed record DeviceIdentity(
    [property: JsonPropertyName("did")] string Did,
    [property: JsonPropertyName("passcode")] string Passcode,
    [property: JsonPropertyName("product_key")] string ProductKey);
