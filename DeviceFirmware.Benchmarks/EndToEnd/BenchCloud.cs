using System;
using System.Net;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.Cloud;
using DeviceFirmware.MockCloud.Store;
using DeviceFirmware.Protocol.P0;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeviceFirmware.Benchmarks.EndToEnd
{
    /// <summary>
    /// The in-process mock cloud the end-to-end and start-up runs measure through: plain MQTT and HTTP on free ports, an
    /// in-memory store, the GoKit product, one App id and one user (<see cref="User"/>) to whom devices are bound.
    /// </summary>
    internal sealed class BenchCloud : IAsyncDisposable
    {
        /// <summary>The App id the benchmark's App logs in with.</summary>
        public const string AppId = "bench-app";

        private BenchCloud(MockCloudHost host, UserSession user)
        {
            Host = host;
            User = user;
        }

        /// <summary>The running cloud.</summary>
        public MockCloudHost Host { get; }

        /// <summary>The broker's MQTT port.</summary>
        public int MqttPort => Host.MqttEndpoint.Port;

        /// <summary>The user every device is bound to (its uid and token log the App in).</summary>
        public UserSession User { get; }

        /// <summary>Starts the cloud and registers the user.</summary>
        public static async Task<BenchCloud> StartAsync()
        {
            var options = new MockCloudOptions { Http = new IPEndPoint(IPAddress.Loopback, 0), Mqtt = new IPEndPoint(IPAddress.Loopback, 0), Mqtts = null, Database = CloudStore.InMemory };
            options.AppIds.Add(AppId);
            options.ProductFiles.Add(BenchRepo.File("hardware", "products", "gokit.json"));
            MockCloudHost host = await MockCloudHost.StartAsync(options, NullLoggerFactory.Instance);
            if (!host.Store.TryRegisterUser("bench", "bench-password-1", out UserSession? user))
            {
                await host.DisposeAsync();
                throw new InvalidOperationException("could not register the benchmark's user");
            }

            return new BenchCloud(host, user);
        }

        /// <summary>Registers a device of <paramref name="product"/> with <paramref name="mac"/> and binds it to <see cref="User"/>.</summary>
        public DeviceRecord BoundDevice(Product product, string mac, string passcode)
        {
            if (!Host.Store.TryRegisterDevice(product.ProductKey, mac, passcode, "normal", out DeviceRecord? device))
            {
                throw new InvalidOperationException("could not register device " + mac);
            }

            Host.Store.Bind(User.Uid, device.Did, device.Passcode, "", "");
            return device;
        }

        /// <inheritdoc/>
        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }
}
