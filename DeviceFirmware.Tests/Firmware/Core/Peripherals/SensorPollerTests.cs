using System;
using System.Linq;
using System.Text;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Logging;
using DeviceFirmware.Core.Peripherals;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Peripherals
{
    public class SensorPollerTests
    {
        private readonly FakeSensor sensor = new();
        private readonly FakeClock clock = new();
        private readonly FakeTransport sink = new() { Online = true };
        private readonly LogEmitter log;
        private readonly DataPointValues state = new(GoKit.Product);
        private readonly SensorBinding binding = GoKit.Board().Sensor;
        private readonly int temperature = GoKit.Id("Temperature");
        private readonly int humidity = GoKit.Id("Humidity");
        private readonly int alert = GoKit.Id("Alert_Over_Temperature");
        private readonly int fault = GoKit.Id("Fault_Sensor");

        public SensorPollerTests()
        {
            var settings = new DeviceRuntimeSettings();
            settings.Apply(DeviceSettings.Compose(LogLevel.Info, true));
            log = new LogEmitter("did1", sink, clock, settings, 256, 50, 1000);
        }

        private SensorPoller Start()
        {
            var poller = new SensorPoller(GoKit.Product, binding, sensor, log);
            poller.Start(0);
            return poller;
        }

        /// <summary>Polls at <paramref name="now"/>; when it asks for a broadcast, "broadcasts" (marks it reported) like the device core.</summary>
        private bool PollAndReport(SensorPoller poller, long now)
        {
            clock.NowMs = now;
            bool broadcast = poller.Poll(state, now);
            if (broadcast) poller.MarkReported(state, now);
            return broadcast;
        }

        private (LogLevel Level, string Content)[] Logs() => sink.Published.Select(p =>
        {
            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(p.Payload, 0, p.Payload.Length));
            Assert.Equal(GizwitsCommand.Log, reader.Command);
            return ((LogLevel)reader.LogLevel, Encoding.UTF8.GetString(reader.Buffer, reader.ContentOffset, reader.ContentLength));
        }).ToArray();

        [Fact]
        public void The_first_reading_sets_the_points_in_raw_units_and_asks_for_a_broadcast()
        {
            var poller = Start();
            Assert.True(PollAndReport(poller, 0));
            Assert.Equal(615, state.Get(temperature)); // (21.5 + 40) / 0.1
            Assert.Equal(40, state.Get(humidity));
            Assert.Equal(0, state.Get(alert));
            Assert.Equal(0, state.Get(fault));
        }

        [Fact]
        public void Nothing_is_read_before_the_poll_time()
        {
            var poller = Start();
            PollAndReport(poller, 0);
            Assert.False(PollAndReport(poller, 1999));
            Assert.Equal(1, sensor.Reads);
            Assert.Equal(2000, poller.NextPollMs);
        }

        [Fact]
        public void A_change_below_the_threshold_waits_and_one_at_the_threshold_broadcasts()
        {
            var poller = Start();
            PollAndReport(poller, 0);
            sensor.Celsius = 21.8;
            Assert.False(PollAndReport(poller, 2000));
            Assert.Equal(618, state.Get(temperature)); // the state follows anyway
            sensor.Celsius = 22.0;                      // 0.5 from the last broadcast value, 0.2 from the last poll
            Assert.True(PollAndReport(poller, 4000));
            sensor.Humidity = 41;
            Assert.False(PollAndReport(poller, 6000));
            sensor.Humidity = 42;
            Assert.True(PollAndReport(poller, 8000));
        }

        [Fact]
        public void The_report_period_broadcasts_without_a_change()
        {
            var poller = Start();
            PollAndReport(poller, 0);
            for (long t = 2000; t < 60000; t += 2000) Assert.False(PollAndReport(poller, t));
            Assert.True(PollAndReport(poller, 60000));
            Assert.False(PollAndReport(poller, 62000));
        }

        [Fact]
        public void A_report_period_of_zero_never_broadcasts_without_a_change()
        {
            binding.ReportEveryMs = 0;
            var poller = Start();
            PollAndReport(poller, 0);
            for (long t = 2000; t < 600000; t += 2000) Assert.False(PollAndReport(poller, t));
        }

        [Fact]
        public void The_alert_follows_the_temperature_limit()
        {
            binding.TemperatureThreshold = 100; // only the alert may cause a broadcast
            var poller = Start();
            PollAndReport(poller, 0);
            sensor.Celsius = 40.0;
            Assert.False(PollAndReport(poller, 2000)); // not above
            sensor.Celsius = 40.3;
            Assert.True(PollAndReport(poller, 4000));
            Assert.Equal(1, state.Get(alert));
            Assert.False(PollAndReport(poller, 6000));
            sensor.Celsius = 39;
            Assert.True(PollAndReport(poller, 8000));
            Assert.Equal(0, state.Get(alert));
        }

        [Fact]
        public void A_failing_sensor_sets_the_fault_logs_one_warning_and_one_info_on_recovery()
        {
            var poller = Start();
            PollAndReport(poller, 0);
            sensor.Fails = true;
            Assert.True(PollAndReport(poller, 2000));
            Assert.Equal(1, state.Get(fault));
            Assert.True(poller.Faulty);
            Assert.Equal(615, state.Get(temperature)); // keeps the last value
            for (long t = 4000; t < 20000; t += 2000) Assert.False(PollAndReport(poller, t));
            Assert.Equal(new[] { (LogLevel.Warning, "sensor not answering") }, Logs());

            sensor.Fails = false;
            sensor.Celsius = 21.6;
            Assert.True(PollAndReport(poller, 20000));
            Assert.Equal(0, state.Get(fault));
            Assert.Equal(616, state.Get(temperature));
            Assert.Equal(new[] { (LogLevel.Warning, "sensor not answering"), (LogLevel.Info, "sensor answering again") }, Logs());

            sensor.Fails = true; // a new episode is logged again
            PollAndReport(poller, 22000);
            Assert.Equal(3, Logs().Length);
        }

        [Theory]
        [InlineData(70.0, 40.0)]          // Temperature holds -40..60 °C
        [InlineData(-45.0, 40.0)]
        [InlineData(21.5, 120.0)]         // Humidity holds 0..100 %
        [InlineData(double.NaN, 40.0)]
        [InlineData(21.5, double.PositiveInfinity)]
        public void A_reading_the_points_cannot_hold_is_a_sensor_fault(double celsius, double percent)
        {
            var poller = Start();
            sensor.Celsius = celsius;
            sensor.Humidity = percent;
            Assert.True(PollAndReport(poller, 0));
            Assert.Equal(1, state.Get(fault));
            Assert.Equal(0, state.Get(temperature));
            Assert.Equal(0, state.Get(alert)); // 70 °C is out of range, not an alert
            Assert.Equal(new[] { (LogLevel.Warning, "sensor reading out of range, treated as a sensor fault") }, Logs());
        }

        [Fact]
        public void Without_a_sensor_or_a_binding_nothing_happens()
        {
            var noSensor = new SensorPoller(GoKit.Product, binding, null!, log);
            noSensor.Start(0);
            Assert.False(noSensor.Enabled);
            Assert.False(noSensor.Poll(state, 0));
            var noBinding = new SensorPoller(GoKit.Product, null!, sensor, log);
            Assert.False(noBinding.Poll(state, 0));
            Assert.Equal(0, sensor.Reads);
        }

        [Fact]
        public void Points_without_a_name_are_skipped()
        {
            binding.HumidityPoint = null;
            binding.FaultPoint = null;
            var poller = Start();
            PollAndReport(poller, 0);
            Assert.Equal(615, state.Get(temperature));
            Assert.Equal(0, state.Get(humidity));
            sensor.Fails = true;
            Assert.False(PollAndReport(poller, 2000)); // no fault point: nothing to broadcast, but still logged
            Assert.Equal(0, state.Get(fault));
            Assert.Single(Logs());
        }

        [Theory]
        [InlineData("Humidity", null, "sensor.alertPoint: \"Humidity\" is a read-only uint8 data point; it must be a bool alert data point")]
        [InlineData(null, "Relay", "sensor.temperaturePoint: \"Relay\" is a writable bool data point; it must be a read-only number data point")]
        public void A_misplaced_sensor_point_is_refused(string? alertPoint, string? temperaturePoint, string message)
        {
            if (alertPoint != null) binding.AlertPoint = alertPoint;
            if (temperaturePoint != null) binding.TemperaturePoint = temperaturePoint;
            var error = Assert.Throws<ArgumentException>(() => new SensorPoller(GoKit.Product, binding, sensor, log));
            Assert.Equal(message, error.Message);
        }
    }
}
