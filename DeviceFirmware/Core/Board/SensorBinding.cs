namespace DeviceFirmware.Core.Board
{
    /// <summary>The climate sensor and the data points it feeds (board file, <c>sensor</c>). Point names may be null.</summary>
    public sealed class SensorBinding
    {
        /// <summary>The driver: <c>simulated</c>, <c>sht3x</c>, <c>aht20</c> … (chosen by the host).</summary>
        public string Driver { get; set; }

        /// <summary>I2C bus number.</summary>
        public int BusId { get; set; } = 1;

        /// <summary>I2C address.</summary>
        public int Address { get; set; }

        /// <summary>Data point that takes the temperature in °C.</summary>
        public string TemperaturePoint { get; set; }

        /// <summary>Data point that takes the relative humidity in %.</summary>
        public string HumidityPoint { get; set; }

        /// <summary>Time between reads (default 2 s).</summary>
        public int PollMs { get; set; } = 2000;

        /// <summary>A temperature change of at least this much (°C) broadcasts the status at once (default 0.5).</summary>
        public double TemperatureThreshold { get; set; } = 0.5;

        /// <summary>A humidity change of at least this much (%) broadcasts the status at once (default 2).</summary>
        public double HumidityThreshold { get; set; } = 2;

        /// <summary>Broadcast the status at least this often even without a change, 0 = never (default 60 s).</summary>
        public int ReportEveryMs { get; set; } = 60000;

        /// <summary>Alert data point set while the temperature is above <see cref="AlertAboveCelsius"/>.</summary>
        public string AlertPoint { get; set; }

        /// <summary>The alert's limit in °C (default 40).</summary>
        public double AlertAboveCelsius { get; set; } = 40;

        /// <summary>Fault data point set while the sensor does not answer.</summary>
        public string FaultPoint { get; set; }
    }
}
