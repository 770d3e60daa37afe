namespace DeviceFirmware.MockCloud.Store;

/// <summary>The SQLite schema, created when a store opens (idempotent, so an existing file is reused as it is).</summary>
internal static class CloudSchema
{
    // Tokens are stored as their SHA-256 so that a copied database file does not hand out live sessions.
    // login_name holds usernames and emails in one namespace because login accepts either (docs/protocol.md §7).
    public const string Create = """
        CREATE TABLE IF NOT EXISTS applications (
            appid TEXT PRIMARY KEY);
        CREATE TABLE IF NOT EXISTS products (
            product_key TEXT PRIMARY KEY,
            name TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS users (
            uid TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            login_name TEXT UNIQUE COLLATE NOCASE,
            phone_id TEXT UNIQUE,
            password_hash BLOB,
            salt BLOB,
            iterations INTEGER NOT NULL,
            created_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS tokens (
            token_hash TEXT PRIMARY KEY,
            uid TEXT NOT NULL REFERENCES users(uid),
            expire_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS devices (
            did TEXT PRIMARY KEY,
            product_key TEXT NOT NULL REFERENCES products(product_key),
            mac TEXT NOT NULL,
            passcode TEXT NOT NULL,
            type TEXT NOT NULL,
            is_disabled INTEGER NOT NULL DEFAULT 0,
            created_ms INTEGER NOT NULL,
            UNIQUE (product_key, mac));
        CREATE TABLE IF NOT EXISTS bindings (
            uid TEXT NOT NULL REFERENCES users(uid),
            did TEXT NOT NULL REFERENCES devices(did),
            remark TEXT NOT NULL,
            dev_alias TEXT NOT NULL,
            created_ms INTEGER NOT NULL,
            PRIMARY KEY (uid, did));
        """;
}
