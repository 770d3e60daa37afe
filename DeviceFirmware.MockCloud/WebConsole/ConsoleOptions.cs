using System;
using System.Collections.Generic;
using System.Net;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>What the web console needs from the cloud it runs in: its application id, the products, the boards.</summary>
public sealed class ConsoleOptions
{
    /// <summary>The application id the console signs users in with (added to the cloud's database at start).</summary>
    public const string DefaultAppId = "gizwits-console";

    /// <summary>The console's application id (<c>X-Gizwits-Application-Id</c>, and the appid of its M2M user names).</summary>
    public string AppId { get; set; } = DefaultAppId;

    /// <summary>Product definitions by product key: each device page is generated from its product's.</summary>
    public IDictionary<string, Product> Products { get; } = new Dictionary<string, Product>(StringComparer.Ordinal);

    /// <summary>The simulated boards' control APIs the board panel may reach (server-side only).</summary>
    public ConsoleBoards Boards { get; } = new();

    /// <summary>The M2M end point the console's App clients connect to (set by the cloud host once M2M listens).</summary>
    public IPEndPoint? M2m { get; set; }

    /// <summary>How long a 0x0093 waits for its 0x0094 and a 0x0010 for its 0x0011 (default 10 s).</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
