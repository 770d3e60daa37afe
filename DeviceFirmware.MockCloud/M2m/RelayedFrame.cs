using System;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>
/// One message M2M accepted and relayed: an App's or device's publish that passed the ACL, or the broker's own
/// 0x0092 notice (<see cref="SenderClientId"/> empty). The console's frame log reads these.
/// </summary>
/// <param name="Topic">The topic, e.g. <c>app2dev/&lt;DID&gt;/&lt;AppClientId&gt;</c>.</param>
/// <param name="SenderClientId">Who published it (a DID or an AppClientId); empty for the broker's own notices.</param>
/// <param name="Payload">The bytes, as relayed (a copy: the receiver may keep it).</param>
/// <param name="RelayedAt">When the broker accepted it.</param>
public sealed record RelayedFrame(string Topic, string SenderClientId, byte[] Payload, DateTimeOffset RelayedAt);
