using System.IO;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.MockCloud.App;
using DeviceFirmware.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>
    /// HIL: the firmware serves a var_len product (the 44-point boiler thermostat, ids interleaved, every position 0/0)
    /// on the simulated board, its relay and climate sensor mapped by a board file: an App writes with 0x11 and reads
    /// with 0x12 through the mock cloud, and gets 0x14 / 0x13 answers.
    /// </summary>
    [Collection(HilCollection.Name)]
    public class VarLenScenarioTests
    {
        private readonly ITestOutputHelper output;

        public VarLenScenarioTests(ITestOutputHelper output) => this.output = output;

        private static string BoardFile => Path.Combine(RepoPaths.Root, "DeviceFirmware.Tests", "Hil", "Boards", "boiler-var-len-simulated.json");

        [Fact]
        public async Task A_var_len_device_takes_a_0x11_write_moves_the_relay_and_answers_a_0x12_read_with_0x13()
        {
            Product boiler = ProductJson.Load(RepoPaths.Product("boiler-thermostat-var-len"));
            await using HilWorld world = HilWorld.Start(output);
            HilFirmware device = world.StartFirmwareWith("boiler", RepoPaths.Product("boiler-thermostat-var-len"), BoardFile);
            AppClient app = await world.AppAsync(await world.UserAsync("alice", device), null, boiler, device);
            await using var seen = new AppEventLog(app);
            const int relayPin = 17;
            Assert.False(await device.Sim.LevelAsync(relayPin));

            // 0x11: Heating_Relay (id 5) on and Heating_Setpoint (id 2) 21.5 °C (ratio 0.5 → raw 43).
            var values = new DataPointValues(boiler);
            var flagged = new bool[boiler.Points.Length];
            values.Set(boiler.Find("Heating_Relay").Id, 1);
            values.Set(boiler.Find("Heating_Setpoint").Id, 43);
            flagged[boiler.Find("Heating_Relay").Id] = true;
            flagged[boiler.Find("Heating_Setpoint").Id] = true;
            DeviceStatusEvent written = await app.SendWriteWithReplyAsync(device.Did, values, flagged);
            Assert.Equal(GizwitsCommand.BusinessWithSnAck, written.Command);
            Assert.Null(written.P0Error);
            Assert.Equal(P0Action.VariableReport, written.Action);
            Assert.Equal(44, written.Readings.Count); // every point flagged
            Assert.Equal(true, written.Values["Heating_Relay"]);
            Assert.Equal(21.5, (double)written.Values["Heating_Setpoint"]);
            await device.Sim.WaitForLevelAsync(relayPin, true, "the relay pin high after the 0x11 write");
            await seen.WaitForAsync<DeviceStatusEvent>(e => e.IsBroadcast && e.Action == P0Action.VariableReport && Equals(e.Values["Heating_Relay"], true), "the 0x14 broadcast after the write");

            // The sensor, mapped to Room_Temperature (id 3) and Room_Humidity (id 4), reaches a 0x14 broadcast ...
            await device.Sim.SetClimateAsync(23.4, 55);
            await seen.WaitForAsync<DeviceStatusEvent>(e => e.IsBroadcast && e.Action == P0Action.VariableReport && Equals(e.Values["Room_Humidity"], 55.0), "a 0x14 broadcast with the new humidity");

            // ... and a 0x12 read (every point) is answered with 0x13 to the asker only.
            DeviceStatusEvent read = await app.SendReadAsync(device.Did);
            Assert.Equal(P0Action.VariableReadReply, read.Action);
            Assert.False(read.IsBroadcast);
            Assert.Null(read.P0Error);
            Assert.Equal(44, read.Readings.Count);
            Assert.Equal(23.4, (double)read.Values["Room_Temperature"], 1);
            Assert.Equal(55.0, (double)read.Values["Room_Humidity"]);
            Assert.Equal(true, read.Values["Heating_Relay"]);
            Assert.Equal(false, read.Values["Fault_Sensor"]);
        }
    }
}
