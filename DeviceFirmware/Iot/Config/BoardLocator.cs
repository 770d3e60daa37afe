#nullable enable
using System;
using System.IO;

namespace DeviceFirmware.Iot.Config;

/// <summary>
/// Finds a board file from <c>--board</c>: an existing path, or a name looked up in <c>hardware/boards/</c> beside the
/// program (the build copies the repository's board and product files there), then in the working directory's.
/// </summary>
public static class BoardLocator
{
    /// <summary>Where board names are looked up.</summary>
    public static string BoardsFolder => Path.Combine(AppContext.BaseDirectory, "hardware", "boards");

    /// <summary>The board file's path, or null when <paramref name="nameOrPath"/> names none.</summary>
    public static string? Resolve(string nameOrPath)
    {
        if (File.Exists(nameOrPath)) return Path.GetFullPath(nameOrPath);
        foreach (string folder in new[] { BoardsFolder, Path.Combine("hardware", "boards") })
        {
            string candidate = Path.Combine(folder, nameOrPath + ".json");
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        }

        return null;
    }
}
