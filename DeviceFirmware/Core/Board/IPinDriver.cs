namespace DeviceFirmware.Core.Board
{
    /// <summary>
    /// The GPIO seam: the core drives pins only through this, so the same logic runs over System.Device.Gpio on
    /// the Pi, nanoFramework's GPIO on the ESP32 and the simulated board in tests. Pin numbers are the board
    /// file's (logical GPIO numbers). Levels are electrical: the core has already applied active-low.
    /// Opening a pin again in the mode it is already open in re-drives it (the .NET host drives outputs safe before
    /// registering, then the core opens them at start; the ESP32 loop restarts the core after a failure); opening it in
    /// another mode is refused.
    /// </summary>
    public interface IPinDriver
    {
        /// <summary>Opens <paramref name="pin"/> as a digital output, written to <paramref name="high"/> at once.</summary>
        void OpenOutput(int pin, bool high);

        /// <summary>Opens <paramref name="pin"/> as a digital input, with the internal pull-up when <paramref name="pullUp"/>.</summary>
        void OpenInput(int pin, bool pullUp);

        /// <summary>Opens a PWM output on <paramref name="pin"/> at <paramref name="frequencyHz"/> with duty cycle 0..1.</summary>
        void OpenPwm(int pin, int frequencyHz, double dutyCycle);

        /// <summary>Writes a digital output.</summary>
        void Write(int pin, bool high);

        /// <summary>Sets a PWM output's duty cycle, 0..1.</summary>
        void WritePwm(int pin, double dutyCycle);

        /// <summary>Reads a digital input's level.</summary>
        bool Read(int pin);
    }
}
