using System;
using System.Collections.Generic;
using DeviceFirmware.Core.Board;

namespace DeviceFirmware.Testing.Pins;

/// <summary>
/// Pins as dictionaries: remembers levels, duties, pull-ups and PWM frequencies, counts every call that could move a
/// pin (<see cref="Calls"/>) and journals each while the <see cref="Journal"/> records. With an inner driver (the
/// simulated board, for the fuzzer) every call is forwarded to it as well and reads come from it. A duty cycle outside
/// 0..1 throws, as System.Device.Pwm's PwmChannel does: the core must never write one. With a muted journal, writes to
/// pins already opened allocate nothing (allocation tests, benchmarks).
/// </summary>
public sealed class FakePinDriver : IPinDriver
{
    private readonly Journal journal;
    private readonly IPinDriver? inner;

    /// <summary>Journals into <paramref name="journal"/> (shared with the other fakes) or its own; forwards to <paramref name="inner"/> when given.</summary>
    public FakePinDriver(Journal? journal = null, IPinDriver? inner = null)
    {
        this.journal = journal ?? new Journal();
        this.inner = inner;
    }

    /// <summary>The last level of each digital output.</summary>
    public Dictionary<int, bool> Levels { get; } = new();

    /// <summary>The last duty cycle (0..1) of each PWM output.</summary>
    public Dictionary<int, double> Duties { get; } = new();

    /// <summary>The level each input pin reads (see <see cref="SetInput"/>).</summary>
    public Dictionary<int, bool> Inputs { get; } = new();

    /// <summary>Whether each input was opened with its pull-up.</summary>
    public Dictionary<int, bool> PullUps { get; } = new();

    /// <summary>The frequency each PWM output was opened with.</summary>
    public Dictionary<int, int> PwmFrequencies { get; } = new();

    /// <summary>The journal's entries (shared with the other fakes on the same journal).</summary>
    public List<string> History => journal.Entries;

    /// <summary>
    /// Runs at the start of every digital <see cref="Write"/>, before anything is recorded: a test counts writes with
    /// it, or throws from it to play a driver that fails (the pin then keeps its level). Null = nothing.
    /// </summary>
    public Action<int, bool>? BeforeWrite { get; set; }

    /// <summary>Calls that could move a pin (open, write, PWM), since construction.</summary>
    public int Calls { get; private set; }

    /// <summary>The level tests put on an input pin (what <see cref="Read"/> returns without an inner driver).</summary>
    public void SetInput(int pin, bool high) => Inputs[pin] = high;

    /// <inheritdoc/>
    public void OpenOutput(int pin, bool high)
    {
        Calls++;
        Levels[pin] = high;
        if (journal.Record) journal.Add($"pin open-output {pin} {(high ? "high" : "low")}");
        inner?.OpenOutput(pin, high);
    }

    /// <inheritdoc/>
    public void OpenInput(int pin, bool pullUp)
    {
        Calls++;
        PullUps[pin] = pullUp;
        if (!Inputs.ContainsKey(pin)) Inputs[pin] = pullUp;
        if (journal.Record) journal.Add($"pin open-input {pin} pull-up={pullUp}");
        inner?.OpenInput(pin, pullUp);
    }

    /// <inheritdoc/>
    public void OpenPwm(int pin, int frequencyHz, double dutyCycle)
    {
        CheckDuty(pin, dutyCycle);
        Calls++;
        Duties[pin] = dutyCycle;
        PwmFrequencies[pin] = frequencyHz;
        if (journal.Record) journal.Add($"pin open-pwm {pin} {frequencyHz}Hz {dutyCycle:0.###}");
        inner?.OpenPwm(pin, frequencyHz, dutyCycle);
    }

    /// <inheritdoc/>
    public void Write(int pin, bool high)
    {
        BeforeWrite?.Invoke(pin, high);
        Calls++;
        Levels[pin] = high;
        if (journal.Record) journal.Add($"pin write {pin} {(high ? "high" : "low")}");
        inner?.Write(pin, high);
    }

    /// <inheritdoc/>
    public void WritePwm(int pin, double dutyCycle)
    {
        CheckDuty(pin, dutyCycle);
        Calls++;
        Duties[pin] = dutyCycle;
        if (journal.Record) journal.Add($"pin pwm {pin} {dutyCycle:0.###}");
        inner?.WritePwm(pin, dutyCycle);
    }

    /// <inheritdoc/>
    public bool Read(int pin) => inner is not null ? inner.Read(pin) : Inputs.TryGetValue(pin, out bool high) && high;

    private static void CheckDuty(int pin, double dutyCycle)
    {
        if (!(dutyCycle >= 0 && dutyCycle <= 1)) throw new ArgumentOutOfRangeException(nameof(dutyCycle), dutyCycle, $"duty cycle {dutyCycle} written to pin {pin}");
    }
}
