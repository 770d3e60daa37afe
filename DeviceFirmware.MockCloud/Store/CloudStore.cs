using System;
using System.Collections.Generic;
using System.IO;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.Protocol.P0;
using Microsoft.Data.Sqlite;

namespace DeviceFirmware.MockCloud.Store;

/// <summary>
/// The mock cloud's accounts over SQLite: applications, products, users and tokens, devices, bindings.
/// One connection serves the store's whole life (a <c>:memory:</c> database lives only as long as it) and a lock
/// serialises its use, because GService requests and the M2M broker call in concurrently.
/// Every query is parameterised: user input never becomes SQL text.
/// </summary>
public sealed partial class CloudStore : IM2mDirectory, IDisposable
{
    /// <summary>The data source that keeps everything in memory, for tests.</summary>
    public const string InMemory = ":memory:";

    private readonly object gate = new();
    private readonly SqliteConnection connection;
    private readonly CloudStoreOptions options;
    private bool disposed;

    /// <summary>Opens (creating if needed) the database at <paramref name="dataSource"/> with default options.</summary>
    /// <param name="dataSource">A file path, or <see cref="InMemory"/>.</param>
    public CloudStore(string dataSource)
        : this(dataSource, new CloudStoreOptions())
    {
    }

    /// <summary>Opens (creating if needed) the database at <paramref name="dataSource"/>.</summary>
    /// <param name="dataSource">A file path, or <see cref="InMemory"/>.</param>
    /// <param name="options">Hashing cost, token lifetime and clock.</param>
    public CloudStore(string dataSource, CloudStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        if (options.PasswordIterations < 1) throw new ArgumentOutOfRangeException(nameof(options), "PasswordIterations must be at least 1");
        if (options.TokenLifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "TokenLifetime must be positive");
        this.options = options;

        RestrictFileMode(dataSource);

        // No pooling: disposing the store must release the file (a restart reopens it; tests delete it).
        var builder = new SqliteConnectionStringBuilder { DataSource = dataSource, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            Execute("PRAGMA foreign_keys = ON;");
            Execute(CloudSchema.Create);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The database holds device passcodes (bearer secrets that bind and impersonate devices) and password hashes: it is
    /// created readable and writable by its owner only (0600), and an existing file is narrowed to that. SQLite gives its
    /// journal files the database file's mode.
    /// </summary>
    private static void RestrictFileMode(string dataSource)
    {
        if (dataSource == InMemory || OperatingSystem.IsWindows()) return;
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var created = new FileStream(dataSource, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
        }
        catch (IOException) when (File.Exists(dataSource))
        {
            File.SetUnixFileMode(dataSource, OwnerOnly);
        }
    }

    /// <summary>Adds an application id (idempotent); Apps must send a known one as <c>X-Gizwits-Application-Id</c>.</summary>
    public void AddApplication(string appId)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        lock (gate) Execute("INSERT OR IGNORE INTO applications (appid) VALUES ($appid);", ("$appid", appId));
    }

    /// <summary>True when <paramref name="appId"/> is a known application id.</summary>
    public bool IsApplication(string appId)
    {
        if (string.IsNullOrEmpty(appId)) return false;
        lock (gate) return Scalar("SELECT 1 FROM applications WHERE appid = $appid;", ("$appid", appId)) is not null;
    }

    /// <summary>Adds (or renames) a product; devices may register only with a known product key.</summary>
    public void AddProduct(string productKey, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(productKey);
        ArgumentNullException.ThrowIfNull(name);
        lock (gate)
        {
            Execute(
                "INSERT INTO products (product_key, name) VALUES ($key, $name) ON CONFLICT (product_key) DO UPDATE SET name = excluded.name;",
                ("$key", productKey),
                ("$name", name));
        }
    }

    /// <summary>Adds a product loaded from its JSON (<see cref="ProductJson.Load"/>); it must have a product key.</summary>
    public void AddProduct(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (string.IsNullOrEmpty(product.ProductKey)) throw new ArgumentException($"product \"{product.Name}\" has no product_key", nameof(product));
        AddProduct(product.ProductKey, product.Name);
    }

    /// <summary>True when <paramref name="productKey"/> is a known product.</summary>
    public bool IsProduct(string productKey)
    {
        if (string.IsNullOrEmpty(productKey)) return false;
        lock (gate) return Scalar("SELECT 1 FROM products WHERE product_key = $key;", ("$key", productKey)) is not null;
    }

    /// <summary>Closes the database.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            connection.Dispose();
        }
    }

    private long NowMs => options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    // The helpers below run under the caller's lock.
    private SqliteCommand Command(string sql, SqliteTransaction? transaction, (string Name, object? Value)[] parameters)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach ((string name, object? value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private int Execute(string sql, params (string Name, object? Value)[] parameters) => ExecuteIn(null, sql, parameters);

    private int ExecuteIn(SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using SqliteCommand command = Command(sql, transaction, parameters);
        return command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using SqliteCommand command = Command(sql, null, parameters);
        object? value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using SqliteCommand command = Command(sql, null, parameters);
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }
}
