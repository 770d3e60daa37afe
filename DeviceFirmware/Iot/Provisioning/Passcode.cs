#nullable enable
using System.Security.Cryptography;

namespace DeviceFirmware.Iot.Provisioning;

/// <summary>Device passcodes as GAgent makes them: 10 random letters A–Y (docs/protocol.md §7).</summary>
public static class Passcode
{
    /// <summary>Letters in a passcode.</summary>
    public const int Length = 10;

    /// <summary>A new random passcode.</summary>
    public static string NewRandom()
    {
        var letters = new char[Length];
        for (int i = 0; i < letters.Length; i++) letters[i] = (char)('A' + RandomNumberGenerator.GetInt32(25));
        return new string(letters);
    }
}
