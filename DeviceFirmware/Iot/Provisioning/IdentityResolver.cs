#nullable enable
using System;
using System.Net.Http;
using System.Net.NetworkInformation;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Iot.Config;
using Microsoft.Extensions.Logging;

namespace DeviceFirmware.Iot.Provisioning;

/// <summary>
/// Decides who the device is and where it connects, before the MQTT session starts: a DID from the options wins;
/// else the state file's (same product); else it registers with GService and saves the new identity. The M2M address
/// comes from <c>--m2m</c>, else from provisioning. GService being down is retried (1, 2, 4 … 30 s) until it answers
/// or the program is stopped; GService answering with an HTTP error status is a configuration error and stops the start.
/// </summary>
public sealed class IdentityResolver
{
    private readonly FirmwareOptions options;
    private readonly HttpClient http;
    private readonly ILogger logger;

    /// <summary>Creates the resolver.</summary>
    public IdentityResolver(FirmwareOptions options, HttpClient http, ILogger logger)
    {
        this.options = options;
        this.http = http;
        this.logger = logger;
    }

    /// <summary>The identity and M2M address to use for <paramref name="productKey"/>.</summary>
    public async Task<(DeviceIdentity Identity, HostPort M2m)> ResolveAsync(string productKey, CancellationToken cancel)
    {
        DeviceIdentity identity = await ResolveIdentityAsync(productKey, cancel).ConfigureAwait(false);
        if (HostPort.TryParse(options.M2m, out HostPort m2m, out _)) return (identity, m2m);

        GServiceDeviceClient client = Client();
        (string host, int port) = await RetryAsync(() => client.ProvisionAsync(identity.Did, cancel), "provisioning", cancel).ConfigureAwait(false);
        logger.LogInformation("Provisioned {Did}: M2M at {Host}:{Port}", identity.Did, host, port);
        return (identity, new HostPort(host, port));
    }

    private async Task<DeviceIdentity> ResolveIdentityAsync(string productKey, CancellationToken cancel)
    {
        if (!string.IsNullOrEmpty(options.Did)) return new DeviceIdentity(options.Did, options.Passcode ?? "", productKey);

        string path = StateFile.PathFor(options);
        if (!StateFile.TryLoad(path, out DeviceIdentity? saved, out string error)) logger.LogWarning("{Error}; registering anew", error);
        if (saved is not null && saved.ProductKey == productKey)
        {
            logger.LogInformation("Using the identity in {StateFile}: DID {Did}", path, saved.Did);
            return saved;
        }

        string passcode = string.IsNullOrEmpty(options.Passcode) ? Passcode.NewRandom() : options.Passcode;
        string mac = string.IsNullOrEmpty(options.Mac) ? FirstMac() : options.Mac;
        GServiceDeviceClient client = Client();
        string did = await RetryAsync(() => client.RegisterAsync(productKey, passcode, mac, cancel), "registration", cancel).ConfigureAwait(false);
        var identity = new DeviceIdentity(did, passcode, productKey);
        StateFile.Save(path, identity);
        logger.LogInformation("Registered as DID {Did}; identity saved in {StateFile}", did, path);
        return identity;
    }

    private GServiceDeviceClient Client()
    {
        if (string.IsNullOrEmpty(options.GService)) throw new ProvisioningException("no --gservice URL to register or provision with");
        return new GServiceDeviceClient(http, new Uri(options.GService));
    }

    private async Task<T> RetryAsync<T>(Func<Task<T>> call, string what, CancellationToken cancel)
    {
        int delaySeconds = 1;
        while (true)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                logger.LogWarning("GService {What} failed ({Reason}); retrying in {Seconds} s", what, e.Message, delaySeconds);
            }
            catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
            {
                logger.LogWarning("GService {What} timed out; retrying in {Seconds} s", what, delaySeconds);
            }

            await Task.Delay(TimeSpan.FromSeconds(delaySeconds), cancel).ConfigureAwait(false);
            delaySeconds = Math.Min(delaySeconds * 2, 30);
        }
    }

    private static string FirstMac()
    {
        foreach (NetworkInterface nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.NetworkInterfaceType == NetworkInterfaceType.Loopback) continue;
            byte[] bytes = nic.GetPhysicalAddress().GetAddressBytes();
            if (bytes.Length == 6) return Convert.ToHexString(bytes).ToLowerInvariant();
        }

        return "000000000000";
    }
}
