namespace DeviceFirmware.MockCloud.M2m;

/// <summary>Whether a device is connected to M2M now; GService's binding list reports it as <c>is_online</c>.</summary>
public interface IDevicePresence
{
    /// <summary>True while a device connected as <paramref name="did"/> holds an MQTT session.</summary>
    bool IsOnline(string did);
}
