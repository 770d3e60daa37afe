using DeviceFirmware.Core.Board;

namespace DeviceFirmware.Benchmarks.Core
{
    /// <summary>Pins that do nothing: the core's own cost, without System.Device.Gpio.</summary>
    internal sealed class NoPins : IPinDriver
    {
        public void OpenOutput(int pin, bool high)
        {
        }

        public void OpenInput(int pin, bool pullUp)
        {
        }

        public void OpenPwm(int pin, int frequencyHz, double dutyCycle)
        {
        }

        public void Write(int pin, bool high)
        {
        }

        public void WritePwm(int pin, double dutyCycle)
        {
        }

        public bool Read(int pin) => true;
    }
}
