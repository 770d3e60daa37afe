using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeviceFirmware.MockCloud.Cli;

/// <summary>
/// What <c>gizctl app login</c> keeps for the other <c>app</c> verbs: cloud URL, appid, uid, token, expiry and an
/// optional M2M address, as JSON in <see cref="DefaultPath"/> (or <c>--session FILE</c>, or <c>$GIZCTL_SESSION</c>).
/// The file is written with mode 600 on Unix; the token is never printed.
/// </summary>
public sealed class AppSessionFile
{
    /// <summary>The environment variable that moves the session file (tests use it).</summary>
    public const string EnvironmentVariable = "GIZCTL_SESSION";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>GService's base URL.</summary>
    [JsonPropertyName("cloud")]
    public string Cloud { get; set; } = string.Empty;

    /// <summary>The application id.</summary>
    [JsonPropertyName("appid")]
    public string AppId { get; set; } = string.Empty;

    /// <summary>The user id.</summary>
    [JsonPropertyName("uid")]
    public string Uid { get; set; } = string.Empty;

    /// <summary>The login token (a secret).</summary>
    [JsonPropertyName("token")]
    public string Token { get; set; } = string.Empty;

    /// <summary>When the token expires (Unix seconds).</summary>
    [JsonPropertyName("expire_at")]
    public long ExpireAt { get; set; }

    /// <summary>The M2M HOST:PORT given at login, or null to use the address the bindings list gives.</summary>
    [JsonPropertyName("m2m")]
    public string? M2m { get; set; }

    /// <summary><c>$GIZCTL_SESSION</c> if set, else <c>&lt;ApplicationData&gt;/gizctl/session.json</c> (~/.config/gizctl on Linux).</summary>
    public static string DefaultPath
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "gizctl", "session.json");
        }
    }

    /// <summary>Reads the session at <paramref name="path"/>; null when there is none.</summary>
    /// <exception cref="InvalidDataException">The file is not a session.</exception>
    public static AppSessionFile? Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) return null;
        try
        {
            AppSessionFile? session = JsonSerializer.Deserialize<AppSessionFile>(File.ReadAllText(path), Json);
            if (session == null || session.Cloud.Length == 0 || session.AppId.Length == 0 || session.Uid.Length == 0 || session.Token.Length == 0)
            {
                throw new InvalidDataException($"{path} is not a gizctl session (log in again)");
            }

            return session;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a gizctl session (log in again): {e.Message}", e);
        }
    }

    /// <summary>Writes the session to <paramref name="path"/> (creating its folder), readable by the user alone on Unix.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);

        // Written beside and moved over, so a reader never sees half a file and the mode is right from the first byte.
        string temporary = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(temporary, create))
            {
                JsonSerializer.Serialize(stream, this, Json);
            }

            File.Move(temporary, full, true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
