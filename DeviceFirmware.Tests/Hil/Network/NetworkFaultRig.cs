using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.MockCloud.App;
using DeviceFirmware.Tests.MockCloud.M2m;
using DeviceFirmware.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil.Network
{
    /// <summary>
    /// A firmware process in its own <see cref="FirmwareNamespace"/>, the mock cloud on the root side of the veth pair,
    /// and an App (root namespace, on the same address) bound to the device. Short timings (PINGREQ every 3.1 s, 3 s
    /// connect timeout, 0.5 s reconnect step) so two missed pings and a reconnect take seconds, not minutes.
    /// </summary>
    internal sealed class NetworkFaultRig : IAsyncDisposable
    {
        private readonly ITestOutputHelper output;
        private readonly AppEventLog events;
        private int lastRelay;

        private NetworkFaultRig(ITestOutputHelper output, FirmwareNamespace ns, HilWorld world, HilFirmware device, AppClient app, AppEventLog events)
        {
            this.output = output;
            Namespace = ns;
            World = world;
            Device = device;
            App = app;
            this.events = events;
        }

        public FirmwareNamespace Namespace { get; }

        public HilWorld World { get; }

        public HilFirmware Device { get; }

        public AppClient App { get; }

        /// <summary>The firmware's M2M address as it logs it (<c>HOST:PORT</c>).</summary>
        public string M2m => Namespace.HostAddress + ":" + World.Cloud.MqttPort.ToString(CultureInfo.InvariantCulture);

        /// <summary>Everything the App has received so far.</summary>
        public AppEvent[] Events => events.All;

        /// <summary>Makes the namespace (or skips, visibly), starts the cloud, the firmware inside, the App outside.</summary>
        public static async Task<NetworkFaultRig> StartAsync(ITestOutputHelper output, string test)
        {
            FirmwareNamespace ns = FirmwareNamespace.Create(output, test);
            HilWorld? world = null;
            try
            {
                world = HilWorld.Start(output, ns.HostAddress);
                world.FirmwareCommand = ns.Exec(HostCommand.Find("dotnet") ?? "dotnet", RepoPaths.FirmwareDll);
                HilFirmware device = world.StartFirmware(
                    "firmware",
                    "--m2m", ns.HostAddress + ":" + world.Cloud.MqttPort.ToString(CultureInfo.InvariantCulture),
                    "--reconnect-step-ms", "500",
                    "--ping-interval-ms", "3100",
                    "--connect-timeout-ms", "3000");
                AppSession user = await world.UserAsync("netns-user", device);
                AppClient app = await world.AppAsync(user, null, device);
                var rig = new NetworkFaultRig(output, ns, world, device, app, new AppEventLog(app));
                await rig.AssertAnswersAsync("before the fault");
                return rig;
            }
            catch
            {
                try
                {
                    if (world is not null) await world.DisposeAsync();
                }
                finally
                {
                    ns.Dispose();
                }

                throw;
            }
        }

        /// <summary>How many lines the firmware has logged so far: later waits look only after this mark.</summary>
        public int LogMark() => Device.Process.Lines.Count;

        /// <summary>
        /// Waits (up to <paramref name="timeoutSeconds"/>) for the firmware to show that it dropped its connection and is
        /// trying again: a lost connection, or a reconnect attempt that failed or was abandoned, after <paramref name="since"/>.
        /// </summary>
        public string WaitForDrop(int since, int timeoutSeconds = 40) => Device.Process.WaitForLine(IsDropSign, timeoutSeconds, since);

        /// <summary>True when the firmware showed a drop (lost, failed or abandoned attempt) or a new connection after <paramref name="since"/>.</summary>
        public bool DroppedSince(int since) => Device.Process.Lines.Skip(since).Any(l => IsDropSign(l) || IsConnected(l));

        /// <summary>
        /// After a fault ended: the firmware logs "Connected to" again (up to 40 s: the reconnect back-off grows by
        /// 0.5 s a failure), the App sees the device online and its full-status broadcast, and a command is answered.
        /// </summary>
        public async Task AssertRecoveredAsync(int since, int eventsSince)
        {
            Device.Process.WaitForLine(IsConnected, 40, since);
            await Eventually.True(() => Events.Skip(eventsSince).OfType<DeviceOnlineEvent>().Any(e => e.Online), "the App sees 0x0092 online after the reconnect; " + Seen(eventsSince), TimeSpan.FromSeconds(20));
            await Eventually.True(() => Events.Skip(eventsSince).OfType<DeviceStatusEvent>().Any(e => e.IsBroadcast && !e.Sn.HasValue), "the status broadcast after the reconnect; " + Seen(eventsSince), TimeSpan.FromSeconds(20));
            await AssertAnswersAsync("after the fault");
            await AssertPresenceOnlineAsync(eventsSince);
        }

        /// <summary>The last 0x0092 the App saw since <paramref name="eventsSince"/>, if any, says online (within 20 s).</summary>
        public Task AssertPresenceOnlineAsync(int eventsSince) => Eventually.True(
            () => Events.Skip(eventsSince).OfType<DeviceOnlineEvent>().LastOrDefault() is not { Online: false },
            "the App's last 0x0092 to say online; " + Seen(eventsSince),
            TimeSpan.FromSeconds(20));

        /// <summary>
        /// A 0x0093 write of Relay (toggled each time) is answered with a 0x0094 that shows the new value. With more
        /// than one attempt the App retries (the same value) after a reply timeout, as an App on QoS 0 does: a command
        /// that met a session being dropped is lost with it.
        /// </summary>
        public async Task AssertAnswersAsync(string when, int attempts = 1)
        {
            Product product = HilWorld.GoKit;
            int relay = 1 - lastRelay;
            var values = new DataPointValues(product);
            var flagged = new bool[product.Points.Length];
            values.Set(product.Find("Relay").Id, relay);
            flagged[product.Find("Relay").Id] = true;
            DeviceStatusEvent reply;
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    reply = await App.SendWriteWithReplyAsync(Device.Did, values, flagged);
                    break;
                }
                catch (ReplyTimeoutException e) when (attempt < attempts)
                {
                    output.WriteLine($"attempt {attempt} {when} unanswered ({e.Message}); the App retries");
                }
                catch (ReplyTimeoutException e)
                {
                    throw new Xunit.Sdk.XunitException($"no 0x0094 {when} in {attempts} attempt(s): {e.Message}\n{Device.Process.Tail()}");
                }
            }

            Assert.Equal(GizwitsCommand.BusinessWithSnAck, reply.Command);
            Assert.Equal(relay == 1, reply.Values["Relay"]);
            lastRelay = relay;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await events.DisposeAsync();
                await World.DisposeAsync();
            }
            finally
            {
                Namespace.Dispose();
            }
        }

        // The transport's warnings name the broker; the firmware loop (where it reports its session decisions) says
        // "PINGRESPs missed in a row" when it drops a dead connection.
        private bool IsDropSign(string line) => line.Contains("PINGRESPs missed in a row", StringComparison.Ordinal)
            || (line.Contains(M2m, StringComparison.Ordinal)
                && (line.Contains(" lost (", StringComparison.Ordinal) || line.Contains(" abandoned ", StringComparison.Ordinal) || line.Contains(" failed: ", StringComparison.Ordinal)));

        private static bool IsConnected(string line) => line.Contains("Connected to", StringComparison.Ordinal);

        private string Seen(int eventsSince) => "App events since the fault: " + string.Join(" | ", Events.Skip(eventsSince).Select(e => e.ToString()));
    }
}
