using System;
using System.Device.Gpio;
using System.Device.Pwm;
using DeviceFirmware.Core.Board;
using nanoFramework.Hardware.Esp32;

namespace DeviceFirmware.Nano.Pins
{
    /// <summary>
    /// The pin seam on the ESP32: digital pins through nanoFramework's <see cref="GpioController"/>, PWM through
    /// <see cref="PwmChannel"/>. On the ESP32 a GPIO must be given a PWM (LEDC) function with
    /// <see cref="Configuration.SetPinFunction"/> before <see cref="PwmChannel.CreateFromPin"/> finds a channel for it,
    /// and PWM(2t+1)/PWM(2t+2) share LEDC timer t: each PWM output gets the function its board's
    /// <see cref="LedcTimerPlan"/> chose, so outputs at different frequencies never share a timer. Misuse (a pin opened
    /// twice in another mode, writing a pin not opened as an output, a duty cycle outside 0..1, a PWM pin the plan does
    /// not hold) throws <see cref="InvalidOperationException"/> or <see cref="ArgumentOutOfRangeException"/>; the core
    /// opens pins at start-up only.
    /// </summary>
    public sealed class NanoPinDriver : IPinDriver, IDisposable
    {
        private static readonly DeviceFunction[] PwmFunctions =
        {
            DeviceFunction.PWM1, DeviceFunction.PWM2, DeviceFunction.PWM3, DeviceFunction.PWM4,
            DeviceFunction.PWM5, DeviceFunction.PWM6, DeviceFunction.PWM7, DeviceFunction.PWM8,
            DeviceFunction.PWM9, DeviceFunction.PWM10, DeviceFunction.PWM11, DeviceFunction.PWM12,
            DeviceFunction.PWM13, DeviceFunction.PWM14, DeviceFunction.PWM15, DeviceFunction.PWM16,
        };

        private readonly GpioController controller = new GpioController();
        private readonly LedcTimerPlan plan;
        private readonly int[] pwmPins;
        private readonly PwmChannel[] pwmChannels;
        private int pwmCount;

        /// <summary>Creates the driver for a board whose PWM outputs <paramref name="plan"/> assigned to LEDC timers.</summary>
        public NanoPinDriver(LedcTimerPlan plan)
        {
            this.plan = plan;
            pwmPins = new int[plan.Count];
            pwmChannels = new PwmChannel[plan.Count];
        }

        /// <inheritdoc/>
        public void OpenOutput(int pin, bool high)
        {
            // Opened again (the core's restart after a failure): re-drive the level instead of failing.
            if (!controller.IsPinOpen(pin)) controller.OpenPin(pin, PinMode.Output);
            else if (controller.GetPinMode(pin) != PinMode.Output) throw new InvalidOperationException("GPIO " + pin + " is already open as an input");
            controller.Write(pin, high ? PinValue.High : PinValue.Low);
        }

        /// <inheritdoc/>
        public void OpenInput(int pin, bool pullUp)
        {
            PinMode mode = pullUp ? PinMode.InputPullUp : PinMode.Input;
            if (!controller.IsPinOpen(pin)) controller.OpenPin(pin, mode);
            else if (controller.GetPinMode(pin) != mode) throw new InvalidOperationException("GPIO " + pin + " is already open in another mode");
        }

        /// <inheritdoc/>
        public void OpenPwm(int pin, int frequencyHz, double dutyCycle)
        {
            if (frequencyHz <= 0) throw new ArgumentOutOfRangeException(nameof(frequencyHz));
            CheckDuty(dutyCycle);
            int slot = FindPwm(pin);
            if (slot >= 0)
            {
                pwmChannels[slot].DutyCycle = dutyCycle;
                return;
            }

            int function = plan.FunctionOf(pin);
            if (function == 0 || pwmCount == pwmPins.Length) throw new InvalidOperationException("GPIO " + pin + " is not a PWM output of the board's LEDC timer plan");
            if (controller.IsPinOpen(pin)) throw new InvalidOperationException("GPIO " + pin + " is already open as a digital pin");
            Configuration.SetPinFunction(pin, PwmFunctions[function - 1]);
            PwmChannel channel = PwmChannel.CreateFromPin(pin, frequencyHz, dutyCycle);
            if (channel == null) throw new InvalidOperationException("GPIO " + pin + ": no PWM channel for this pin");
            channel.Start();
            pwmPins[pwmCount] = pin;
            pwmChannels[pwmCount] = channel;
            pwmCount++;
        }

        /// <inheritdoc/>
        public void Write(int pin, bool high)
        {
            if (!controller.IsPinOpen(pin) || controller.GetPinMode(pin) != PinMode.Output)
            {
                throw new InvalidOperationException("GPIO " + pin + " is not open as a digital output");
            }

            controller.Write(pin, high ? PinValue.High : PinValue.Low);
        }

        /// <inheritdoc/>
        public void WritePwm(int pin, double dutyCycle)
        {
            CheckDuty(dutyCycle);
            int slot = FindPwm(pin);
            if (slot < 0) throw new InvalidOperationException("GPIO " + pin + " is not open as a PWM output");
            pwmChannels[slot].DutyCycle = dutyCycle;
        }

        /// <inheritdoc/>
        public bool Read(int pin) => controller.Read(pin) == PinValue.High;

        /// <summary>Stops the PWM channels and releases the GPIO controller (the firmware never does: it runs until reset).</summary>
        public void Dispose()
        {
            for (int i = 0; i < pwmCount; i++)
            {
                pwmChannels[i].Stop();
                pwmChannels[i].Dispose();
                pwmChannels[i] = null;
            }

            pwmCount = 0;
            controller.Dispose();
        }

        private int FindPwm(int pin)
        {
            for (int i = 0; i < pwmCount; i++)
            {
                if (pwmPins[i] == pin) return i;
            }

            return -1;
        }

        private static void CheckDuty(double dutyCycle)
        {
            if (!(dutyCycle >= 0 && dutyCycle <= 1)) throw new ArgumentOutOfRangeException(nameof(dutyCycle));
        }
    }
}
