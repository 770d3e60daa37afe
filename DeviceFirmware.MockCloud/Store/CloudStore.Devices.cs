using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace DeviceFirmware.MockCloud.Store;

/// <summary>Devices and bindings.</summary>
public sealed partial class CloudStore
{
    private const string DeviceColumns = "d.did, d.product_key, d.mac, d.passcode, d.type, d.is_disabled";

    /// <summary>
    /// Registers a device of a known product. A device that registers again with the same product key and MAC keeps
    /// its DID and takes the new passcode and type (a reset device re-registers). False, changing nothing, when the
    /// product key is unknown.
    /// </summary>
    /// <param name="productKey">The product key.</param>
    /// <param name="mac">The device's MAC.</param>
    /// <param name="passcode">The passcode the device chose, or null to have one generated (10 letters A–Y).</param>
    /// <param name="type">The device type (<c>normal</c>).</param>
    /// <param name="device">The registered device.</param>
    public bool TryRegisterDevice(string productKey, string mac, string? passcode, string type, [NotNullWhen(true)] out DeviceRecord? device)
    {
        ArgumentNullException.ThrowIfNull(productKey);
        ArgumentNullException.ThrowIfNull(mac);
        ArgumentNullException.ThrowIfNull(type);
        string code = string.IsNullOrEmpty(passcode) ? Secrets.NewPasscode() : passcode;
        lock (gate)
        {
            device = null;
            if (Scalar("SELECT 1 FROM products WHERE product_key = $key;", ("$key", productKey)) is null) return false;
            string? did = Scalar("SELECT did FROM devices WHERE product_key = $key AND mac = $mac;", ("$key", productKey), ("$mac", mac)) as string;
            if (did is null)
            {
                did = Secrets.NewDid();
                Execute(
                    "INSERT INTO devices (did, product_key, mac, passcode, type, is_disabled, created_ms) VALUES ($did, $key, $mac, $passcode, $type, 0, $now);",
                    ("$did", did),
                    ("$key", productKey),
                    ("$mac", mac),
                    ("$passcode", code),
                    ("$type", type),
                    ("$now", NowMs));
            }
            else
            {
                Execute("UPDATE devices SET passcode = $passcode, type = $type WHERE did = $did;", ("$did", did), ("$passcode", code), ("$type", type));
            }

            device = FindDevice(did);
            return device is not null;
        }
    }

    /// <summary>The device with <paramref name="did"/>, or null.</summary>
    public DeviceRecord? GetDevice(string did)
    {
        if (string.IsNullOrEmpty(did)) return null;
        lock (gate) return FindDevice(did);
    }

    /// <summary>Disables or enables a device (an admin action); bindings lists hide disabled devices unless asked. False when unknown.</summary>
    public bool SetDeviceDisabled(string did, bool disabled)
    {
        ArgumentNullException.ThrowIfNull(did);
        lock (gate) return Execute("UPDATE devices SET is_disabled = $disabled WHERE did = $did;", ("$did", did), ("$disabled", disabled ? 1 : 0)) == 1;
    }

    /// <summary>True when <paramref name="did"/> is a registered device whose passcode is <paramref name="passcode"/>.</summary>
    public bool IsDevice(string did, string passcode)
    {
        DeviceRecord? device = GetDevice(did);
        return device is not null && passcode is not null && FixedTimeEquals(device.Passcode, passcode);
    }

    /// <summary>Binds user <paramref name="uid"/> to a device, given the device's passcode; binding again updates remark and alias.</summary>
    public BindOutcome Bind(string uid, string did, string passcode, string remark, string devAlias)
    {
        ArgumentNullException.ThrowIfNull(uid);
        ArgumentNullException.ThrowIfNull(did);
        ArgumentNullException.ThrowIfNull(passcode);
        ArgumentNullException.ThrowIfNull(remark);
        ArgumentNullException.ThrowIfNull(devAlias);
        lock (gate)
        {
            DeviceRecord? device = FindDevice(did);
            if (device is null) return BindOutcome.UnknownDevice;
            if (!FixedTimeEquals(device.Passcode, passcode)) return BindOutcome.WrongPasscode;
            Execute(
                "INSERT INTO bindings (uid, did, remark, dev_alias, created_ms) VALUES ($uid, $did, $remark, $alias, $now) " +
                "ON CONFLICT (uid, did) DO UPDATE SET remark = excluded.remark, dev_alias = excluded.dev_alias;",
                ("$uid", uid),
                ("$did", did),
                ("$remark", remark),
                ("$alias", devAlias),
                ("$now", NowMs));
            return BindOutcome.Bound;
        }
    }

    /// <summary>Removes user <paramref name="uid"/>'s binding to <paramref name="did"/>; false when there was none.</summary>
    public bool Unbind(string uid, string did)
    {
        ArgumentNullException.ThrowIfNull(uid);
        ArgumentNullException.ThrowIfNull(did);
        lock (gate) return Execute("DELETE FROM bindings WHERE uid = $uid AND did = $did;", ("$uid", uid), ("$did", did)) == 1;
    }

    /// <summary>True when user <paramref name="uid"/> is bound to device <paramref name="did"/>.</summary>
    public bool IsBound(string uid, string did)
    {
        if (string.IsNullOrEmpty(uid) || string.IsNullOrEmpty(did)) return false;
        lock (gate) return Scalar("SELECT 1 FROM bindings WHERE uid = $uid AND did = $did;", ("$uid", uid), ("$did", did)) is not null;
    }

    /// <summary>User <paramref name="uid"/>'s devices in the order they were first bound, a page at a time.</summary>
    /// <param name="uid">The user.</param>
    /// <param name="limit">At most this many (≥ 0).</param>
    /// <param name="skip">After skipping this many (≥ 0).</param>
    /// <param name="showDisabled">Include disabled devices.</param>
    public IReadOnlyList<BoundDevice> ListBindings(string uid, int limit, int skip, bool showDisabled)
    {
        ArgumentNullException.ThrowIfNull(uid);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        lock (gate)
        {
            return Query(
                $"SELECT {DeviceColumns}, b.remark, b.dev_alias FROM bindings b JOIN devices d ON d.did = b.did " +
                "WHERE b.uid = $uid AND ($all = 1 OR d.is_disabled = 0) ORDER BY b.created_ms, b.rowid LIMIT $limit OFFSET $skip;",
                r => new BoundDevice(ReadDevice(r), r.GetString(6), r.GetString(7)),
                ("$uid", uid),
                ("$all", showDisabled ? 1 : 0),
                ("$limit", limit),
                ("$skip", skip));
        }
    }

    private DeviceRecord? FindDevice(string did)
    {
        List<DeviceRecord> rows = Query($"SELECT {DeviceColumns} FROM devices d WHERE d.did = $did;", ReadDevice, ("$did", did));
        return rows.Count == 0 ? null : rows[0];
    }

    private static DeviceRecord ReadDevice(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5) != 0);

    private static bool FixedTimeEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(a),
            System.Text.Encoding.UTF8.GetBytes(b));
}
