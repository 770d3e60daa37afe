// Stand-in: package nanoFramework.System.Device.Pwm 1.1.23 (assembly System.Device.Pwm), signatures only.
// Read at tag v1.1.23 of github.com/nanoframework/System.Device.Pwm (commit 8f14504caeb537dd541fe0f2c8eeb77979cd3654):
//   System.Device.Pwm/PwmChannel.cs: Frequency, DutyCycle, Start, Stop, Create(chip, channel, ...), CreateFromPin,
//   the public constructor, Dispose. On the ESP32, CreateFromPin tries timers ("chip") 0..7 and takes the first whose
//   PWM functions 2t+1/2t+2 are mapped to the pin (nf-interpreter targets/ESP32/_nanoCLR/System.Device.Pwm,
//   GetChannel___STATIC__I4__I4__I4), and setting Frequency re-configures that whole LEDC timer.
namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        public PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) => throw null;

        public int Frequency { get => throw null; set => throw null; }

        public double DutyCycle { get => throw null; set => throw null; }

        public void Start() => throw null;

        public void Stop() => throw null;

        public static PwmChannel Create(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) => throw null;

        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) => throw null;

        public void Dispose() => throw null;
    }
}
