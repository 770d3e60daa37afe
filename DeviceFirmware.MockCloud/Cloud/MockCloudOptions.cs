using System;
using System.Collections.Generic;
using System.Net;

namespace DeviceFirmware.MockCloud.Cloud;

/// <summary>How <c>gizctl cloud serve</c> runs the mock cloud: listeners, database, accounts given at start.</summary>
public sealed class MockCloudOptions
{
    /// <summary>GService HTTP listener (default 127.0.0.1:8080; port 0 = any free port).</summary>
    public IPEndPoint Http { get; set; } = new(IPAddress.Loopback, 8080);

    /// <summary>M2M plain MQTT listener (default 127.0.0.1:1883).</summary>
    public IPEndPoint Mqtt { get; set; } = new(IPAddress.Loopback, 1883);

    /// <summary>M2M MQTT-over-TLS listener, or null for none (default 127.0.0.1:8883).</summary>
    public IPEndPoint? Mqtts { get; set; } = new(IPAddress.Loopback, 8883);

    /// <summary>PFX or PEM (certificate + key) for the TLS listener; null = a self-signed one made at start.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>Where the TLS certificate's public part is written as PEM for clients to trust; null = not written.</summary>
    public string? CertificateOut { get; set; }

    /// <summary>SQLite file, or <c>:memory:</c> (default <c>mock-cloud.db</c> in the working directory).</summary>
    public string Database { get; set; } = "mock-cloud.db";

    /// <summary>Application ids accepted from Apps (added to the database; earlier ones stay).</summary>
    public IList<string> AppIds { get; } = new List<string>();

    /// <summary>Product definition files whose product keys devices may register with.</summary>
    public IList<string> ProductFiles { get; } = new List<string>();

    /// <summary>The web console at <c>/console</c>: its application id and the simulated boards of its board panel.</summary>
    public WebConsole.ConsoleOptions Console { get; } = new();

    /// <summary>How long a login token lives (default 7 days).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(7);
}
