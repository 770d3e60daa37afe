#nullable enable
using System;
using System.Collections.Generic;
using System.Device.Gpio;

namespace DeviceFirmware.Iot.Simulation;

/// <summary>
/// The simulated bank's control surface: what the board's control API and tests read (mode, level, history) and
/// drive (a button, an external pull) from outside the firmware. Each call takes the driver's lock; an input edge it
/// causes runs the firmware's pin-change callbacks on the caller's thread after the lock is released.
/// </summary>
public sealed partial class SimulatedGpioDriver
{
    /// <summary>How the firmware uses <paramref name="pin"/> now (never <see cref="SimulatedPinMode.Pwm"/>: PWM is not the GPIO driver's).</summary>
    public SimulatedPinMode ModeOf(int pin)
    {
        lock (gate)
        {
            return State(pin).SimulatedMode;
        }
    }

    /// <summary>The electrical level of <paramref name="pin"/>: an output's written level, otherwise the input level it would read.</summary>
    public bool LevelOf(int pin)
    {
        lock (gate)
        {
            return State(pin).Level;
        }
    }

    /// <summary>The level the control surface drives on <paramref name="pin"/>, or null when it does not drive it.</summary>
    public bool? DrivenLevelOf(int pin)
    {
        lock (gate)
        {
            return State(pin).Driven;
        }
    }

    /// <summary>The level <paramref name="pin"/> reads as an input when nothing drives it (external pull, else internal pull, else low).</summary>
    public bool IdleLevelOf(int pin)
    {
        lock (gate)
        {
            return State(pin).IdleLevel;
        }
    }

    /// <summary>The last level changes of output <paramref name="pin"/>, oldest first (empty for a pin never used as an output).</summary>
    public IReadOnlyList<PinChange> HistoryOf(int pin)
    {
        lock (gate)
        {
            SimulatedPinState state = State(pin);
            return state.History is null ? PinHistory.Empty : state.History.ToArray();
        }
    }

    /// <summary>
    /// Drives <paramref name="pin"/> from outside (a button, another chip). Allowed on inputs and on closed pins
    /// (the level is there when the firmware opens the pin); refused on outputs, which would be a short.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The pin is not in the bank.</exception>
    /// <exception cref="InvalidOperationException">The pin is open as an output.</exception>
    public void DriveInput(int pin, bool high) => SetDriven(pin, high);

    /// <summary>Stops driving <paramref name="pin"/>: it falls back to its idle level (see <see cref="IdleLevelOf"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The pin is not in the bank.</exception>
    /// <exception cref="InvalidOperationException">The pin is open as an output.</exception>
    public void StopDriving(int pin) => SetDriven(pin, null);

    /// <summary>
    /// Wires an external pull resistor on <paramref name="pin"/> (true = to 3V3, false = to ground, null = none).
    /// It sets the idle level of an input whatever its internal pull, like a real resistor stronger than the pull.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The pin is not in the bank.</exception>
    public void SetExternalPull(int pin, bool? high)
    {
        PinChangeNotification notification;
        lock (gate)
        {
            SimulatedPinState state = State(pin);
            bool before = state.Level;
            state.ExternalPull = high;
            notification = InputEdge(pin, state, before);
        }

        notification.Raise(this);
    }

    private void SetDriven(int pin, bool? high)
    {
        PinChangeNotification notification;
        lock (gate)
        {
            SimulatedPinState state = State(pin);
            if (state.Open && state.Mode == PinMode.Output)
            {
                throw new InvalidOperationException($"GPIO {pin} is an output; only inputs can be driven from outside.");
            }

            bool before = state.Level;
            state.Driven = high;
            notification = InputEdge(pin, state, before);
        }

        notification.Raise(this);
    }
}
