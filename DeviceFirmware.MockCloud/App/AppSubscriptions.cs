using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Protocol.Identity;
using DeviceFirmware.Protocol.P0;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace DeviceFirmware.MockCloud.App;

/// <summary>
/// The devices an App watches (DID → the product their business data is decoded with, or null) and the M2M
/// subscriptions that follow from them (docs/protocol.md §1, §8): <c>ser2cli_res/&lt;own&gt;</c>, and per device
/// <c>dev2app/&lt;DID&gt;</c> (broadcasts, presence) and <c>dev2app/&lt;DID&gt;/&lt;own&gt;</c> (answers to this App).
/// The list outlives connections: every reconnect subscribes it again, since the App connects with a clean session.
/// Thread-safe: the command API reads products while a connect attempt subscribes.
/// </summary>
internal sealed class AppSubscriptions
{
    private readonly object gate = new();
    private readonly Dictionary<string, Product?> devices = new(StringComparer.Ordinal);
    private readonly string clientId;
    private readonly ILogger logger;

    /// <summary>The subscriptions of the App <paramref name="clientId"/>; refusals after the first connect go to <paramref name="logger"/>.</summary>
    public AppSubscriptions(string clientId, ILogger logger)
    {
        this.clientId = clientId;
        this.logger = logger;
    }

    /// <summary>Adds or replaces a device without subscribing (before the first connect, or while reconnecting).</summary>
    public void Remember(string did, Product? product)
    {
        if (!Did.IsValid(did)) throw new ArgumentException($"'{did}' is not a DID", nameof(did));
        lock (gate) devices[did] = product;
    }

    /// <summary>The product a device's data is decoded with, or null (unknown device, or no product given).</summary>
    public Product? ProductOf(string did)
    {
        lock (gate) return did != null && devices.TryGetValue(did, out Product? product) ? product : null;
    }

    /// <summary>
    /// Adds a device and, when <paramref name="connected"/> then gives a live connection, subscribes its topics on it
    /// now (asked after the device is added, so a connect attempt that missed the device is not yet announced).
    /// </summary>
    /// <exception cref="DeviceNotBoundException">M2M refused the topics (the device is forgotten again).</exception>
    public async Task AddAsync(Func<IMqttClient?> connected, string did, Product? product, CancellationToken cancellationToken)
    {
        Remember(did, product);
        IMqttClient? current = connected();
        if (current == null) return;
        MqttClientSubscribeResult result = await current.SubscribeAsync(Options(DeviceFilters(did)), cancellationToken).ConfigureAwait(false);
        foreach (MqttClientSubscribeResultItem item in result.Items)
        {
            if (!Granted(item.ResultCode))
            {
                lock (gate) devices.Remove(did);
                throw new DeviceNotBoundException(did);
            }
        }
    }

    /// <summary>
    /// Subscribes everything on a freshly connected client. A device whose topics M2M refuses is the caller's mistake at
    /// the first connect (<paramref name="connectedBefore"/> false: <see cref="DeviceNotBoundException"/>); later the user
    /// was unbound meanwhile, so the device is forgotten and the connection goes on.
    /// </summary>
    /// <exception cref="AppConnectRefusedException">M2M refused <c>ser2cli_res/&lt;own&gt;</c>.</exception>
    /// <exception cref="DeviceNotBoundException">A device's topics were refused at the first connect.</exception>
    public async Task SubscribeAllAsync(IMqttClient fresh, string address, Func<bool> connectedBefore, CancellationToken cancel)
    {
        string[] dids;
        lock (gate)
        {
            dids = new string[devices.Count];
            devices.Keys.CopyTo(dids, 0);
        }

        var filters = new List<string> { Topics.Ser2CliRes(clientId) };
        foreach (string did in dids) filters.AddRange(DeviceFilters(did));
        MqttClientSubscribeResult granted = await fresh.SubscribeAsync(Options(filters), cancel).ConfigureAwait(false);
        foreach (MqttClientSubscribeResultItem item in granted.Items)
        {
            if (Granted(item.ResultCode)) continue;
            string topic = item.TopicFilter.Topic;
            if (!topic.StartsWith(Topics.Dev2AppPrefix, StringComparison.Ordinal)) throw new AppConnectRefusedException(address, $"subscription to {topic} refused", false);
            string did = topic.Substring(Topics.Dev2AppPrefix.Length).Split('/')[0];

            if (!connectedBefore()) throw new DeviceNotBoundException(did);
            lock (gate) devices.Remove(did);
            logger.LogWarning("App {ClientId}: M2M refused the topics of {Did} (no longer bound); not watching it", clientId, did);
        }
    }

    private static bool Granted(MqttClientSubscribeResultCode code) =>
        code is MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2;

    // QoS 0 throughout, as the protocol's frames are: a lost frame is the App's to retry (with the same sn).
    private static MqttClientSubscribeOptions Options(IEnumerable<string> filters)
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (string filter in filters) builder.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtMostOnce);
        return builder.Build();
    }

    private string[] DeviceFilters(string did) => [Topics.Dev2App(did), Topics.Dev2App(did, clientId)];
}
