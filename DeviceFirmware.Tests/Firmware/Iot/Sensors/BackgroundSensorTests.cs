using System;
using System.Threading;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Iot.Sensors;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Iot.Sensors
{
    public class BackgroundSensorTests
    {
        private sealed class ScriptedSensor : ISensor
        {
            public volatile bool Fail;
            public volatile bool Hang;
            public double Celsius = 21.5;
            public int Reads;
            private readonly ManualResetEventSlim release = new(false);

            public bool TryRead(out double temperatureCelsius, out double relativeHumidityPercent)
            {
                Interlocked.Increment(ref Reads);
                if (Hang) release.Wait();
                temperatureCelsius = Celsius;
                relativeHumidityPercent = 40;
                return !Fail;
            }

            public void Release() => release.Set();
        }

        private static void Eventually(Func<bool> condition, string what)
        {
            DateTime give = DateTime.UtcNow.AddSeconds(10);
            while (!condition())
            {
                if (DateTime.UtcNow > give) throw new Xunit.Sdk.XunitException(what + ": not within 10 s");
                Thread.Sleep(5);
            }
        }

        [Fact]
        public void The_first_reading_is_there_at_once_and_later_ones_follow_the_sensor()
        {
            var sensor = new ScriptedSensor();
            using var background = new BackgroundSensor(sensor, 10);
            Assert.True(background.TryRead(out double t, out double h));
            Assert.Equal((21.5, 40.0), (t, h));

            sensor.Fail = true;
            Eventually(() => !background.TryRead(out _, out _), "a failing sensor reads as failed");
            sensor.Fail = false;
            sensor.Celsius = 30;
            Eventually(() => background.TryRead(out double now, out _) && now == 30, "a recovered sensor reads again");
        }

        [Fact]
        public void A_sensor_that_hangs_reads_as_failed_once_its_last_reading_is_stale()
        {
            var sensor = new ScriptedSensor();
            using var background = new BackgroundSensor(sensor, 10);
            sensor.Hang = true;
            try
            {
                Eventually(() => !background.TryRead(out _, out _), "a hung bus reads as failed");
            }
            finally
            {
                sensor.Hang = false;
                sensor.Release();
            }
        }
    }
}
