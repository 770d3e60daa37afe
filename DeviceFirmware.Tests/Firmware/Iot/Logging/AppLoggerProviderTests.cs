using System.Threading;
using DeviceFirmware.Iot.Hosting;
using DeviceFirmware.Iot.Logging;
using Microsoft.Extensions.Logging;
using Xunit;
using ProtocolLogLevel = DeviceFirmware.Protocol.LogLevel;

namespace DeviceFirmware.Tests.Firmware.Iot.Logging
{
    public class AppLoggerProviderTests
    {
        [Fact]
        public void Entries_at_or_above_the_threshold_are_posted_with_tag_and_source()
        {
            using var inbox = new FirmwareInbox();
            using var provider = new AppLoggerProvider(inbox);
            ILogger logger = provider.CreateLogger("DeviceFirmware.Iot.Hosting.FirmwareService");
            logger.LogInformation("not sent at Warning");
            logger.LogWarning("sensor {Name} slow", "sht3x");
            FirmwareEvent? e = inbox.Take(0, CancellationToken.None);
            Assert.NotNull(e);
            Assert.Equal(FirmwareEventKind.Log, e!.Kind);
            Assert.Equal(ProtocolLogLevel.Warning, e.Level);
            Assert.Equal("FirmwareService", e.Tag);
            Assert.Equal("sensor sht3x slow", e.Content);
            Assert.Null(inbox.Take(0, CancellationToken.None));

            provider.Threshold = ProtocolLogLevel.Info;
            logger.LogInformation("now sent");
            Assert.Equal(ProtocolLogLevel.Info, inbox.Take(0, CancellationToken.None)!.Level);
            logger.LogDebug("never sent");
            Assert.Null(inbox.Take(0, CancellationToken.None));

            provider.Threshold = ProtocolLogLevel.Off;
            logger.LogCritical("nothing at Off");
            Assert.Null(inbox.Take(0, CancellationToken.None));
        }

        [Theory]
        [InlineData("DeviceFirmware.Iot.Transport.MqttNetTransport")]
        [InlineData("MQTTnet.Client")]
        [InlineData("DeviceFirmware.Core.Dispatch.Dispatcher")] // the host's copy of a refusal the core already sent as 0x0012
        public void The_transport_never_feeds_its_own_failures_back(string category)
        {
            using var inbox = new FirmwareInbox();
            using var provider = new AppLoggerProvider(inbox);
            provider.CreateLogger(category).LogError("publish failed");
            Assert.Null(inbox.Take(0, CancellationToken.None));
        }
    }
}
