using System.Collections.Concurrent;
using DeviceFirmware.MockCloud.M2m;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>The accounts of a test: devices with passcodes, application ids, tokens and bindings, all in memory.</summary>
public sealed class InMemoryM2mDirectory : IM2mDirectory
{
    private readonly ConcurrentDictionary<string, string> devices = new();
    private readonly ConcurrentDictionary<string, bool> applications = new();
    private readonly ConcurrentDictionary<(string Uid, string Token), bool> tokens = new();
    private readonly ConcurrentDictionary<(string Uid, string Did), bool> bindings = new();

    public InMemoryM2mDirectory AddDevice(string did, string passcode)
    {
        devices[did] = passcode;
        return this;
    }

    public InMemoryM2mDirectory AddApplication(string appId)
    {
        applications[appId] = true;
        return this;
    }

    public InMemoryM2mDirectory AddToken(string uid, string token)
    {
        tokens[(uid, token)] = true;
        return this;
    }

    public InMemoryM2mDirectory Bind(string uid, string did)
    {
        bindings[(uid, did)] = true;
        return this;
    }

    public void Unbind(string uid, string did) => bindings.TryRemove((uid, did), out _);

    public bool IsDevice(string did, string passcode) => devices.TryGetValue(did, out string? known) && known == passcode;

    public bool IsApplication(string appId) => applications.ContainsKey(appId);

    public bool IsValidToken(string uid, string token) => tokens.ContainsKey((uid, token));

    public bool IsBound(string uid, string did) => bindings.ContainsKey((uid, did));
}
