#nullable enable
using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Device.Pwm;
using DeviceFirmware.Core.Board;

namespace DeviceFirmware.Iot.Pins;

/// <summary>
/// The pin seam over System.Device.Gpio: digital pins through a <see cref="GpioController"/> (the Pi's chip, or
/// the simulated bank), PWM through channels from a factory (see <see cref="RaspberryPiPwm.Factory"/> for the Pi).
/// Misuse (a pin opened twice, writing a pin not opened as an output, a duty cycle outside 0..1) throws
/// <see cref="InvalidOperationException"/> or <see cref="ArgumentOutOfRangeException"/> and changes nothing.
/// </summary>
public sealed class GpioPinDriver : IPinDriver, IDisposable
{
    private readonly object gate = new();
    private readonly GpioController controller;
    private readonly Func<int, int, double, PwmChannel> pwmFactory;
    private readonly bool ownsController;
    private readonly Dictionary<int, PwmChannel> pwm = new();
    private readonly List<int> openedPins = new();
    private bool disposed;

    /// <summary>Drives pins through <paramref name="controller"/> and PWM channels from <paramref name="pwmFactory"/>.</summary>
    /// <param name="controller">The GPIO controller.</param>
    /// <param name="pwmFactory">Makes a stopped channel for (pin, frequency Hz, duty cycle 0..1); the driver starts it.</param>
    /// <param name="ownsController">Dispose <paramref name="controller"/> with this driver.</param>
    public GpioPinDriver(GpioController controller, Func<int, int, double, PwmChannel> pwmFactory, bool ownsController = false)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(pwmFactory);
        this.controller = controller;
        this.pwmFactory = pwmFactory;
        this.ownsController = ownsController;
    }

    /// <inheritdoc />
    public void OpenOutput(int pin, bool high)
    {
        lock (gate)
        {
            if (IsOpenByUs(pin, PinMode.Output))
            {
                controller.Write(pin, high ? PinValue.High : PinValue.Low);
                return;
            }

            EnsureFree(pin);
            controller.OpenPin(pin, PinMode.Output, high ? PinValue.High : PinValue.Low);
            openedPins.Add(pin);
        }
    }

    /// <inheritdoc />
    public void OpenInput(int pin, bool pullUp)
    {
        lock (gate)
        {
            if (IsOpenByUs(pin, pullUp ? PinMode.InputPullUp : PinMode.Input)) return;
            EnsureFree(pin);
            controller.OpenPin(pin, pullUp ? PinMode.InputPullUp : PinMode.Input);
            openedPins.Add(pin);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">Frequency not above 0 or duty cycle outside 0..1.</exception>
    public void OpenPwm(int pin, int frequencyHz, double dutyCycle)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(frequencyHz, 0);
        CheckDuty(dutyCycle);
        lock (gate)
        {
            if (pwm.TryGetValue(pin, out PwmChannel? open) && open.Frequency == frequencyHz)
            {
                open.DutyCycle = dutyCycle;
                return;
            }

            EnsureFree(pin);
            PwmChannel channel = pwmFactory(pin, frequencyHz, dutyCycle);
            try
            {
                channel.Start();
            }
            catch
            {
                channel.Dispose();
                throw;
            }

            pwm.Add(pin, channel);
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The pin is not open as a digital output.</exception>
    public void Write(int pin, bool high)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);

            // GpioController silently latches a write to an input; for the firmware that is a wiring bug to report.
            if (!controller.IsPinOpen(pin) || controller.GetPinMode(pin) != PinMode.Output)
            {
                throw new InvalidOperationException($"GPIO {pin} is not open as a digital output.");
            }

            controller.Write(pin, high ? PinValue.High : PinValue.Low);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">Duty cycle outside 0..1.</exception>
    /// <exception cref="InvalidOperationException">The pin was not opened as PWM.</exception>
    public void WritePwm(int pin, double dutyCycle)
    {
        CheckDuty(dutyCycle);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (!pwm.TryGetValue(pin, out PwmChannel? channel))
            {
                throw new InvalidOperationException($"GPIO {pin} is not open as a PWM output.");
            }

            channel.DutyCycle = dutyCycle;
        }
    }

    /// <inheritdoc />
    public bool Read(int pin)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return controller.Read(pin) == PinValue.High;
        }
    }

    /// <summary>Stops and releases the PWM channels, closes the pins this driver opened, and the controller if owned.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            foreach (PwmChannel channel in pwm.Values)
            {
                channel.Dispose();
            }

            pwm.Clear();
            foreach (int pin in openedPins)
            {
                if (controller.IsPinOpen(pin))
                {
                    controller.ClosePin(pin);
                }
            }

            openedPins.Clear();
            if (ownsController)
            {
                controller.Dispose();
            }
        }
    }

    // Opening again in the same mode re-drives the pin: the host drives outputs to their safe level before
    // networking (registration) starts, and the core opens them again when it starts.
    private bool IsOpenByUs(int pin, PinMode mode)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return openedPins.Contains(pin) && controller.IsPinOpen(pin) && controller.GetPinMode(pin) == mode;
    }

    private void EnsureFree(int pin)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (pwm.ContainsKey(pin) || controller.IsPinOpen(pin))
        {
            throw new InvalidOperationException($"GPIO {pin} is already open.");
        }
    }

    private static void CheckDuty(double dutyCycle)
    {
        if (!(dutyCycle >= 0 && dutyCycle <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(dutyCycle), dutyCycle, "The duty cycle must be between 0 and 1.");
        }
    }
}
