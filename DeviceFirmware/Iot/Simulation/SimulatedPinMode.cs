#nullable enable
namespace DeviceFirmware.Iot.Simulation;

/// <summary>What a simulated pin is used for right now, as the control surface shows it.</summary>
public enum SimulatedPinMode
{
    /// <summary>Not opened by the firmware.</summary>
    Closed = 0,

    /// <summary>A digital input without an internal pull (reads low when nothing drives it, unless wired otherwise).</summary>
    Input = 1,

    /// <summary>A digital input with the internal pull-up.</summary>
    InputPullUp = 2,

    /// <summary>A digital input with the internal pull-down.</summary>
    InputPullDown = 3,

    /// <summary>A digital output.</summary>
    Output = 4,

    /// <summary>A PWM output.</summary>
    Pwm = 5,
}
