using System;

namespace DeviceFirmware.MockCloud.GService;

/// <summary>
/// What GService tells clients and how strict it is. Read on every request, so the M2M address may be filled in
/// after the broker has bound its ports.
/// </summary>
public sealed class GServiceOptions
{
    /// <summary>The M2M host that provisioning and the bindings list report (<c>host</c>).</summary>
    public string M2mHost { get; set; } = "127.0.0.1";

    /// <summary>The M2M plain MQTT port that provisioning and the bindings list report (<c>port</c>).</summary>
    public int M2mPort { get; set; } = 1883;

    /// <summary>The M2M MQTT-over-TLS port that the bindings list reports (<c>port_s</c>).</summary>
    public int M2mTlsPort { get; set; } = 8883;

    /// <summary>Largest request body accepted; a larger one is refused with 9015.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Failed logins, per login name and per remote address, after which further logins get 429/9041 until the window passes.</summary>
    public int LoginFailureLimit { get; set; } = 5;

    /// <summary>How far back failed logins count towards <see cref="LoginFailureLimit"/>.</summary>
    public TimeSpan LoginFailureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed bindings (wrong passcode), per uid and per remote address, after which further bindings get 429/9041 until the window passes.</summary>
    public int BindFailureLimit { get; set; } = 5;

    /// <summary>Anonymous (<c>phone_id</c>) registrations per remote address within <see cref="LoginFailureWindow"/>; more get 429/9041.</summary>
    public int AnonymousRegistrationLimit { get; set; } = 10;

    /// <summary>The clock for login throttling and provisioning's <c>server_ts</c>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
