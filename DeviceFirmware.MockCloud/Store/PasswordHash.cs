using System;
using System.Security.Cryptography;
using System.Text;

namespace DeviceFirmware.MockCloud.Store;

/// <summary>Salted PBKDF2-SHA256 password hashes, compared in constant time.</summary>
internal static class PasswordHash
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A fresh random salt.</summary>
    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltBytes);

    /// <summary>The hash of <paramref name="password"/> with <paramref name="salt"/>.</summary>
    public static byte[] Compute(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    /// <summary>True when <paramref name="password"/> hashes to <paramref name="expected"/>; the comparison takes the same time wherever they differ.</summary>
    public static bool Verify(string password, byte[] salt, int iterations, byte[] expected)
    {
        byte[] actual = Compute(password, salt, iterations);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
