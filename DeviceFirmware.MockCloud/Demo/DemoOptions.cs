using System.Net;

namespace DeviceFirmware.MockCloud.Demo;

/// <summary>How <c>gizctl demo</c> runs.</summary>
internal sealed class DemoOptions
{
    /// <summary>GService listener (default 127.0.0.1:8080; port 0 = any free port).</summary>
    public IPEndPoint Http { get; set; } = new(IPAddress.Loopback, 8080);

    /// <summary>M2M listener (default 127.0.0.1:1883).</summary>
    public IPEndPoint Mqtt { get; set; } = new(IPAddress.Loopback, 1883);

    /// <summary>Simulated board control API (default 127.0.0.1:8081).</summary>
    public int SimControlPort { get; set; } = 8081;

    /// <summary>Run the scripted steps and stop, instead of staying up for another terminal.</summary>
    public bool NoWait { get; set; }

    /// <summary>Where the database, the device state and the App session go; null = a new temporary folder.</summary>
    public string? Folder { get; set; }
}
