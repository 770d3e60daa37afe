using DeviceFirmware.Protocol.Identity;

namespace DeviceFirmware.MockCloud.M2m;

/// <summary>
/// The topic rules of docs/protocol.md §8. An App subscribes only <c>ser2cli_res/&lt;own&gt;</c>,
/// <c>dev2app/&lt;bound DID&gt;</c> and <c>dev2app/&lt;bound DID&gt;/&lt;own&gt;</c> (no wildcards) and publishes
/// only <c>app2dev/&lt;bound DID&gt;/&lt;own&gt;</c>; a device subscribes only <c>app2dev/&lt;own DID&gt;/#</c> and
/// publishes only <c>dev2app/&lt;own DID&gt;</c> or <c>dev2app/&lt;own DID&gt;/&lt;AppClientId&gt;</c>.
/// Bindings are asked of the directory on every decision, so an unbind takes effect at once.
/// Each method returns null when allowed, else why not (for the log).
/// </summary>
public sealed class M2mAcl
{
    private readonly IM2mDirectory directory;

    /// <summary>Decides with the bindings of <paramref name="directory"/>.</summary>
    public M2mAcl(IM2mDirectory directory)
    {
        this.directory = directory ?? throw new System.ArgumentNullException(nameof(directory));
    }

    /// <summary>Null when <paramref name="client"/> may subscribe to <paramref name="filter"/>, else the reason.</summary>
    public string? WhyNotSubscribe(M2mClient client, string? filter)
    {
        if (string.IsNullOrEmpty(filter)) return "empty topic filter";
        if (client.Kind == M2mClientKind.Device)
        {
            return filter == Topics.DeviceSubscription(client.Did) ? null : $"a device subscribes only {Topics.DeviceSubscription(client.Did)}";
        }

        if (filter.Contains('#', System.StringComparison.Ordinal) || filter.Contains('+', System.StringComparison.Ordinal))
        {
            return "an App may not use wildcards";
        }

        if (filter == Topics.Ser2CliRes(client.ClientId)) return null;
        if (Topics.ParseDev2App(filter, out int didStart, out int didLength, out int cidStart, out int cidLength) != TopicError.None)
        {
            return "an App subscribes only ser2cli_res/<own>, dev2app/<DID> or dev2app/<DID>/<own>";
        }

        if (cidStart >= 0 && filter.Substring(cidStart, cidLength) != client.ClientId) return "dev2app/<DID>/<cid> with another App's client id";
        return WhyNotBound(client, filter.Substring(didStart, didLength));
    }

    /// <summary>Null when <paramref name="client"/> may publish on <paramref name="topic"/>, else the reason.</summary>
    public string? WhyNotPublish(M2mClient client, string? topic)
    {
        if (string.IsNullOrEmpty(topic)) return "empty topic";
        if (client.Kind == M2mClientKind.Device)
        {
            TopicError error = Topics.ParseDev2App(topic, out int didStart, out int didLength, out _, out _);
            if (error != TopicError.None) return $"a device publishes only dev2app/<own DID>[/<AppClientId>] ({error})";
            return topic.Substring(didStart, didLength) == client.Did ? null : "dev2app of another DID";
        }

        TopicError appError = Topics.ParseApp2Dev(topic, out int appDidStart, out int appDidLength, out int cidStart, out int cidLength);
        if (appError != TopicError.None) return $"an App publishes only app2dev/<DID>/<own client id> ({appError})";
        if (topic.Substring(cidStart, cidLength) != client.ClientId) return "app2dev/<DID>/<cid> with another App's client id";
        return WhyNotBound(client, topic.Substring(appDidStart, appDidLength));
    }

    private string? WhyNotBound(M2mClient client, string did) =>
        directory.IsBound(client.Uid, did) ? null : $"uid '{client.Uid}' is not bound to {did}";
}
