using System;
using System.Collections.Generic;
using DeviceFirmware.Core.Board;

namespace DeviceFirmware.Fuzz.Device;

/// <summary>
/// Counts every call that could move a pin (open, write, PWM) and remembers the last level or duty per pin, then
/// forwards to the real driver when there is one (the simulated board) or stops there (the fast, board-less run).
/// </summary>
public sealed class CountingPinDriver : IPinDriver
{
    private readonly IPinDriver? inner;
    private readonly Dictionary<int, double> levels = new();

    /// <summary>Wraps <paramref name="inner"/>; null keeps the pins here only.</summary>
    public CountingPinDriver(IPinDriver? inner) => this.inner = inner;

    /// <summary>Calls that could move a pin, since construction.</summary>
    public int Moves { get; private set; }

    /// <summary>The last level (0/1) or duty cycle written to each pin.</summary>
    public IReadOnlyDictionary<int, double> Levels => levels;

    /// <inheritdoc/>
    public void OpenOutput(int pin, bool high)
    {
        Moved(pin, high ? 1 : 0);
        inner?.OpenOutput(pin, high);
    }

    /// <inheritdoc/>
    public void OpenInput(int pin, bool pullUp)
    {
        Moves++;
        inner?.OpenInput(pin, pullUp);
    }

    /// <inheritdoc/>
    public void OpenPwm(int pin, int frequencyHz, double dutyCycle)
    {
        Moved(pin, dutyCycle);
        inner?.OpenPwm(pin, frequencyHz, dutyCycle);
    }

    /// <inheritdoc/>
    public void Write(int pin, bool high)
    {
        Moved(pin, high ? 1 : 0);
        inner?.Write(pin, high);
    }

    /// <inheritdoc/>
    public void WritePwm(int pin, double dutyCycle)
    {
        Invariant(dutyCycle >= 0 && dutyCycle <= 1, $"duty cycle {dutyCycle} written to pin {pin}");
        Moved(pin, dutyCycle);
        inner?.WritePwm(pin, dutyCycle);
    }

    /// <inheritdoc/>
    public bool Read(int pin) => inner is not null ? inner.Read(pin) : true; // released active-low button

    private void Moved(int pin, double level)
    {
        Moves++;
        levels[pin] = level;
    }

    private static void Invariant(bool holds, string what) => Harnesses.Invariant.Check(holds, what);
}
