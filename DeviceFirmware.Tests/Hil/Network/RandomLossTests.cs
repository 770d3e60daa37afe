using System;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace DeviceFirmware.Tests.Hil.Network
{
    /// <summary>
    /// HIL, real network: nftables drops a random 30 % of the packets each way for 12 s (four ping intervals). TCP may
    /// carry the session through, or two pings may go missing (during the loss or just after, while retransmission
    /// timers are still backed off) and the firmware reconnect: either way it must be answering again once the loss
    /// ends, without help, and an App must not be left seeing it offline.
    /// </summary>
    // "HIL": the collection of the HIL scenarios (one at a time, so real processes do not race a 2-core CPU).
    [Collection("HIL")]
    public class RandomLossTests
    {
        /// <summary>How long the loss lasts: the fault's definition, not a wait for anything.</summary>
        private static readonly TimeSpan Loss = TimeSpan.FromSeconds(12);
        private readonly ITestOutputHelper output;

        public RandomLossTests(ITestOutputHelper output) => this.output = output;

        [SkippableFact]
        public async Task Thirty_percent_packet_loss_leaves_the_firmware_answering_once_it_ends()
        {
            await using NetworkFaultRig rig = await NetworkFaultRig.StartAsync(output, nameof(RandomLossTests));
            int since = rig.LogMark();
            int eventsSince = rig.Events.Length;
            rig.Namespace.DropRandom(30);
            try
            {
                await Task.Delay(Loss);
            }
            finally
            {
                rig.Namespace.ClearDrops();
            }

            // Retransmission timers backed off during the loss may still cost two pings just after it: a command that
            // meets that drop is lost with the session (QoS 0), so the App retries, as a real one would.
            await rig.AssertAnswersAsync("after the loss", attempts: 3);
            if (rig.DroppedSince(since))
            {
                output.WriteLine("the firmware dropped its session during or just after the loss");
                await rig.AssertRecoveredAsync(since, eventsSince);
            }
            else
            {
                output.WriteLine("TCP carried the session through the loss");
                await rig.AssertPresenceOnlineAsync(eventsSince);
            }
        }
    }
}
