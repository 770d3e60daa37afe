#nullable enable
namespace DeviceFirmware.Iot.Simulation;

/// <summary>A snapshot of one simulated pin, for the control surface and its HTTP API.</summary>
/// <param name="Pin">The GPIO number.</param>
/// <param name="Mode">What the firmware opened it as.</param>
/// <param name="Level">The electrical level now: an output's written level, an input's read level, for PWM whether the duty cycle is above 0 while running.</param>
/// <param name="Driven">For inputs and closed pins: the level the control surface drives, or null when it does not drive the pin.</param>
/// <param name="DutyCycle">For PWM: the duty cycle 0..1, otherwise null.</param>
/// <param name="FrequencyHz">For PWM: the frequency, otherwise null.</param>
/// <param name="Running">For PWM: whether the channel was started and not stopped, otherwise null.</param>
public sealed record SimulatedPin(
    int Pin,
    SimulatedPinMode Mode,
    bool Level,
    bool? Driven,
    double? DutyCycle,
    int? FrequencyHz,
    bool? Running);
