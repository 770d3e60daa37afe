using DeviceFirmware.NanoHostTests.Fakes;

// Behavioural double of nanoFramework.System.Device.Pwm 1.1.23 (public surface = build/nano-check/stubs/System.Device.Pwm,
// checked by FakeSurfaceTests), modelling the ESP32 native code: CreateFromPin takes the first timer t in 0..7 whose
// functions PWM(2t+1)/PWM(2t+2) are mapped to the pin, and setting Frequency re-times the whole timer (FakeLedc).
namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        private readonly int timer;
        private readonly int pin;

        public PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5)
            : this(chip, -1, frequency, dutyCyclePercentage, true)
        {
        }

        private PwmChannel(int chip, int pin, int frequency, double dutyCyclePercentage, bool unused)
        {
            timer = chip;
            this.pin = pin;
            Frequency = frequency;
            DutyCycle = dutyCyclePercentage;
        }

        public int Frequency
        {
            get => FakeLedc.TimerFrequency(timer);
            set => FakeLedc.SetTimerFrequency(timer, value);
        }

        public double DutyCycle { get; set; }

        internal int TimerForTests => timer;

        internal int PinForTests => pin;

        public void Start()
        {
        }

        public void Stop()
        {
        }

        public static PwmChannel Create(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) => new PwmChannel(chip, channel, frequency, dutyCyclePercentage);

        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5)
        {
            for (int chip = 0; chip < 8; chip++)
            {
                if (FakeLedc.TimerServesPin(chip, pin))
                {
                    PwmChannel channel = new PwmChannel(chip, pin, frequency, dutyCyclePercentage, true);
                    FakeLedc.Opened(channel);
                    return channel;
                }
            }

            return null;
        }

        public void Dispose()
        {
        }
    }
}
