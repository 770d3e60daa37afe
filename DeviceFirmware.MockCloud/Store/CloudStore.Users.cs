using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace DeviceFirmware.MockCloud.Store;

/// <summary>Users and their tokens.</summary>
public sealed partial class CloudStore
{
    private const string NamedKind = "named";
    private const string AnonymousKind = "anonymous";

    /// <summary>
    /// Registers a user by username or email (one namespace, case-insensitive, because login accepts either) and
    /// logs them in. False, changing nothing, when the name is taken (error 9019).
    /// </summary>
    public bool TryRegisterUser(string loginName, string password, [NotNullWhen(true)] out UserSession? session)
    {
        ArgumentException.ThrowIfNullOrEmpty(loginName);
        ArgumentNullException.ThrowIfNull(password);

        // The slow hash runs outside the lock so that other requests are not held up behind it.
        int iterations = options.PasswordIterations;
        byte[] salt = PasswordHash.NewSalt();
        byte[] hash = PasswordHash.Compute(password, salt, iterations);
        lock (gate)
        {
            if (Scalar("SELECT 1 FROM users WHERE login_name = $name;", ("$name", loginName)) is not null)
            {
                session = null;
                return false;
            }

            string uid = Secrets.NewUid();
            using SqliteTransaction transaction = connection.BeginTransaction();
            ExecuteIn(
                transaction,
                "INSERT INTO users (uid, kind, login_name, phone_id, password_hash, salt, iterations, created_ms) VALUES ($uid, $kind, $name, NULL, $hash, $salt, $iterations, $now);",
                ("$uid", uid),
                ("$kind", NamedKind),
                ("$name", loginName),
                ("$hash", hash),
                ("$salt", salt),
                ("$iterations", iterations),
                ("$now", NowMs));
            session = IssueToken(transaction, uid);
            transaction.Commit();
            return true;
        }
    }

    /// <summary>
    /// Registers an anonymous user for a phone id, or, when that phone id already has one, issues it a new token:
    /// the same phone always gets the same uid.
    /// </summary>
    public UserSession RegisterAnonymous(string phoneId)
    {
        ArgumentException.ThrowIfNullOrEmpty(phoneId);
        lock (gate)
        {
            string? uid = Scalar("SELECT uid FROM users WHERE phone_id = $phone;", ("$phone", phoneId)) as string;
            using SqliteTransaction transaction = connection.BeginTransaction();
            if (uid is null)
            {
                uid = Secrets.NewUid();
                ExecuteIn(
                    transaction,
                    "INSERT INTO users (uid, kind, login_name, phone_id, password_hash, salt, iterations, created_ms) VALUES ($uid, $kind, NULL, $phone, NULL, NULL, 0, $now);",
                    ("$uid", uid),
                    ("$kind", AnonymousKind),
                    ("$phone", phoneId),
                    ("$now", NowMs));
            }

            UserSession session = IssueToken(transaction, uid);
            transaction.Commit();
            return session;
        }
    }

    /// <summary>Checks a username-or-email and password; on success issues a new token (earlier tokens stay valid).</summary>
    public LoginOutcome Login(string loginName, string password, out UserSession? session)
    {
        ArgumentNullException.ThrowIfNull(loginName);
        ArgumentNullException.ThrowIfNull(password);
        session = null;
        string uid;
        byte[] salt;
        byte[] hash;
        int iterations;
        lock (gate)
        {
            using SqliteCommand command = Command(
                "SELECT uid, salt, password_hash, iterations FROM users WHERE login_name = $name AND password_hash IS NOT NULL;",
                null,
                new (string, object?)[] { ("$name", loginName) });
            using SqliteDataReader reader = command.ExecuteReader();
            if (!reader.Read()) return LoginOutcome.UnknownUser;
            uid = reader.GetString(0);
            salt = (byte[])reader.GetValue(1);
            hash = (byte[])reader.GetValue(2);
            iterations = reader.GetInt32(3);
        }

        if (!PasswordHash.Verify(password, salt, iterations, hash)) return LoginOutcome.WrongPassword;
        lock (gate) session = IssueToken(null, uid);
        return LoginOutcome.LoggedIn;
    }

    /// <summary>What <paramref name="token"/> is; <paramref name="uid"/> is its user when it is valid or expired.</summary>
    public TokenStatus CheckToken(string token, out string? uid)
    {
        uid = null;
        if (string.IsNullOrEmpty(token)) return TokenStatus.Invalid;
        lock (gate)
        {
            using SqliteCommand command = Command(
                "SELECT uid, expire_ms FROM tokens WHERE token_hash = $hash;",
                null,
                new (string, object?)[] { ("$hash", Secrets.TokenHash(token)) });
            using SqliteDataReader reader = command.ExecuteReader();
            if (!reader.Read()) return TokenStatus.Invalid;
            uid = reader.GetString(0);
            return NowMs < reader.GetInt64(1) ? TokenStatus.Valid : TokenStatus.Expired;
        }
    }

    /// <summary>True when <paramref name="token"/> is a valid, unexpired token of user <paramref name="uid"/>.</summary>
    public bool IsValidToken(string uid, string token) =>
        CheckToken(token, out string? owner) == TokenStatus.Valid && string.Equals(owner, uid, StringComparison.Ordinal);

    private UserSession IssueToken(SqliteTransaction? transaction, string uid)
    {
        string token = Secrets.NewToken();
        DateTimeOffset expireAt = options.TimeProvider.GetUtcNow() + options.TokenLifetime;
        ExecuteIn(
            transaction,
            "INSERT INTO tokens (token_hash, uid, expire_ms) VALUES ($hash, $uid, $expire);",
            ("$hash", Secrets.TokenHash(token)),
            ("$uid", uid),
            ("$expire", expireAt.ToUnixTimeMilliseconds()));
        return new UserSession(uid, token, expireAt);
    }
}
