#nullable enable
using System;
using System.IO;
using System.Text.Json;
using DeviceFirmware.Iot.Config;
using DeviceFirmware.Protocol.Identity;

namespace DeviceFirmware.Iot.Provisioning;

/// <summary>
/// The device's identity on disk, so a restart (or a SIGKILL) keeps the same DID. Written atomically (temp file, then
/// rename) so a power cut mid-write leaves the old file, never half a file.
/// </summary>
public static class StateFile
{
    /// <summary>The default file name.</summary>
    public const string DefaultName = "device-state.json";

    /// <summary>The state file for <paramref name="options"/>: the configured one, or <see cref="DefaultName"/> in the working directory.</summary>
    public static string PathFor(FirmwareOptions options) =>
        string.IsNullOrWhiteSpace(options.StateFile) ? Path.GetFullPath(DefaultName) : Path.GetFullPath(options.StateFile);

    /// <summary>Reads the identity; true with null when there is no file yet, false with a reason when the file is unusable.</summary>
    public static bool TryLoad(string path, out DeviceIdentity? identity, out string error)
    {
        identity = null;
        error = "";
        if (!File.Exists(path)) return true;
        try
        {
            identity = JsonSerializer.Deserialize(File.ReadAllText(path), StateFileJson.Default.DeviceIdentity);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            error = $"state file '{path}' is unreadable: {e.Message}";
            return false;
        }

        if (identity is null || !Did.IsValid(identity.Did) || string.IsNullOrEmpty(identity.Passcode))
        {
            identity = null;
            error = $"state file '{path}' has no valid did/passcode";
            return false;
        }

        return true;
    }

    /// <summary>Writes the identity atomically.</summary>
    public static void Save(string path, DeviceIdentity identity)
    {
        string? folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        string temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(identity, StateFileJson.Default.DeviceIdentity));

        // The passcode is the device's M2M password: readable by the firmware's user only.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
    }
}
