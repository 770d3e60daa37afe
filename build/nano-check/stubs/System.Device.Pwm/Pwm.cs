// Stand-in: package nanoFramework.System.Device.Pwm 1.1.10 (assembly System.Device.Pwm), signatures only.
// Copied from github.com/nanoframework/System.Device.Pwm:
//   System.Device.Pwm/PwmChannel.cs @ 7abc9d325db86c9602b91fc24c758f568de42e32 (the members used below).
namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        private PwmChannel() { }

        public int Frequency { get => throw null; set => throw null; }

        public double DutyCycle { get => throw null; set => throw null; }

        public void Start() => throw null;

        public void Stop() => throw null;

        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) => throw null;

        public void Dispose() => throw null;
    }
}
