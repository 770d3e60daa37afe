using System;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Logging;
using DeviceFirmware.Protocol;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Core.Peripherals
{
    /// <summary>
    /// Reads the climate sensor every <see cref="SensorBinding.PollMs"/> and feeds its data points: temperature and
    /// humidity (converted to raw with the point's ratio and addition), the over-temperature alert and the
    /// sensor fault. It says when the status is worth broadcasting (a value moved by its threshold since the
    /// last broadcast, the report period ran out, the alert or fault changed); the device core broadcasts and
    /// calls <see cref="MarkReported"/>. A reading the point cannot hold (out of min..max, not a number) counts
    /// as a failed read. While reads fail, temperature, humidity and alert keep their last values and the
    /// fault point is 1; the failure is logged once (Warning) and the recovery once (Info).
    /// Everything is optional: no binding or no sensor disables the poller, a null point name skips that point.
    /// </summary>
    public sealed class SensorPoller
    {
        private const string LogTag = "sensor";
        private const string LogSource = "SensorPoller";
        private const double Tolerance = 1e-9;
        private readonly SensorBinding binding;
        private readonly ISensor sensor;
        private readonly LogEmitter log;
        private readonly DataPoint temperature;
        private readonly DataPoint humidity;
        private readonly int alertId = -1;
        private readonly int faultId = -1;
        private long reportedTemperature;
        private long reportedHumidity;
        private long reportedAt;

        /// <summary>
        /// Creates the poller; <paramref name="binding"/> or <paramref name="sensor"/> null disables it. Start-up only:
        /// throws <see cref="ArgumentException"/> with <see cref="BoardCheck.CheckSensor"/>'s message.
        /// </summary>
        public SensorPoller(Product product, SensorBinding binding, ISensor sensor, LogEmitter log)
        {
            string error = BoardCheck.CheckSensor(product, binding);
            if (error != null) throw new ArgumentException(error);
            this.binding = binding;
            this.sensor = sensor;
            this.log = log;
            if (binding == null) return;
            if (binding.TemperaturePoint != null) temperature = product.Find(binding.TemperaturePoint);
            if (binding.HumidityPoint != null) humidity = product.Find(binding.HumidityPoint);
            if (binding.AlertPoint != null) alertId = product.Find(binding.AlertPoint).Id;
            if (binding.FaultPoint != null) faultId = product.Find(binding.FaultPoint).Id;
        }

        /// <summary>True when there is both a sensor binding and a sensor.</summary>
        public bool Enabled => binding != null && sensor != null;

        /// <summary>True while reads fail (since the first failed read, until the next good one).</summary>
        public bool Faulty { get; private set; }

        /// <summary>When (clock ms) the next read is due.</summary>
        public long NextPollMs { get; private set; }

        /// <summary>The first read is due at <paramref name="nowMs"/>; the report period counts from there.</summary>
        public void Start(long nowMs)
        {
            NextPollMs = nowMs;
            reportedAt = nowMs;
        }

        /// <summary>Reads the sensor if a read is due and updates <paramref name="state"/>; true when the status should be broadcast.</summary>
        public bool Poll(DataPointValues state, long nowMs)
        {
            if (!Enabled || nowMs < NextPollMs) return false;
            NextPollMs = nowMs + binding.PollMs;
            bool broadcast = binding.ReportEveryMs > 0 && nowMs - reportedAt >= binding.ReportEveryMs;

            long temperatureRaw = 0;
            long humidityRaw = 0;
            bool answered = sensor.TryRead(out double celsius, out double percent);
            bool inRange = answered
                && IsFinite(celsius) && IsFinite(percent)
                && (temperature == null || temperature.TryToRaw(celsius, out temperatureRaw))
                && (humidity == null || humidity.TryToRaw(percent, out humidityRaw));
            if (!inRange)
            {
                if (Faulty) return broadcast;
                Faulty = true;
                log.Emit(LogLevel.Warning, LogTag, LogSource, answered ? "sensor reading out of range, treated as a sensor fault" : "sensor not answering");
                return SetFlag(state, faultId, true) || broadcast;
            }

            if (Faulty)
            {
                Faulty = false;
                log.Emit(LogLevel.Info, LogTag, LogSource, "sensor answering again");
                if (SetFlag(state, faultId, false)) broadcast = true;
            }

            if (temperature != null)
            {
                state.Set(temperature.Id, temperatureRaw);
                if (Moved(temperature, temperatureRaw, reportedTemperature, binding.TemperatureThreshold)) broadcast = true;
            }

            if (humidity != null)
            {
                state.Set(humidity.Id, humidityRaw);
                if (Moved(humidity, humidityRaw, reportedHumidity, binding.HumidityThreshold)) broadcast = true;
            }

            if (SetFlag(state, alertId, celsius > binding.AlertAboveCelsius)) broadcast = true;
            return broadcast;
        }

        /// <summary>The status in <paramref name="state"/> was just broadcast: thresholds and the report period count from it.</summary>
        public void MarkReported(DataPointValues state, long nowMs)
        {
            reportedAt = nowMs;
            if (temperature != null) reportedTemperature = state.Get(temperature.Id);
            if (humidity != null) reportedHumidity = state.Get(humidity.Id);
        }

        /// <summary>True when raw values <paramref name="now"/> and <paramref name="before"/> differ by at least <paramref name="threshold"/> in shown units (and differ at all).</summary>
        private static bool Moved(DataPoint point, long now, long before, double threshold)
        {
            if (now == before) return false;
            double shift = point.ToShown(now) - point.ToShown(before);
            if (shift < 0) shift = -shift;
            return shift + Tolerance >= threshold;
        }

        /// <summary>False for NaN and the infinities (a driver's way of saying "no reading"); no Math or double.IsNaN needed.</summary>
        private static bool IsFinite(double value) => value - value == 0;

        /// <summary>Sets bool point <paramref name="id"/> (if any); true when its value changed.</summary>
        private static bool SetFlag(DataPointValues state, int id, bool on)
        {
            if (id < 0) return false;
            long value = on ? 1 : 0;
            if (state.Get(id) == value) return false;
            state.Set(id, value);
            return true;
        }
    }
}
