using System;

namespace DeviceFirmware.MockCloud.Store;

/// <summary>Tunables of <see cref="CloudStore"/>; the defaults are what the mock cloud runs with.</summary>
public sealed class CloudStoreOptions
{
    /// <summary>PBKDF2-SHA256 iterations for new password hashes (default 100,000; tests use a few). Each user keeps the count it was hashed with.</summary>
    public int PasswordIterations { get; set; } = 100_000;

    /// <summary>How long a login token stays valid (docs/protocol.md §7: 7 days by default).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The clock for token expiry and record timestamps; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
