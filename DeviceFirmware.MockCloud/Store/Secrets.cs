using System;
using System.Security.Cryptography;
using System.Text;

namespace DeviceFirmware.MockCloud.Store;

/// <summary>Random identifiers and secrets, all from <see cref="RandomNumberGenerator"/>.</summary>
public static class Secrets
{
    private const string DidAlphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Length of a generated DID (Gizwits issues 22 characters of [0-9a-zA-Z]).</summary>
    public const int DidLength = 22;

    /// <summary>Length of a generated passcode (GAgent: 10 letters A–Y).</summary>
    public const int PasscodeLength = 10;

    /// <summary>A new login token: 32 lowercase hex characters.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A new user id: 32 lowercase hex characters.</summary>
    public static string NewUid() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A new DID: <see cref="DidLength"/> characters of [0-9a-zA-Z].</summary>
    public static string NewDid() => RandomNumberGenerator.GetString(DidAlphabet, DidLength);

    /// <summary>A new device passcode: <see cref="PasscodeLength"/> letters A–Y, as GAgent makes them (docs/protocol.md §7).</summary>
    public static string NewPasscode() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXY", PasscodeLength);

    /// <summary>The SHA-256 of a token as hex: what the store keeps instead of the token.</summary>
    internal static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
