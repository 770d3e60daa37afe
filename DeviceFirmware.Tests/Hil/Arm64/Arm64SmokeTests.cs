using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Hil.Network;
using DeviceFirmware.Tests.Interop;
using DeviceFirmware.Tests.MockCloud.App;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil.Arm64
{
    /// <summary>
    /// HIL on the Raspberry Pi's CPU: the firmware published for linux-arm64, self-contained (JIT) and as one native
    /// binary (NativeAOT, what hardware/README.md installs on a Pi), runs under qemu-aarch64 (user-mode emulation,
    /// Debian's arm64 libraries) against the mock cloud on loopback and passes the smoke scenario: it registers and connects, a write moves the pin and is answered with the sn, the status is
    /// broadcast, a 0x0010 is acknowledged with 0x0011 and darkens the LED, and SIGTERM stops it cleanly.
    /// </summary>
    // "HIL": the collection of the HIL scenarios (one at a time, so real processes do not race a 2-core CPU).
    [Collection("HIL")]
    public class Arm64SmokeTests
    {
        private readonly ITestOutputHelper output;

        public Arm64SmokeTests(ITestOutputHelper output) => this.output = output;

        [SkippableFact]
        public Task The_arm64_build_boots_under_qemu_and_speaks_the_protocol() =>
            SmokeAsync(Arm64Build.Command(output, nameof(The_arm64_build_boots_under_qemu_and_speaks_the_protocol)));

        [SkippableFact]
        public async Task The_arm64_native_build_boots_under_qemu_and_speaks_the_protocol()
        {
            string[] command = Arm64Build.Command(output, nameof(The_arm64_native_build_boots_under_qemu_and_speaks_the_protocol), native: true);

            // One file and no .NET beside it: no managed assembly and no runtime library was published with it.
            string folder = Path.GetDirectoryName(command[^1])!;
            Assert.Empty(Directory.GetFiles(folder, "*.dll"));
            Assert.False(File.Exists(Path.Combine(folder, "libcoreclr.so")), "the native build must not carry the CoreCLR runtime");
            await SmokeAsync(command);
        }

        private async Task SmokeAsync(string[] command)
        {
            Assert.True(Arm64Build.IsAarch64Elf(command[^1]), command[^1] + " is not an AArch64 ELF program");

            await using HilWorld world = HilWorld.Start(output);
            world.FirmwareCommand = command;
            world.FirmwareStartSeconds = 180; // Emulated (and, for the self-contained build, JIT-compiling): give it time.
            // A given passcode: a drawn one comes from RandomNumberGenerator, which on Linux needs libssl, and Debian has
            // no arm64 libssl for qemu's sysroot (the firmware aborts with "No usable version of libssl was found").
            HilFirmware device = world.StartFirmware("firmware-arm64", "--passcode", "ARMSMOKEPI");
            (int relayPin, int indicatorPin) = SimControl.Pins();
            Assert.False(await device.Sim.LevelAsync(relayPin), "relay at its safe level (off) after start");
            await device.Sim.WaitForLevelAsync(indicatorPin, true, "indicator LED on while connected");

            // The App of HilWorld answers within 10 s; an emulated firmware compiles each path on first use, so wait longer.
            AppSession user = await world.UserAsync("arm64-user", device);
            var options = new AppClientOptions { Host = world.Host, Port = world.Cloud.MqttPort, AppId = HilWorld.AppId, Uid = user.Uid, Token = user.Token, ReplyTimeout = TimeSpan.FromSeconds(60) };
            await using AppClient app = await AppClient.ConnectAsync(options, new[] { new KeyValuePair<string, Product?>(device.Did, HilWorld.GoKit) });
            await using var seen = new AppEventLog(app);

            Product product = HilWorld.GoKit;
            var values = new DataPointValues(product);
            var flagged = new bool[product.Points.Length];
            values.Set(product.Find("Relay").Id, 1);
            flagged[product.Find("Relay").Id] = true;
            DeviceStatusEvent reply = await app.SendWriteWithReplyAsync(device.Did, values, flagged);
            Assert.Equal(GizwitsCommand.BusinessWithSnAck, reply.Command);
            Assert.Equal(1u, reply.Sn);
            Assert.Equal(true, reply.Values["Relay"]);
            await device.Sim.WaitForLevelAsync(relayPin, true, "relay pin high after the write");
            await seen.WaitForAsync<DeviceStatusEvent>(e => e.IsBroadcast && Equals(e.Values["Relay"], true), "the status broadcast after the write");

            await app.SendSettingsAsync(device.Did, LogLevel.Info, indicatorLed: false);
            await device.Sim.WaitForLevelAsync(indicatorPin, false, "indicator LED dark after 0x0010");

            Assert.Equal(0, device.Terminate());
            device.Process.WaitForLine(l => l.Contains("outputs at their safe level", StringComparison.Ordinal), 10);
        }
    }
}
