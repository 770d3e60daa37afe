#nullable enable
using System;
using System.Device.Gpio;
using System.Threading.Tasks;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Iot.Config;
using DeviceFirmware.Iot.Pins;
using DeviceFirmware.Iot.Sensors;
using DeviceFirmware.Iot.Simulation;
using Microsoft.Extensions.Logging;

namespace DeviceFirmware.Iot.Hosting;

/// <summary>
/// The pins and the sensor the core drives, for the board named in the options: the simulated board (with its control
/// API when asked) or real GPIO/I2C through System.Device.Gpio.
/// </summary>
public sealed class BoardHardware : IAsyncDisposable
{
    private readonly IDisposable? pinsOwner;
    private readonly IDisposable? sensorOwner;

    private BoardHardware(IPinDriver pins, ISensor? sensor, SimulatedBoard? simulated, SimControlServer? control, IDisposable? pinsOwner, IDisposable? sensorOwner)
    {
        Pins = pins;
        Sensor = sensor;
        Simulated = simulated;
        Control = control;
        this.pinsOwner = pinsOwner;
        this.sensorOwner = sensorOwner;
    }

    /// <summary>The pins.</summary>
    public IPinDriver Pins { get; }

    /// <summary>The climate sensor, or null when the board has none.</summary>
    public ISensor? Sensor { get; }

    /// <summary>The simulated board, when that is the board.</summary>
    public SimulatedBoard? Simulated { get; }

    /// <summary>The simulated board's control API, when serving.</summary>
    public SimControlServer? Control { get; }

    /// <summary>Opens the hardware of <paramref name="map"/>; <paramref name="simControl"/> (HOST:PORT) serves the simulated board's API.</summary>
    public static BoardHardware Open(BoardMap map, string? simControl, ILogger logger)
    {
        bool simulated = string.Equals(map.Name, "simulated", StringComparison.OrdinalIgnoreCase)
            || string.Equals(map.Sensor?.Driver, "simulated", StringComparison.OrdinalIgnoreCase);
        if (simulated)
        {
            SimulatedBoard board = SimulatedBoard.For(map);
            SimControlServer? control = null;
            if (!string.IsNullOrEmpty(simControl))
            {
                if (!HostPort.TryParse(simControl, listening: true, out HostPort endpoint, out string error)) throw new ArgumentException("--sim-control: " + error);
                control = new SimControlServer(board, endpoint.Host, endpoint.Port);
                control.Start();
                logger.LogInformation("Simulated board control API at {Address}", control.BaseAddress);
            }

            BackgroundSensor? background = map.Sensor is null ? null : new BackgroundSensor(board.Sensor, map.Sensor.PollMs / 2);
            return new BoardHardware(board.PinDriver, background, board, control, board, background);
        }

        if (!string.IsNullOrEmpty(simControl))
        {
            throw new ArgumentException($"--sim-control: board '{map.Name}' is not the simulated board (its name or its sensor driver must be \"simulated\")");
        }

        var controller = new GpioController();
        var pins = new GpioPinDriver(controller, RaspberryPiPwm.Factory(controller), ownsController: true);
        ISensor? sensor = null;
        IDisposable? sensorOwner = null;
        if (map.Sensor is not null)
        {
            try
            {
                Sht3xClimateSensor sht = Sht3xClimateSensor.Open(map.Sensor.BusId, map.Sensor.Address);
                var background = new BackgroundSensor(sht, map.Sensor.PollMs / 2);
                sensor = background;
                sensorOwner = new Owned(background, sht);
            }
            catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException)
            {
                // Without its bus the sensor reads as failed: the fault data point tells the App, the relay still works.
                logger.LogError("I2C bus {Bus} for the {Driver} sensor cannot be opened: {Reason}", map.Sensor.BusId, map.Sensor.Driver, e.Message);
                sensor = new AbsentSensor();
            }
        }

        return new BoardHardware(pins, sensor, null, null, pins, sensorOwner);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Control is not null) await Control.DisposeAsync().ConfigureAwait(false);
        sensorOwner?.Dispose();
        pinsOwner?.Dispose();
    }

    private sealed class Owned : IDisposable
    {
        private readonly IDisposable first;
        private readonly IDisposable second;

        public Owned(IDisposable first, IDisposable second)
        {
            this.first = first;
            this.second = second;
        }

        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }

    private sealed class AbsentSensor : ISensor
    {
        public bool TryRead(out double temperatureCelsius, out double relativeHumidityPercent)
        {
            temperatureCelsius = 0;
            relativeHumidityPercent = 0;
            return false;
        }
    }
}
