using System.Device.Pwm;
using DeviceFirmware.Boards;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Nano.Pins;
using DeviceFirmware.NanoHostTests.Fakes;
using nanoFramework.Hardware.Esp32;
using Xunit;

namespace DeviceFirmware.NanoHostTests.Pins
{
    /// <summary>
    /// NanoPinDriver's PWM outputs against the System.Device.Pwm / Hardware.Esp32 doubles, which model the ESP32's LEDC:
    /// PWM(2t+1) and PWM(2t+2) share timer t, and opening a channel re-times its whole timer.
    /// </summary>
    public class NanoPinDriverTests
    {
        public NanoPinDriverTests()
        {
            FakeLedc.Reset();
        }

        [Fact]
        public void Every_ESP32_devkitc_PWM_output_runs_at_its_board_frequency()
        {
            BoardMap board = Esp32DevkitcBoard.Create();
            LedcTimerPlan plan = LedcTimerPlan.Create(board.Outputs, out string problem);
            Assert.Null(problem);
            var driver = new NanoPinDriver(plan);

            foreach (OutputBinding output in board.Outputs)
            {
                if (output.Kind == OutputKind.Pwm) driver.OpenPwm(output.Pin, output.PwmFrequencyHz, 0.5);
            }

            foreach (OutputBinding a in board.Outputs)
            {
                if (a.Kind != OutputKind.Pwm) continue;
                Assert.Equal(a.PwmFrequencyHz, FakeLedc.EffectiveFrequency(a.Pin));
                foreach (OutputBinding b in board.Outputs)
                {
                    if (b.Kind == OutputKind.Pwm && b.PwmFrequencyHz != a.PwmFrequencyHz) Assert.NotEqual(FakeLedc.TimerOfPin(a.Pin), FakeLedc.TimerOfPin(b.Pin));
                }
            }
        }

        [Fact]
        public void The_Old_Nth_Output_Gets_PWMn_Rule_Runs_LED_B_At_The_Motors_20_kHz()
        {
            // What NanoPinDriver did before: PWM1..PWM4 in board order. LED_B (PWM3) and Motor_Speed (PWM4) share timer 1.
            int[] pins = { 25, 33, 32, 27 };
            int[] hz = { 1000, 1000, 1000, 20000 };
            for (int i = 0; i < pins.Length; i++)
            {
                Configuration.SetPinFunction(pins[i], DeviceFunction.PWM1 + (i * 0x100));
                Assert.NotNull(PwmChannel.CreateFromPin(pins[i], hz[i], 0.5));
            }

            Assert.Equal(20000, FakeLedc.EffectiveFrequency(32));
        }

        [Fact]
        public void A_PWM_pin_outside_the_plan_is_refused()
        {
            var driver = new NanoPinDriver(LedcTimerPlan.Create(Esp32DevkitcBoard.Create().Outputs, out _));

            Assert.Throws<System.InvalidOperationException>(() => driver.OpenPwm(4, 1000, 0.5));
        }
    }
}
