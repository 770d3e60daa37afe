using System.Linq;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Tests.Interop;
using DeviceFirmware.Tests.MockCloud.App;
using Xunit;
using Xunit.Abstractions;
using LogLevel = DeviceFirmware.Protocol.LogLevel;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>HIL: 0x0010 settings (docs/protocol.md §3 [ours]) on the real device: the indicator LED and the log threshold.</summary>
    [Collection(HilCollection.Name)]
    public class SettingsScenarioTests
    {
        private readonly ITestOutputHelper output;

        public SettingsScenarioTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task Settings_are_confirmed_with_0x0011_and_the_indicator_goes_dark_and_back_on()
        {
            await using HilWorld world = HilWorld.Start(output);
            HilFirmware device = world.StartFirmware();
            AppClient app = await world.AppAsync(await world.UserAsync("alice", device), null, device);
            await using var seen = new AppEventLog(app);
            (_, int indicator) = SimControl.Pins();
            await device.Sim.WaitForLevelAsync(indicator, true, "the indicator on while connected");

            // SendSettingsAsync returns only once the device's 0x0011 arrived (it throws after its reply timeout).
            await app.SendSettingsAsync(device.Did, LogLevel.Warning, indicatorLed: false);
            SettingsAckEvent ack = await seen.WaitForAsync<SettingsAckEvent>(_ => true, "0x0011 in the App's events");
            Assert.Equal($"dev2app/{device.Did}/{app.ClientId}", ack.Topic);
            await device.Sim.WaitForLevelAsync(indicator, false, "the indicator dark after 0x0010 with the LED bit clear");

            await app.SendSettingsAsync(device.Did, LogLevel.Warning, indicatorLed: true);
            await device.Sim.WaitForLevelAsync(indicator, true, "the indicator on again after 0x0010 with the LED bit set");
            await seen.WaitForAfterAsync<SettingsAckEvent>(ack, _ => true, "the second 0x0011");
        }

        [Fact]
        public async Task Info_logs_reach_the_App_only_at_level_3()
        {
            await using HilWorld world = HilWorld.Start(output);
            HilFirmware device = world.StartFirmware();
            AppClient app = await world.AppAsync(await world.UserAsync("alice", device), null, device);
            await using var seen = new AppEventLog(app);

            // Level 2 (Warning + Error): the sensor's failure (Warning) arrives, its recovery (Info) must not.
            await app.SendSettingsAsync(device.Did, LogLevel.Warning, indicatorLed: true);
            await device.Sim.FailSensorAsync();
            await seen.WaitForAsync<DeviceLogEvent>(e => e.Level == LogLevel.Warning && e.Content.Contains("not answering", System.StringComparison.Ordinal), "the Warning of the failure at level 2");
            DeviceStatusEvent failed = await seen.WaitForAsync<DeviceStatusEvent>(e => e.IsBroadcast && Equals(e.Values["Fault_Sensor"], true), "the broadcast of the failure");
            await device.Sim.RecoverSensorAsync();

            // The marker: the recovery's status broadcast. The core emits the Info log before that broadcast, on the
            // same topic and connection, so an Info log let through would have arrived before it.
            DeviceStatusEvent recovered = await seen.WaitForAfterAsync<DeviceStatusEvent>(failed, e => e.IsBroadcast && Equals(e.Values["Fault_Sensor"], false), "the broadcast of the recovery");
            Assert.DoesNotContain(seen.Before(recovered).OfType<DeviceLogEvent>(), e => e.Level == LogLevel.Info);

            // Level 3: the same recovery now sends its Info log.
            await app.SendSettingsAsync(device.Did, LogLevel.Info, indicatorLed: true);
            await device.Sim.FailSensorAsync();
            DeviceStatusEvent failedAgain = await seen.WaitForAfterAsync<DeviceStatusEvent>(recovered, e => e.IsBroadcast && Equals(e.Values["Fault_Sensor"], true), "the broadcast of the second failure");
            await device.Sim.RecoverSensorAsync();
            DeviceLogEvent info = await seen.WaitForAfterAsync<DeviceLogEvent>(failedAgain, e => e.Level == LogLevel.Info && e.Content.Contains("answering again", System.StringComparison.Ordinal), "the Info log of the recovery at level 3");
            Assert.Equal("sensor", info.Tag);
        }
    }
}
