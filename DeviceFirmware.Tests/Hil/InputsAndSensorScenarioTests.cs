using System.Linq;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Tests.MockCloud.App;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>HIL: the board's button and climate sensor reach the Apps as status broadcasts and logs.</summary>
    [Collection(HilCollection.Name)]
    public class InputsAndSensorScenarioTests
    {
        private readonly ITestOutputHelper output;

        public InputsAndSensorScenarioTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task A_button_press_is_broadcast_within_one_sensor_poll_period_and_the_release_too()
        {
            await using HilWorld world = HilWorld.Start(output);
            HilFirmware device = world.StartFirmware();
            AppClient app = await world.AppAsync(await world.UserAsync("alice", device), null, device);
            await using var seen = new AppEventLog(app);
            int button = HilCommands.InputPin("Button");

            // "Within one poll period" counted, not timed: the simulated sensor is read every 2 s, so at most one more
            // measurement may happen between the press and the broadcast reaching the App.
            long before = await device.Sim.MeasurementsAsync();
            await device.Sim.PressAsync(button);
            DeviceStatusEvent pressed = await seen.WaitForAsync<DeviceStatusEvent>(e => e.IsBroadcast && Equals(e.Values["Button"], true), "a status broadcast with Button=true");
            long after = await device.Sim.MeasurementsAsync();
            Assert.True(after - before <= 1, $"the press took {after - before} sensor polls to reach the App");
            Assert.Null(pressed.Sn);

            await device.Sim.ReleaseAsync(button);
            await seen.WaitForAfterAsync<DeviceStatusEvent>(pressed, e => e.IsBroadcast && Equals(e.Values["Button"], false), "a status broadcast with Button=false after the release");
        }

        [Fact]
        public async Task Temperature_over_the_limit_sets_the_alert_and_back_under_clears_it()
        {
            await using HilWorld world = HilWorld.Start(output);
            HilFirmware device = world.StartFirmware();
            AppClient app = await world.AppAsync(await world.UserAsync("alice", device), null, device);
            await using var seen = new AppEventLog(app);

            await device.Sim.SetClimateAsync(45.5, 40);
            DeviceStatusEvent hot = await seen.WaitForAsync<DeviceStatusEvent>(e => e.IsBroadcast && Equals(e.Values["Alert_Over_Temperature"], true), "a broadcast with the over-temperature alert set");
            Assert.Equal(45.5, (double)hot.Values["Temperature"], 1);

            // 40 °C is the limit itself: "above 40" is not reached, so the alert clears.
            await device.Sim.SetClimateAsync(40, 40);
            DeviceStatusEvent cool = await seen.WaitForAfterAsync<DeviceStatusEvent>(hot, e => e.IsBroadcast && Equals(e.Values["Alert_Over_Temperature"], false), "a broadcast with the alert cleared");
            Assert.Equal(40.0, (double)cool.Values["Temperature"], 1);
        }

        [Fact]
        public async Task A_failed_sensor_sets_the_fault_and_sends_a_Warning_log_and_its_recovery_clears_it()
        {
            await using HilWorld world = HilWorld.Start(output);
            HilFirmware device = world.StartFirmware();
            AppClient app = await world.AppAsync(await world.UserAsync("alice", device), null, device);
            await using var seen = new AppEventLog(app);

            await device.Sim.FailSensorAsync();
            DeviceStatusEvent faulty = await seen.WaitForAsync<DeviceStatusEvent>(e => e.IsBroadcast && Equals(e.Values["Fault_Sensor"], true), "a broadcast with Fault_Sensor set");
            DeviceLogEvent warning = await seen.WaitForAsync<DeviceLogEvent>(e => e.Level == DeviceFirmware.Protocol.LogLevel.Warning, "a 0x0012 Warning log");
            Assert.Equal(device.Did, warning.Did);
            Assert.Equal("sensor", warning.Tag);
            Assert.Contains("not answering", warning.Content, System.StringComparison.Ordinal);

            await device.Sim.RecoverSensorAsync();
            await seen.WaitForAfterAsync<DeviceStatusEvent>(faulty, e => e.IsBroadcast && Equals(e.Values["Fault_Sensor"], false), "a broadcast with Fault_Sensor cleared");

            // Once per failure: still one Warning.
            Assert.Single(seen.All.OfType<DeviceLogEvent>(), e => e.Level == DeviceFirmware.Protocol.LogLevel.Warning);
        }
    }
}
