using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MQTTnet;
using Xunit;
using static DeviceFirmware.Tests.MockCloud.M2m.M2mTestCloud;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>
/// Apps A, B (user u1, bound to D1) and C (user u2, bound to D2) and devices D1 and D2, all connected, each
/// subscribed to its allowed topics, with a "marker" path into each one's queue to prove non-delivery.
/// Topic templates use {D1} {D2} {A} {B} {C}.
/// </summary>
public sealed class AclWorld : IAsyncDisposable
{
    private readonly Dictionary<string, TestClient> clients = new();

    private AclWorld(M2mTestCloud cloud) => Cloud = cloud;

    public M2mTestCloud Cloud { get; }

    public TestClient this[string name] => clients[name];

    public static string Expand(string template) => template
        .Replace("{D1}", D1, StringComparison.Ordinal).Replace("{D2}", D2, StringComparison.Ordinal)
        .Replace("{A}", A, StringComparison.Ordinal).Replace("{B}", B, StringComparison.Ordinal).Replace("{C}", C, StringComparison.Ordinal);

    /// <summary>Connects everyone; with <paramref name="subscribeAll"/> each also subscribes all its allowed topics, else only its marker topic.</summary>
    public static async Task<AclWorld> StartAsync(bool subscribeAll)
    {
        var world = new AclWorld(await M2mTestCloud.StartAsync());
        try
        {
            world.clients["D1"] = await world.Cloud.DeviceAsync(D1, Passcode1);
            world.clients["D2"] = await world.Cloud.DeviceAsync(D2, Passcode2);
            world.clients["A"] = await world.Cloud.AppAsync(A);
            world.clients["B"] = await world.Cloud.AppAsync(B);
            world.clients["C"] = await world.Cloud.AppAsync(C, Uid2, Token2);
            string[][] subscriptions = subscribeAll
                ?
                [
                    ["D1", "app2dev/{D1}/#"], ["D2", "app2dev/{D2}/#"],
                    ["A", "dev2app/{D1}"], ["A", "dev2app/{D1}/{A}"], ["A", "ser2cli_res/{A}"],
                    ["B", "dev2app/{D1}"], ["B", "dev2app/{D1}/{B}"],
                    ["C", "dev2app/{D2}"], ["C", "dev2app/{D2}/{C}"],
                ]
                : [["D1", "app2dev/{D1}/#"], ["A", "dev2app/{D1}/{A}"], ["C", "dev2app/{D2}/{C}"]];
            foreach (string[] s in subscriptions)
            {
                Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await world[s[0]].SubscribeAsync(Expand(s[1])));
            }

            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Sends a fresh marker into <paramref name="observer"/>'s queue along an allowed path and waits for it. Since the
    /// broker queues per subscriber in order, anything dispatched to the observer before the marker was sent has
    /// arrived by then.
    /// </summary>
    public async Task SendMarkerToAsync(string observer)
    {
        (string from, string topic) = observer switch
        {
            "D1" => ("A", "app2dev/{D1}/{A}"),
            "D2" => ("C", "app2dev/{D2}/{C}"),
            "A" => ("D1", "dev2app/{D1}/{A}"),
            "B" => ("D1", "dev2app/{D1}/{B}"),
            "C" => ("D2", "dev2app/{D2}/{C}"),
            _ => throw new ArgumentOutOfRangeException(nameof(observer)),
        };
        byte[] marker = Frame();
        await this[from].PublishAsync(Expand(topic), marker);
        await this[observer].WaitForAsync(marker, $"the marker on {topic}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (TestClient client in clients.Values) await client.DisposeAsync();
        await Cloud.DisposeAsync();
    }
}
