#nullable enable
using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Device.Pwm;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Iot.Pins;
using DeviceFirmware.Iot.Sensors;

namespace DeviceFirmware.Iot.Simulation;

/// <summary>
/// The simulated board: a virtual GPIO bank behind a real <see cref="GpioController"/>, recorded PWM channels and a
/// simulated SHT3x read through the real binding. The firmware gets <see cref="PinDriver"/> and <see cref="Sensor"/>;
/// tests, the demo and <see cref="SimControlServer"/> use the control surface (press a button, read an output's
/// level and history, set the climate, unplug the sensor). All members are thread-safe.
/// </summary>
public sealed class SimulatedBoard : IDisposable
{
    private readonly object gate = new();
    private readonly Dictionary<int, SimulatedPwmChannel> pwm = new();
    private readonly GpioPinDriver pinDriver;
    private readonly Sht3xClimateSensor sensor;
    private bool disposed;

    /// <summary>Creates a board with <paramref name="pinCount"/> GPIOs, a healthy sensor at 21.5 °C / 45 %, nothing pressed.</summary>
    /// <param name="pinCount">GPIOs in the bank (0 … pinCount−1).</param>
    /// <param name="historyLimit">Level changes kept per output pin.</param>
    /// <param name="sensorBus">The simulated sensor's I2C bus.</param>
    /// <param name="sensorAddress">The simulated sensor's I2C address.</param>
    public SimulatedBoard(
        int pinCount = SimulatedGpioDriver.DefaultPinCount,
        int historyLimit = SimulatedGpioDriver.DefaultHistoryLimit,
        int sensorBus = 1,
        int sensorAddress = SimulatedClimateSensor.DefaultAddress)
    {
        Driver = new SimulatedGpioDriver(pinCount, historyLimit);
        Controller = new GpioController(Driver);
        SensorDevice = new SimulatedClimateSensor(sensorBus, sensorAddress);
        pinDriver = new GpioPinDriver(Controller, CreatePwm);
        sensor = new Sht3xClimateSensor(SensorDevice, ownsDevice: false);
    }

    /// <summary>
    /// Creates a board wired like <paramref name="map"/>: each input gets the external pull its active level implies
    /// (active-low buttons idle high), so <see cref="Press"/> and <see cref="Release"/> mean what the map means.
    /// The sensor answers at the map's address when it has one.
    /// </summary>
    public static SimulatedBoard For(BoardMap map, int pinCount = SimulatedGpioDriver.DefaultPinCount)
    {
        ArgumentNullException.ThrowIfNull(map);
        int address = map.Sensor is { Address: > 0 } s ? s.Address : SimulatedClimateSensor.DefaultAddress;
        int bus = map.Sensor?.BusId ?? 1;
        var board = new SimulatedBoard(pinCount, SimulatedGpioDriver.DefaultHistoryLimit, bus, address);
        foreach (InputBinding input in map.Inputs ?? Array.Empty<InputBinding>())
        {
            if (input is not null && board.Driver.Contains(input.Pin))
            {
                board.Driver.SetExternalPull(input.Pin, input.ActiveLow);
            }
        }

        return board;
    }

    /// <summary>The virtual GPIO bank.</summary>
    public SimulatedGpioDriver Driver { get; }

    /// <summary>The GPIO controller over <see cref="Driver"/>, as the firmware would use one on a Pi.</summary>
    public GpioController Controller { get; }

    /// <summary>The simulated SHT3x on the I2C wire.</summary>
    public SimulatedClimateSensor SensorDevice { get; }

    /// <summary>The pin seam for the firmware.</summary>
    public IPinDriver PinDriver => pinDriver;

    /// <summary>The sensor seam for the firmware: the firmware's SHT3x driver reading <see cref="SensorDevice"/> over I2C.</summary>
    public ISensor Sensor => sensor;

    /// <summary>Number of GPIOs (0 … PinCount−1).</summary>
    public int PinCount => Driver.BankSize;

    /// <summary>
    /// Presses the button on <paramref name="pin"/>: drives it to the opposite of its idle level (low for a pull-up
    /// or an active-low button, high otherwise). Allowed before the firmware opens the pin.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No such GPIO.</exception>
    /// <exception cref="InvalidOperationException">The pin is an output or PWM.</exception>
    public void Press(int pin)
    {
        CheckDrivable(pin);
        Driver.DriveInput(pin, !Driver.IdleLevelOf(pin));
    }

    /// <summary>Releases the button on <paramref name="pin"/>: nothing drives it, it reads its idle level.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such GPIO.</exception>
    /// <exception cref="InvalidOperationException">The pin is an output or PWM.</exception>
    public void Release(int pin)
    {
        CheckDrivable(pin);
        Driver.StopDriving(pin);
    }

    /// <summary>Drives <paramref name="pin"/> to an electrical level (true = high), or stops driving it with null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such GPIO.</exception>
    /// <exception cref="InvalidOperationException">The pin is an output or PWM.</exception>
    public void SetInput(int pin, bool? high)
    {
        CheckDrivable(pin);
        if (high is bool level)
        {
            Driver.DriveInput(pin, level);
        }
        else
        {
            Driver.StopDriving(pin);
        }
    }

    /// <summary>The electrical level of <paramref name="pin"/> (for PWM: running with a duty cycle above 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such GPIO.</exception>
    public bool GetLevel(int pin) => Describe(pin).Level;

    /// <summary>The last level changes of output <paramref name="pin"/>, oldest first, at most the history limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such GPIO.</exception>
    public IReadOnlyList<PinChange> History(int pin) => Driver.HistoryOf(pin);

    /// <summary>The duty cycle (0..1) of PWM output <paramref name="pin"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such GPIO.</exception>
    /// <exception cref="InvalidOperationException">The pin is not a PWM output.</exception>
    public double GetDuty(int pin)
    {
        SimulatedPwmChannel channel = PwmOf(pin) ?? throw new InvalidOperationException($"GPIO {pin} is not a PWM output.");
        return channel.DutyCycle;
    }

    /// <summary>Sets what the sensor measures next.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the SHT3x's range (−45..130 °C, 0..100 %).</exception>
    public void SetClimate(double temperatureCelsius, double relativeHumidityPercent) =>
        SensorDevice.SetClimate(temperatureCelsius, relativeHumidityPercent);

    /// <summary>Unplugs (true) or plugs back (false) the sensor: while failed, every I2C transfer is not acknowledged.</summary>
    public void FailSensor(bool failed) => SensorDevice.Fault = failed ? SensorFault.Nack : SensorFault.None;

    /// <summary>A snapshot of <paramref name="pin"/> (mode <see cref="SimulatedPinMode.Closed"/> when the firmware has not opened it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such GPIO.</exception>
    public SimulatedPin Describe(int pin)
    {
        SimulatedPwmChannel? channel = PwmOf(pin);
        if (channel is not null)
        {
            double duty = channel.DutyCycle;
            bool running = channel.IsRunning;
            return new SimulatedPin(pin, SimulatedPinMode.Pwm, running && duty > 0, null, duty, channel.Frequency, running);
        }

        SimulatedPinMode mode = Driver.ModeOf(pin);
        bool? driven = mode == SimulatedPinMode.Output ? null : Driver.DrivenLevelOf(pin);
        return new SimulatedPin(pin, mode, Driver.LevelOf(pin), driven, null, null, null);
    }

    /// <summary>Snapshots of every pin the firmware has opened (GPIO or PWM), by pin number.</summary>
    public IReadOnlyList<SimulatedPin> OpenPins()
    {
        var list = new List<SimulatedPin>();
        for (int pin = 0; pin < PinCount; pin++)
        {
            SimulatedPin snapshot = Describe(pin);
            if (snapshot.Mode != SimulatedPinMode.Closed)
            {
                list.Add(snapshot);
            }
        }

        return list;
    }

    /// <summary>
    /// The PWM factory the board's <see cref="PinDriver"/> uses: a recorded channel per pin. A pin open as GPIO,
    /// or with a live channel, is refused as it would be on real hardware.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No such GPIO, frequency not above 0, or duty cycle outside 0..1.</exception>
    /// <exception cref="InvalidOperationException">The pin is busy.</exception>
    public PwmChannel CreatePwm(int pin, int frequencyHz, double dutyCycle)
    {
        CheckPin(pin);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (Driver.ModeOf(pin) != SimulatedPinMode.Closed || (pwm.TryGetValue(pin, out SimulatedPwmChannel? old) && !old.IsDisposed))
            {
                throw new InvalidOperationException($"GPIO {pin} is already in use.");
            }

            var channel = new SimulatedPwmChannel(pin, frequencyHz, dutyCycle);
            pwm[pin] = channel;
            return channel;
        }
    }

    /// <summary>Releases the pins, PWM channels and sensor.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        pinDriver.Dispose();
        sensor.Dispose();
        Controller.Dispose();
        SensorDevice.Dispose();
    }

    private SimulatedPwmChannel? PwmOf(int pin)
    {
        CheckPin(pin);
        lock (gate)
        {
            return pwm.TryGetValue(pin, out SimulatedPwmChannel? channel) && !channel.IsDisposed ? channel : null;
        }
    }

    private void CheckDrivable(int pin)
    {
        if (PwmOf(pin) is not null)
        {
            throw new InvalidOperationException($"GPIO {pin} is a PWM output; only inputs can be driven from outside.");
        }

        // The driver refuses outputs itself.
    }

    private void CheckPin(int pin)
    {
        if (!Driver.Contains(pin))
        {
            throw new ArgumentOutOfRangeException(nameof(pin), pin, $"The simulated board has GPIO 0..{PinCount - 1}.");
        }
    }
}
