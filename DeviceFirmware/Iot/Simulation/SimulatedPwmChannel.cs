#nullable enable
using System;
using System.Device.Pwm;

namespace DeviceFirmware.Iot.Simulation;

/// <summary>
/// A PWM channel that only records what the firmware set: frequency, duty cycle, started or stopped.
/// Validates like the Linux sysfs channel (frequency above 0, duty cycle 0..1), so bad values fail here as on a Pi.
/// Thread-safe: the firmware sets it while the control surface reads it.
/// </summary>
public sealed class SimulatedPwmChannel : PwmChannel
{
    private readonly object gate = new();
    private int frequency;
    private double dutyCycle;
    private bool running;
    private bool disposed;

    /// <summary>Creates a stopped channel for GPIO <paramref name="pin"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Frequency not above 0, or duty cycle outside 0..1.</exception>
    public SimulatedPwmChannel(int pin, int frequencyHz, double dutyCycle)
    {
        Pin = pin;
        Frequency = frequencyHz;
        DutyCycle = dutyCycle;
    }

    /// <summary>The GPIO number the channel drives.</summary>
    public int Pin { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The value is not above 0.</exception>
    public override int Frequency
    {
        get
        {
            lock (gate)
            {
                return frequency;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, 0);
            lock (gate)
            {
                frequency = value;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0..1 or not a number.</exception>
    public override double DutyCycle
    {
        get
        {
            lock (gate)
            {
                return dutyCycle;
            }
        }

        set
        {
            if (!(value >= 0 && value <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The duty cycle must be between 0 and 1.");
            }

            lock (gate)
            {
                dutyCycle = value;
            }
        }
    }

    /// <summary>True between <see cref="Start"/> and <see cref="Stop"/> (or disposal).</summary>
    public bool IsRunning
    {
        get
        {
            lock (gate)
            {
                return running;
            }
        }
    }

    /// <summary>True once disposed: the pin is free again.</summary>
    public bool IsDisposed
    {
        get
        {
            lock (gate)
            {
                return disposed;
            }
        }
    }

    /// <inheritdoc />
    public override void Start()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            running = true;
        }
    }

    /// <inheritdoc />
    public override void Stop()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            running = false;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        lock (gate)
        {
            running = false;
            disposed = true;
        }

        base.Dispose(disposing);
    }
}
