using System.Collections.Concurrent;
using DeviceFirmware.Core.Hosting;
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
            var logs = new RecordingHostLogs();
            using var provider = new AppLoggerProvider(logs);
            ILogger logger = provider.CreateLogger("DeviceFirmware.Iot.Hosting.FirmwareService");
            logger.LogInformation("not sent at Warning");
            logger.LogWarning("sensor {Name} slow", "sht3x");
            Assert.True(logs.Posted.TryDequeue(out HostLog? e));
            Assert.Equal(ProtocolLogLevel.Warning, e!.Level);
            Assert.Equal("FirmwareService", e.Tag);
            Assert.Equal("DeviceFirmware.Iot.Hosting.FirmwareService", e.Source);
            Assert.Equal("sensor sht3x slow", e.Content);
            Assert.Empty(logs.Posted);

            // The threshold is the core's (IHostLogs.LogThreshold), read at every entry: a 0x0010 takes effect at once.
            logs.LogThreshold = ProtocolLogLevel.Info;
            logger.LogInformation("now sent");
            Assert.True(logs.Posted.TryDequeue(out HostLog? info));
            Assert.Equal(ProtocolLogLevel.Info, info!.Level);
            logger.LogDebug("never sent");
            Assert.Empty(logs.Posted);

            logs.LogThreshold = ProtocolLogLevel.Off;
            logger.LogCritical("nothing at Off");
            Assert.Empty(logs.Posted);
        }

        [Theory]
        [InlineData("DeviceFirmware.Iot.Transport.MqttNetTransport")]
        [InlineData("MQTTnet.Client")]
        [InlineData("DeviceFirmware.Core.Dispatch.Dispatcher")] // the host's copy of a refusal the core already sent as 0x0012
        public void The_transport_never_feeds_its_own_failures_back(string category)
        {
            var logs = new RecordingHostLogs { LogThreshold = ProtocolLogLevel.Info };
            using var provider = new AppLoggerProvider(logs);
            provider.CreateLogger(category).LogError("publish failed");
            Assert.Empty(logs.Posted);
        }

        private sealed record HostLog(ProtocolLogLevel Level, string Tag, string Source, string Content);

        private sealed class RecordingHostLogs : IHostLogs
        {
            public ConcurrentQueue<HostLog> Posted { get; } = new();

            public ProtocolLogLevel LogThreshold { get; set; } = ProtocolLogLevel.Warning;

            public bool Log(ProtocolLogLevel level, string tag, string source, string content)
            {
                Posted.Enqueue(new HostLog(level, tag, source, content));
                return true;
            }
        }
    }
}
