using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil.Network
{
    /// <summary>
    /// HIL, real network: nftables in the firmware's namespace drops every packet both ways (a link that looks up but
    /// carries nothing, the half-open case). The firmware must notice by its missed PINGRESPs, keep retrying while the
    /// fault lasts, and come back on its own once packets flow again.
    /// </summary>
    // "HIL": the collection of the HIL scenarios (one at a time, so real processes do not race a 2-core CPU).
    [Collection("HIL")]
    public class DropAllPacketsTests
    {
        private readonly ITestOutputHelper output;

        public DropAllPacketsTests(ITestOutputHelper output) => this.output = output;

        [SkippableFact]
        public async Task Silently_dropped_traffic_is_detected_by_missed_pings_and_the_firmware_reconnects_when_it_flows_again()
        {
            await using NetworkFaultRig rig = await NetworkFaultRig.StartAsync(output, nameof(DropAllPacketsTests));
            int since = rig.LogMark();
            int eventsSince = rig.Events.Length;
            rig.Namespace.DropAll();
            try
            {
                // The fault lasts until the firmware has given up the connection and failed a reconnect twice:
                // two missed pings (3 s apart) and then attempts that cannot get through.
                string first = rig.WaitForDrop(since);
                string second = rig.WaitForDrop(rig.Device.Process.Lines.Count);
                output.WriteLine($"during the fault: {first}\n  then: {second}");
            }
            finally
            {
                rig.Namespace.ClearDrops();
            }

            await rig.AssertRecoveredAsync(since, eventsSince);
        }
    }
}
