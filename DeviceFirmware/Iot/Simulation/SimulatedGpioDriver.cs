#nullable enable
using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Threading;

namespace DeviceFirmware.Iot.Simulation;

/// <summary>
/// A virtual GPIO bank for machines without GPIO (CI, a developer's PC). The firmware uses it through a normal
/// <see cref="GpioController"/>; the control surface (<see cref="SimulatedBoard"/>, tests) drives its inputs and
/// reads its outputs with the public members. Thread-safe: the firmware loop writes while the HTTP thread reads.
/// </summary>
/// <remarks>
/// An input reads, in order of precedence: the level the control surface drives; the external pull the board is
/// wired with (<see cref="SetExternalPull"/>); the internal pull-up (high) or pull-down (low); low for a floating
/// input, so tests are deterministic. Pin-change callbacks run synchronously on the thread that caused the change
/// (for example the HTTP thread that pressed a button), after the driver's lock is released.
/// </remarks>
public sealed partial class SimulatedGpioDriver : GpioDriver
{
    /// <summary>The bank size when none is given.</summary>
    public const int DefaultPinCount = 64;

    /// <summary>How many changes each pin's history keeps when no limit is given.</summary>
    public const int DefaultHistoryLimit = 256;

    private readonly object gate = new();
    private readonly SimulatedPinState[] pins;
    private readonly int historyLimit;
    private long sequence;

    /// <summary>Creates a bank of <paramref name="pinCount"/> pins (GPIO 0 … pinCount−1), all closed and undriven.</summary>
    /// <param name="pinCount">Number of pins, 1..1024.</param>
    /// <param name="historyLimit">Changes kept per pin, 1..65536; older ones are dropped.</param>
    public SimulatedGpioDriver(int pinCount = DefaultPinCount, int historyLimit = DefaultHistoryLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pinCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pinCount, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyLimit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(historyLimit, 65536);
        pins = new SimulatedPinState[pinCount];
        for (int i = 0; i < pinCount; i++)
        {
            pins[i] = new SimulatedPinState();
        }

        this.historyLimit = historyLimit;
    }

    /// <summary>The number of pins in the bank (GPIO 0 … BankSize−1).</summary>
    public int BankSize => pins.Length;

    /// <summary>The number of pins in the bank.</summary>
    protected override int PinCount => pins.Length;

    /// <summary>True when <paramref name="pin"/> is a GPIO number of this bank.</summary>
    public bool Contains(int pin) => pin >= 0 && pin < pins.Length;

    /// <inheritdoc />
    protected override void OpenPin(int pinNumber)
    {
        lock (gate)
        {
            SimulatedPinState state = State(pinNumber);
            if (state.Open)
            {
                throw new InvalidOperationException($"GPIO {pinNumber} is already open.");
            }

            // A freshly opened line is an input without pull, as on a Pi after export.
            state.Open = true;
            state.Mode = PinMode.Input;
        }
    }

    /// <inheritdoc />
    protected override void ClosePin(int pinNumber)
    {
        lock (gate)
        {
            SimulatedPinState state = OpenState(pinNumber);
            state.Open = false;
            state.Callbacks.Clear();
            Monitor.PulseAll(gate);
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode) => SetMode(pinNumber, mode, null);

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue) =>
        SetMode(pinNumber, mode, initialValue == PinValue.High);

    /// <inheritdoc />
    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (gate)
        {
            return OpenState(pinNumber).Mode;
        }
    }

    /// <inheritdoc />
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        Contains(pinNumber) && mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    /// <inheritdoc />
    protected override PinValue Read(int pinNumber)
    {
        lock (gate)
        {
            return OpenState(pinNumber).Level ? PinValue.High : PinValue.Low;
        }
    }

    /// <inheritdoc />
    protected override void Write(int pinNumber, PinValue value)
    {
        lock (gate)
        {
            SimulatedPinState state = OpenState(pinNumber);
            if (state.Mode != PinMode.Output)
            {
                throw new InvalidOperationException($"GPIO {pinNumber} is not an output (mode {state.Mode}).");
            }

            SetOutputLevel(state, value == PinValue.High, force: false);
        }
    }

    /// <inheritdoc />
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            SimulatedPinState state = OpenState(pinNumber);
            long seen = state.EdgeCount;
            using CancellationTokenRegistration registration = cancellationToken.Register(() =>
            {
                lock (gate)
                {
                    Monitor.PulseAll(gate);
                }
            });
            while (true)
            {
                if (state.EdgeCount != seen)
                {
                    seen = state.EdgeCount;
                    if ((state.LastEdge & eventTypes) != 0)
                    {
                        return new WaitForEventResult { EventTypes = state.LastEdge, TimedOut = false };
                    }
                }

                if (cancellationToken.IsCancellationRequested || !state.Open)
                {
                    return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
                }

                Monitor.Wait(gate);
            }
        }
    }

    /// <inheritdoc />
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (gate)
        {
            OpenState(pinNumber).Callbacks.Add(new PinSubscription(eventTypes, callback));
        }
    }

    /// <inheritdoc />
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (gate)
        {
            OpenState(pinNumber).Callbacks.RemoveAll(s => s.Handler == callback);
        }
    }

    private void SetMode(int pinNumber, PinMode mode, bool? initialHigh)
    {
        if (!IsPinModeSupported(pinNumber, mode))
        {
            throw new InvalidOperationException($"GPIO {pinNumber} does not support mode {mode}.");
        }

        PinChangeNotification notification;
        lock (gate)
        {
            SimulatedPinState state = OpenState(pinNumber);
            bool before = state.Level;
            bool wasOutput = state.Mode == PinMode.Output;
            state.Mode = mode;
            if (mode == PinMode.Output)
            {
                // The initial level is set before the line turns into an output, so no glitch is recorded.
                // Entering output mode is always recorded: the line starts being driven here.
                bool level = initialHigh ?? (wasOutput && state.OutputLevel);
                SetOutputLevel(state, level, force: !wasOutput);
                notification = default;
            }
            else
            {
                notification = InputEdge(pinNumber, state, before);
            }
        }

        notification.Raise(this);
    }

    // Called under the lock: records a level change of an open input and collects the callbacks to run.
    private PinChangeNotification InputEdge(int pin, SimulatedPinState state, bool before)
    {
        if (!state.Open || state.Mode == PinMode.Output)
        {
            return default;
        }

        bool after = state.Level;
        if (after == before)
        {
            return default;
        }

        PinEventTypes edge = after ? PinEventTypes.Rising : PinEventTypes.Falling;
        state.EdgeCount++;
        state.LastEdge = edge;
        Monitor.PulseAll(gate);
        var handlers = new List<PinChangeEventHandler>();
        foreach (PinSubscription subscription in state.Callbacks)
        {
            if ((subscription.EventTypes & edge) != 0)
            {
                handlers.Add(subscription.Handler);
            }
        }

        return new PinChangeNotification(pin, edge, handlers);
    }

    private void SetOutputLevel(SimulatedPinState state, bool level, bool force)
    {
        if (!force && state.OutputLevel == level)
        {
            return;
        }

        state.OutputLevel = level;
        state.History ??= new PinHistory(historyLimit);
        state.History.Add(new PinChange(++sequence, level));
    }

    private SimulatedPinState State(int pin)
    {
        if (!Contains(pin))
        {
            throw new ArgumentOutOfRangeException(nameof(pin), pin, $"The simulated bank has GPIO 0..{pins.Length - 1}.");
        }

        return pins[pin];
    }

    private SimulatedPinState OpenState(int pin)
    {
        SimulatedPinState state = State(pin);
        if (!state.Open)
        {
            throw new InvalidOperationException($"GPIO {pin} is not open.");
        }

        return state;
    }
}
