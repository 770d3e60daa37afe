using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>
    /// The hardware-in-the-loop rig: the mock cloud and firmware processes on 127.0.0.1 with free ports, Apps driving
    /// them, the simulated pins read through each firmware's control API. On dispose every process is killed (by PID,
    /// whole tree) and every line any of them logged is scanned: an Error or Critical line the test did not declare
    /// with <see cref="ExpectError"/> fails the test, as MQTTnet's own suite does.
    /// </summary>
    internal sealed class HilWorld : IAsyncDisposable
    {
        public const string AppId = "hil-app";
        private readonly ITestOutputHelper output;
        private readonly List<HilFirmware> firmwares = new();
        private readonly List<ChildProcess> clouds = new();
        private readonly List<IAsyncDisposable> apps = new();
        private readonly List<IDisposable> services = new();
        private readonly List<string> expectedErrors = new();
        private string[] cloudArgs = Array.Empty<string>();

        private HilWorld(ITestOutputHelper output, string folder, string host)
        {
            this.output = output;
            Folder = folder;
            Host = host;
        }

        public string Folder { get; }

        /// <summary>The address the mock cloud listens on and the Apps connect to (127.0.0.1, or e.g. a veth address).</summary>
        public string Host { get; }

        /// <summary>
        /// The program and the arguments before the firmware's own options (default <c>dotnet DeviceFirmware.dll</c>);
        /// a test may set another before starting firmwares, e.g. <c>ip netns exec NS dotnet …</c> or <c>qemu-aarch64 …</c>.
        /// </summary>
        public IReadOnlyList<string> FirmwareCommand { get; set; } = new[] { "dotnet", RepoPaths.FirmwareDll };

        /// <summary>How long a firmware may take from start to "Connected to" (emulated CPUs are slower).</summary>
        public int FirmwareStartSeconds { get; set; } = 60;

        public static Product GoKit { get; } = ProductJson.Load(RepoPaths.Product("gokit"));

        /// <summary>The mock cloud now running (a restart replaces it).</summary>
        public MockCloudProcess Cloud { get; private set; } = null!;

        public static HilWorld Start(ITestOutputHelper output, string host = "127.0.0.1") => StartWith(output, host);

        /// <summary>Starts a world whose mock cloud gets <paramref name="cloudArgs"/> too (e.g. <c>--sim-control</c>).</summary>
        public static HilWorld StartWith(ITestOutputHelper output, string host, params string[] cloudArgs)
        {
            var world = new HilWorld(output, Directory.CreateTempSubdirectory("hil-").FullName, host) { cloudArgs = cloudArgs };
            world.StartCloud();
            return world;
        }

        /// <summary>Starts the mock cloud on free ports (or on the given ones, to come back where it was).</summary>
        public void StartCloud(int httpPort = 0, int mqttPort = 0)
        {
            Cloud = MockCloudProcess.Start(Path.Combine(Folder, "cloud.db"), Host, httpPort, mqttPort, new[] { "--appid", AppId }.Concat(cloudArgs).ToArray());
            clouds.Add(Cloud.Process);
        }

        /// <summary>Stops the mock cloud with SIGTERM (its ports and database stay for <see cref="StartCloud"/>).</summary>
        public void StopCloud()
        {
            Cloud.Process.Terminate();
            Assert.True(Cloud.Process.WaitForExit(20), "the mock cloud did not stop:\n" + Cloud.Process.Tail());
        }

        /// <summary>Starts a firmware that registers itself; <paramref name="extra"/> are more command-line options.</summary>
        public HilFirmware StartFirmware(string name = "firmware", params string[] extra) => StartFirmwareOnSimPort(0, name, extra);

        /// <summary>Starts a firmware whose simulated board's control API listens on <paramref name="simPort"/> (0: a free one).</summary>
        public HilFirmware StartFirmwareOnSimPort(int simPort, string name = "firmware", params string[] extra)
        {
            var firmware = new HilFirmware(this, name, Path.Combine(Folder, name + "-state.json"), extra, simPort);
            firmwares.Add(firmware);
            firmware.Start();
            return firmware;
        }

        /// <summary>Starts a firmware with another product and board (a name or a board file).</summary>
        public HilFirmware StartFirmwareWith(string name, string productFile, string board, params string[] extra)
        {
            var firmware = new HilFirmware(this, name, Path.Combine(Folder, name + "-state.json"), extra, 0, productFile, board);
            firmwares.Add(firmware);
            firmware.Start();
            return firmware;
        }

        /// <summary>Registers an App user and binds it to <paramref name="devices"/>.</summary>
        public async Task<AppSession> UserAsync(string name, params HilFirmware[] devices)
        {
            var gservice = new GServiceClient(Cloud.GService, AppId);
            services.Add(gservice);
            AppSession session = await gservice.RegisterAsync(name, name + "-password-1");
            foreach (HilFirmware device in devices)
            {
                BindResult bound = await gservice.BindAsync(device.Did, device.Passcode);
                Assert.Contains(device.Did, bound.Success);
            }

            return session;
        }

        /// <summary>An App of <paramref name="user"/> on M2M, subscribed to <paramref name="devices"/>, disposed with the world.</summary>
        public Task<AppClient> AppAsync(AppSession user, string? clientId = null, params HilFirmware[] devices) =>
            AppAsync(user, clientId, GoKit, devices);

        /// <summary>An App of <paramref name="user"/> that knows <paramref name="devices"/> as <paramref name="product"/>.</summary>
        public async Task<AppClient> AppAsync(AppSession user, string? clientId, Product product, params HilFirmware[] devices)
        {
            var options = new AppClientOptions
            {
                Host = Host,
                Port = Cloud.MqttPort,
                AppId = AppId,
                Uid = user.Uid,
                Token = user.Token,
                ClientId = clientId,
            };
            options.Session.ReconnectStepMs = 500;
            AppClient app = await AppClient.ConnectAsync(options, devices.Select(d => new KeyValuePair<string, Product?>(d.Did, product)));
            apps.Add(app);
            return app;
        }

        /// <summary>Declares an Error/Critical log line the test provokes on purpose (matched by substring).</summary>
        public void ExpectError(string substring) => expectedErrors.Add(substring);

        public async ValueTask DisposeAsync()
        {
            foreach (IAsyncDisposable app in apps) await app.DisposeAsync();
            foreach (HilFirmware firmware in firmwares) firmware.Dispose();
            foreach (ChildProcess cloud in clouds) cloud.Dispose();
            foreach (IDisposable service in services) service.Dispose();

            var unexpected = new List<string>();
            foreach (ChildProcess process in firmwares.SelectMany(f => f.Runs).Concat(clouds))
            {
                foreach (string line in process.Lines)
                {
                    bool error = line.Contains(" fail: ", StringComparison.Ordinal) || line.Contains(" crit: ", StringComparison.Ordinal)
                        || line.StartsWith("Unhandled exception", StringComparison.Ordinal);
                    if (error && !expectedErrors.Any(e => line.Contains(e, StringComparison.Ordinal))) unexpected.Add($"{process.Name}: {line}");
                }

                output.WriteLine($"---- {process.Name} (pid {process.Pid})");
                output.WriteLine(process.Tail(80));
            }

            try
            {
                Directory.Delete(Folder, true);
            }
            catch (IOException)
            {
                // A process may still hold a file for a moment; the OS cleans temp.
            }

            if (unexpected.Count > 0) throw new Xunit.Sdk.XunitException("unexpected errors logged:\n" + string.Join("\n", unexpected));
        }
    }
}
