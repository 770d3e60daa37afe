using System;

namespace DeviceFirmware.MockCloud.App;

/// <summary>
/// A logged-in App user (docs/protocol.md §7 <c>{uid, token, expire_at}</c>). The token is a secret: <see cref="ToString"/>
/// never shows it.
/// </summary>
/// <param name="Uid">The user id (the uid of the M2M user name <c>2$appid$uid</c>).</param>
/// <param name="Token">The token: the M2M password and the <c>X-Gizwits-User-token</c> header.</param>
/// <param name="ExpireAt">When the token stops being accepted.</param>
public sealed record AppSession(string Uid, string Token, DateTimeOffset ExpireAt)
{
    /// <summary>The uid and expiry, never the token.</summary>
    public override string ToString() => $"AppSession {{ Uid = {Uid}, ExpireAt = {ExpireAt:u} }}";
}
