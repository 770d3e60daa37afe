using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil.Network
{
    /// <summary>
    /// HIL, real network: the firmware's end of the veth link goes down (<c>ip link set … down</c>, its route with it)
    /// and later comes back up; the firmware must drop the dead session, retry, and reconnect by itself.
    /// </summary>
    // "HIL": the collection of the HIL scenarios (one at a time, so real processes do not race a 2-core CPU).
    [Collection("HIL")]
    public class LinkCutTests
    {
        private readonly ITestOutputHelper output;

        public LinkCutTests(ITestOutputHelper output) => this.output = output;

        [SkippableFact]
        public async Task A_cut_link_is_survived_and_the_firmware_reconnects_when_the_link_is_back()
        {
            await using NetworkFaultRig rig = await NetworkFaultRig.StartAsync(output, nameof(LinkCutTests));
            int since = rig.LogMark();
            int eventsSince = rig.Events.Length;
            rig.Namespace.SetLink(false);
            try
            {
                // Down until the firmware has dropped the session and failed two reconnect attempts.
                string first = rig.WaitForDrop(since);
                string second = rig.WaitForDrop(rig.Device.Process.Lines.Count);
                output.WriteLine($"during the cut: {first}\n  then: {second}");
            }
            finally
            {
                rig.Namespace.SetLink(true);
            }

            await rig.AssertRecoveredAsync(since, eventsSince);
        }
    }
}
