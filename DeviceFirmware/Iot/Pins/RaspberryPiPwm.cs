#nullable enable
using System;
using System.Device.Gpio;
using System.Device.Pwm;
using System.Device.Pwm.Drivers;

namespace DeviceFirmware.Iot.Pins;

/// <summary>
/// PWM on a Raspberry Pi (up to Pi 4): the two hardware channels where the pin has one, software PWM elsewhere.
/// Hardware PWM needs <c>dtoverlay=pwm-2chan</c> in config.txt (GPIO18 → channel 0, GPIO19 → channel 1 by default;
/// <c>pin=12,func=4</c> / <c>pin2=13,func=4</c> move them to GPIO12/13).
/// </summary>
public static class RaspberryPiPwm
{
    /// <summary>The hardware PWM channel of <paramref name="gpio"/> on chip 0: 0 for GPIO12/18, 1 for GPIO13/19, else −1.</summary>
    public static int HardwareChannelOf(int gpio) => gpio switch
    {
        12 or 18 => 0,
        13 or 19 => 1,
        _ => -1,
    };

    /// <summary>
    /// A factory for <see cref="GpioPinDriver"/>: a sysfs hardware channel on <paramref name="chip"/> where the pin has
    /// one, otherwise a software channel toggling the pin through <paramref name="controller"/>.
    /// </summary>
    /// <param name="controller">The controller the software channels drive their pins through (not disposed by them).</param>
    /// <param name="chip">The PWM chip of the hardware channels (<c>/sys/class/pwm/pwmchip0</c> on a Pi 4).</param>
    public static Func<int, int, double, PwmChannel> Factory(GpioController controller, int chip = 0)
    {
        ArgumentNullException.ThrowIfNull(controller);
        return (pin, frequencyHz, dutyCycle) =>
        {
            int channel = HardwareChannelOf(pin);
            return channel >= 0
                ? PwmChannel.Create(chip, channel, frequencyHz, dutyCycle)
                : new SoftwarePwmChannel(pin, frequencyHz, dutyCycle, usePrecisionTimer: false, controller, shouldDispose: false);
        };
    }
}
