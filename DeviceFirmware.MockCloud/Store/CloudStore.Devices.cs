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
    /// Registers a device of a known product, as <see cref="RegisterDevice"/> does for a device that is not online.
    /// True when registered (new, again or reset); false, changing nothing, when the product key is unknown or the
    /// device is claimed (bound, and the passcode is not its own).
    /// </summary>
    /// <param name="productKey">The product key.</param>
    /// <param name="mac">The device's MAC.</param>
    /// <param name="passcode">The passcode the device chose, or null to have one generated (10 letters A–Y).</param>
    /// <param name="type">The device type (<c>normal</c>).</param>
    /// <param name="device">The registered device.</param>
    public bool TryRegisterDevice(string productKey, string mac, string? passcode, string type, [NotNullWhen(true)] out DeviceRecord? device)
    {
        DeviceRegistration outcome = RegisterDevice(productKey, mac, passcode, type, static _ => false, out device);
        return outcome is DeviceRegistration.Registered or DeviceRegistration.Again or DeviceRegistration.Reset;
    }

    /// <summary>
    /// Registers a device of a known product. The same product key and MAC again keeps the DID. With the same passcode
    /// that is a repeat; with another passcode it is a reset, accepted only while nobody is bound to the device and it
    /// is offline: otherwise anyone who knows a device's MAC (printed on it, broadcast by it) could replace its
    /// passcode, lock the real device out of M2M and bind it themselves. A bound device is reset by its owners
    /// unbinding it, or by the device itself with its old passcode (<see cref="ReleaseDevice"/>, GAgent's
    /// <c>DELETE /dev/devices</c>).
    /// </summary>
    /// <param name="productKey">The product key.</param>
    /// <param name="mac">The device's MAC.</param>
    /// <param name="passcode">The passcode the device chose, or null to have one generated (10 letters A–Y).</param>
    /// <param name="type">The device type (<c>normal</c>).</param>
    /// <param name="isOnline">Whether M2M holds a connection of a DID now.</param>
    /// <param name="device">The device (registered, or the existing one when claimed); null for an unknown product.</param>
    public DeviceRegistration RegisterDevice(string productKey, string mac, string? passcode, string type, Func<string, bool> isOnline, out DeviceRecord? device)
    {
        ArgumentNullException.ThrowIfNull(productKey);
        ArgumentNullException.ThrowIfNull(mac);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(isOnline);
        string code = string.IsNullOrEmpty(passcode) ? Secrets.NewPasscode() : passcode;
        lock (gate)
        {
            device = null;
            if (Scalar("SELECT 1 FROM products WHERE product_key = $key;", ("$key", productKey)) is null) return DeviceRegistration.UnknownProduct;
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
                device = FindDevice(did);
                return DeviceRegistration.Registered;
            }

            DeviceRecord existing = FindDevice(did)!;
            if (FixedTimeEquals(existing.Passcode, code))
            {
                Execute("UPDATE devices SET type = $type WHERE did = $did;", ("$did", did), ("$type", type));
                device = FindDevice(did);
                return DeviceRegistration.Again;
            }

            if (Scalar("SELECT 1 FROM bindings WHERE did = $did LIMIT 1;", ("$did", did)) is not null || isOnline(did))
            {
                device = existing;
                return DeviceRegistration.Claimed;
            }

            Execute("UPDATE devices SET passcode = $passcode, type = $type WHERE did = $did;", ("$did", did), ("$passcode", code), ("$type", type));
            device = FindDevice(did);
            return DeviceRegistration.Reset;
        }
    }

    /// <summary>
    /// A device gives up its DID's bindings, proving who it is with its passcode (GAgent's reset: <c>DELETE /dev/devices</c>
    /// with did and passcode, before it registers again with a new passcode). Returns the uids that were bound (now
    /// unbound), or null, changing nothing, when the DID is unknown or the passcode wrong.
    /// </summary>
    public IReadOnlyList<string>? ReleaseDevice(string did, string passcode)
    {
        ArgumentNullException.ThrowIfNull(did);
        ArgumentNullException.ThrowIfNull(passcode);
        lock (gate)
        {
            DeviceRecord? device = FindDevice(did);
            if (device is null || !FixedTimeEquals(device.Passcode, passcode)) return null;
            List<string> owners = Query("SELECT uid FROM bindings WHERE did = $did ORDER BY rowid;", r => r.GetString(0), ("$did", did));
            Execute("DELETE FROM bindings WHERE did = $did;", ("$did", did));
            return owners;
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
