#nullable enable
using System.Collections.Generic;
using System.Device.Gpio;

namespace DeviceFirmware.Iot.Simulation;

/// <summary>
/// One line of the <see cref="SimulatedGpioDriver"/>'s bank and the electrical rules that turn it into a level. A plain
/// holder without a lock of its own: the driver reads and writes it only under its lock.
/// </summary>
internal sealed class SimulatedPinState
{
    /// <summary>Open through the GPIO controller.</summary>
    public bool Open;

    /// <summary>The mode the firmware set (meaningful while open).</summary>
    public PinMode Mode;

    /// <summary>The level last written as an output.</summary>
    public bool OutputLevel;

    /// <summary>The level the control surface drives, or null.</summary>
    public bool? Driven;

    /// <summary>The external pull the board is wired with (true = 3V3, false = ground), or null.</summary>
    public bool? ExternalPull;

    /// <summary>The output's level changes; created when the line first becomes an output.</summary>
    public PinHistory? History;

    /// <summary>Input edges so far: a waiter compares it to see whether an edge came while it slept.</summary>
    public long EdgeCount;

    /// <summary>The direction of the last input edge.</summary>
    public PinEventTypes LastEdge;

    /// <summary>The pin-change callbacks registered on this line.</summary>
    public readonly List<PinSubscription> Callbacks = new();

    /// <summary>How the firmware uses the line now, as the control surface reports it.</summary>
    public SimulatedPinMode SimulatedMode
    {
        get
        {
            if (!Open)
            {
                return SimulatedPinMode.Closed;
            }

            return Mode switch
            {
                PinMode.Output => SimulatedPinMode.Output,
                PinMode.InputPullUp => SimulatedPinMode.InputPullUp,
                PinMode.InputPullDown => SimulatedPinMode.InputPullDown,
                _ => SimulatedPinMode.Input,
            };
        }
    }

    /// <summary>The electrical level: an output's written level, else what is driven, else the idle level.</summary>
    public bool Level
    {
        get
        {
            if (Open && Mode == PinMode.Output)
            {
                return OutputLevel;
            }

            return Driven ?? IdleLevel;
        }
    }

    /// <summary>
    /// The level an undriven input reads: the external pull wins (a real resistor stronger than the internal pull), then
    /// the internal pull-up; low otherwise, so a floating input is deterministic in tests.
    /// </summary>
    public bool IdleLevel
    {
        get
        {
            if (ExternalPull is bool external)
            {
                return external;
            }

            return Open && Mode == PinMode.InputPullUp;
        }
    }
}
