using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeviceFirmware.Iot.Transport;
using MQTTnet;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Transport
{
    public class MqttAttemptsTests
    {
        private readonly ConcurrentQueue<IMqttClient> closed = new();
        private readonly TaskCompletionSource release = new();

        private MqttAttempts Attempts(bool holdCloses = false) => new((client, _) =>
        {
            closed.Enqueue(client);
            return holdCloses ? release.Task : Task.CompletedTask;
        });

        private static IMqttClient NewClient() => new MqttClientFactory().CreateMqttClient();

        [Fact]
        public void Only_the_newest_attempt_can_be_announced_and_a_new_one_retires_the_old_client()
        {
            MqttAttempts attempts = Attempts();
            IMqttClient first = NewClient(), second = NewClient();
            int one = attempts.Begin(first, out CancellationToken firstToken);
            int two = attempts.Begin(second, out _);

            Assert.True(firstToken.IsCancellationRequested, "the replaced attempt's connect is cancelled");
            Assert.False(attempts.IsCurrent(one));
            Assert.False(attempts.Announce(one, () => true));
            Assert.True(attempts.Announce(two, () => true));
            Assert.Same(second, attempts.Connected);
            Assert.Same(second, attempts.ConnectedAttempt(out int current));
            Assert.Equal(two, current);
            SpinWait.SpinUntil(() => closed.Contains(first), 5000);
            Assert.Contains(first, closed);
        }

        [Fact]
        public void A_loss_counts_only_for_the_announced_connection_and_a_loss_before_it_fails_the_attempt()
        {
            MqttAttempts attempts = Attempts();
            int early = attempts.Begin(NewClient(), out _);
            Assert.False(attempts.Lose(early));               // closed while subscribing: no loss to report...
            Assert.False(attempts.Announce(early, () => true)); // ...and the attempt cannot be announced any more

            int attempt = attempts.Begin(NewClient(), out _);
            Assert.False(attempts.Announce(attempt, () => false)); // the client says it is closed
            int good = attempts.Begin(NewClient(), out _);
            Assert.True(attempts.Announce(good, () => true));
            Assert.True(attempts.Lose(good));
            Assert.False(attempts.Lose(good));
            Assert.Null(attempts.Connected);
        }

        [Fact]
        public async Task Abandon_retires_the_client_and_CloseAll_waits_for_every_goodbye()
        {
            MqttAttempts attempts = Attempts(holdCloses: true);
            IMqttClient client = NewClient();
            int attempt = attempts.Begin(client, out _);
            Assert.True(attempts.Announce(attempt, () => true));
            attempts.Abandon();
            Assert.False(attempts.IsCurrent(attempt));
            Assert.Null(attempts.Connected);

            Assert.False(await attempts.CloseAllAsync(50), "a goodbye still running is waited for");
            release.SetResult();
            Assert.True(await attempts.CloseAllAsync(5000));
            Assert.Contains(client, closed);
        }
    }
}
