namespace DeviceFirmware.MockCloud.App;

/// <summary>One entry of GService's bindings list (<c>GET /app/bindings</c>, docs/protocol.md §7).</summary>
/// <param name="ProductKey">The device's product key (finds its product JSON).</param>
/// <param name="Did">The device id.</param>
/// <param name="Mac">The MAC the device registered with.</param>
/// <param name="IsOnline">True while the device holds an M2M session.</param>
/// <param name="Passcode">The device's passcode.</param>
/// <param name="Host">The M2M host to connect to.</param>
/// <param name="Port">The M2M plain MQTT port.</param>
/// <param name="PortS">The M2M MQTT-over-TLS port.</param>
/// <param name="Remark">The user's remark.</param>
/// <param name="IsDisabled">True when an admin disabled the device.</param>
/// <param name="Type">The device type (<c>normal</c>).</param>
/// <param name="DevAlias">The user's alias for the device.</param>
public sealed record BoundDeviceInfo(
    string ProductKey,
    string Did,
    string Mac,
    bool IsOnline,
    string Passcode,
    string Host,
    int Port,
    int PortS,
    string Remark,
    bool IsDisabled,
    string Type,
    string DevAlias);
