using System;
using System.Net;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.M2m;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.Identity;

namespace DeviceFirmware.Tests.MockCloud.M2m;

/// <summary>
/// A broker on 127.0.0.1 (free ports) over fixed accounts: application <see cref="AppId"/>; user u1 bound to D1,
/// user u2 bound to D2; Apps A and B are u1's, App C is u2's.
/// </summary>
public sealed class M2mTestCloud : IAsyncDisposable
{
    public const string AppId = "app1";
    public const string Uid1 = "u1";
    public const string Token1 = "tok-u1-SECRET";
    public const string Uid2 = "u2";
    public const string Token2 = "tok-u2-SECRET";
    public const string D1 = "did1AAAAAAAAAAAAAAAAAA";
    public const string Passcode1 = "PASSCODEAA";
    public const string D2 = "did2BBBBBBBBBBBBBBBBBB";
    public const string Passcode2 = "PASSCODEBB";
    public const string A = "usrAppA00000000000000";
    public const string B = "usrAppB00000000000000";
    public const string C = "usrAppC00000000000000";

    private static uint nextSn;

    private M2mTestCloud(InMemoryM2mDirectory directory, M2mBroker broker, ListLogger log)
    {
        Directory = directory;
        Broker = broker;
        Log = log;
    }

    public InMemoryM2mDirectory Directory { get; }

    public M2mBroker Broker { get; }

    public ListLogger Log { get; }

    public IPEndPoint Endpoint => Broker.MqttEndpoint!;

    public static async Task<M2mTestCloud> StartAsync(Action<M2mOptions>? configure = null)
    {
        var directory = new InMemoryM2mDirectory()
            .AddApplication(AppId)
            .AddToken(Uid1, Token1).AddToken(Uid2, Token2)
            .AddDevice(D1, Passcode1).AddDevice(D2, Passcode2)
            .Bind(Uid1, D1).Bind(Uid2, D2);
        var options = new M2mOptions { MqttEndpoint = new IPEndPoint(IPAddress.Loopback, 0) };
        configure?.Invoke(options);
        var log = new ListLogger();
        var broker = new M2mBroker(directory, options, log);
        await broker.StartAsync();
        return new M2mTestCloud(directory, broker, log);
    }

    public Task<TestClient> AppAsync(string clientId, string uid = Uid1, string token = Token1) =>
        TestClient.ConnectAsync(Endpoint, clientId, AppUserName.Build(AppId, uid), token);

    public Task<TestClient> DeviceAsync(string did, string passcode) => TestClient.ConnectAsync(Endpoint, did, did, passcode);

    /// <summary>A distinct, valid 0x0093 frame (its sn is unique in the test run).</summary>
    public static byte[] Frame()
    {
        byte[] buffer = new byte[64];
        uint sn = System.Threading.Interlocked.Increment(ref nextSn);
        FrameWriter.WriteBusinessWithSn(buffer, 0, GizwitsCommand.BusinessWithSn, sn, [0x02], 0, 1, out int length);
        return buffer.AsSpan(0, length).ToArray();
    }

    public async ValueTask DisposeAsync() => await Broker.DisposeAsync();
}
