using System;
using System.Globalization;
using System.IO;
using System.Linq;
using DeviceFirmware.Iot.Provisioning;
using DeviceFirmware.Tests.Support;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Hosting
{
    /// <summary>The firmware process against the mock cloud process: self-registration, identity kept across restarts, clean stop.</summary>
    public class FirmwareProcessTests : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("fw-proc-").FullName;

        public void Dispose() => Directory.Delete(folder, true);

        private ChildProcess Firmware(MockCloudProcess cloud, string stateFile) => ChildProcess.Start("firmware", "dotnet", new[]
        {
            RepoPaths.FirmwareDll, "--board", "simulated", "--product", RepoPaths.Product("gokit"),
            "--gservice", cloud.GService.ToString(), "--state-file", stateFile,
        });

        [Fact]
        public void Without_a_did_it_registers_keeps_its_identity_across_restarts_and_stops_cleanly_on_sigterm()
        {
            using MockCloudProcess cloud = MockCloudProcess.Start(Path.Combine(folder, "cloud.db"));
            string state = Path.Combine(folder, "state.json");

            string did;
            using (ChildProcess first = Firmware(cloud, state))
            {
                first.WaitForLine(l => l.Contains("Connected to 127.0.0.1:" + cloud.MqttPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), 30);
                Assert.True(StateFile.TryLoad(state, out DeviceIdentity? identity, out string error), error);
                did = identity!.Did;
                cloud.Process.WaitForLine(l => l.Contains($"device {did} online", StringComparison.Ordinal));

                first.Terminate();
                Assert.True(first.WaitForExit(15), "firmware did not stop within 15 s of SIGTERM:\n" + first.Tail());
                Assert.Equal(0, first.ExitCode);
                Assert.Contains(first.Lines, l => l.Contains("outputs at their safe level", StringComparison.Ordinal));
                cloud.Process.WaitForLine(l => l.Contains($"disconnected: {did} (Device), Clean", StringComparison.Ordinal));
            }

            int registrations = cloud.Process.Lines.Count(l => l.Contains("registered as product", StringComparison.Ordinal));
            using (ChildProcess second = Firmware(cloud, state))
            {
                second.WaitForLine(l => l.Contains("Connected to", StringComparison.Ordinal) && l.Contains(did, StringComparison.Ordinal), 30);
                Assert.Contains(second.Lines, l => l.Contains("Using the identity in", StringComparison.Ordinal));
            }

            Assert.Equal(registrations, cloud.Process.Lines.Count(l => l.Contains("registered as product", StringComparison.Ordinal)));
        }

        [Fact]
        public void A_bad_configuration_exits_2_with_a_message_naming_the_option()
        {
            using ChildProcess firmware = ChildProcess.Start("firmware", "dotnet", new[]
            {
                RepoPaths.FirmwareDll, "--board", "simulated", "--product", RepoPaths.Product("gokit"), "--did", "d1", "--passcode", "P", "--m2m", "127.0.0.1:99999",
            });
            Assert.True(firmware.WaitForExit(30));
            Assert.Equal(2, firmware.ExitCode);
            firmware.WaitForLine(l => l.Contains("--m2m", StringComparison.Ordinal));
        }
    }
}
