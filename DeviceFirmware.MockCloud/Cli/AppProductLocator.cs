using System;
using System.Collections.Generic;
using System.IO;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.MockCloud.Cli;

/// <summary>
/// Finds a device's product JSON by its product key: <c>hardware/products/*.json</c> in the current folder or any folder
/// above it, or above gizctl's own folder (so it works from a checkout of this repository).
/// </summary>
public static class AppProductLocator
{
    /// <summary>The product with <paramref name="productKey"/>, or null when no product file has it.</summary>
    public static Product? Find(string productKey)
    {
        if (string.IsNullOrEmpty(productKey)) return null;
        foreach (string folder in Folders())
        {
            foreach (string file in Directory.EnumerateFiles(folder, "*.json"))
            {
                try
                {
                    Product product = ProductJson.Load(file);
                    if (product.ProductKey == productKey) return product;
                }
                catch (Exception e) when (e is ProductException or IOException or UnauthorizedAccessException)
                {
                    // A broken file that is not the product asked for is not this command's problem.
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> Folders()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "hardware", "products");
                if (Directory.Exists(candidate) && seen.Add(candidate)) yield return candidate;
            }
        }
    }
}
