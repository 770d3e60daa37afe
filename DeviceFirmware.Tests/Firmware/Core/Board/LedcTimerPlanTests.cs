using DeviceFirmware.Generators;
using System;
using DeviceFirmware.Boards;
using DeviceFirmware.Core.Board;
using Xunit;

namespace DeviceFirmware.Tests.Firmware.Core.Board
{
    /// <summary>LedcTimerPlan: outputs at different frequencies never share an ESP32 LEDC timer; a board that would need to is refused.</summary>
    public class LedcTimerPlanTests
    {
        [Fact]
        public void ESP32_devkitc_gets_LEDs_on_timers_0_and_1_and_the_motor_on_timer_2()
        {
            LedcTimerPlan plan = LedcTimerPlan.Create(Esp32DevkitcBoard.Create().Outputs, out string problem);

            Assert.Null(problem);
            Assert.Equal(4, plan.Count);
            Assert.Equal((0, 1), (plan.TimerOf(25), plan.FunctionOf(25)));   // LED_R, PWM1
            Assert.Equal((0, 2), (plan.TimerOf(33), plan.FunctionOf(33)));   // LED_G, PWM2
            Assert.Equal((1, 3), (plan.TimerOf(32), plan.FunctionOf(32)));   // LED_B, PWM3 (alone: its pair's timer is 1 kHz)
            Assert.Equal((2, 5), (plan.TimerOf(27), plan.FunctionOf(27)));   // Motor_Speed 20 kHz, PWM5
            Assert.Equal((-1, 0), (plan.TimerOf(26), plan.FunctionOf(26)));  // Relay is digital
        }

        [Fact]
        public void Different_frequencies_never_share_a_timer_and_timer_4_is_never_used()
        {
            int[] hz = { 1000, 20000, 1000, 5000, 20000, 1000, 50, 5000, 50, 1000 };
            OutputBinding[] outputs = Pwm(hz);

            LedcTimerPlan plan = LedcTimerPlan.Create(outputs, out string problem);

            Assert.Null(problem);
            Assert.Equal(hz.Length, plan.Count);
            for (int i = 0; i < hz.Length; i++)
            {
                int timer = plan.TimerOf(outputs[i + 1].Pin);
                Assert.InRange(timer, 0, LedcTimerPlan.TimerCount - 1);
                Assert.NotEqual(LedcTimerPlan.SkippedTimer, timer);
                Assert.InRange(plan.FunctionOf(outputs[i + 1].Pin), (2 * timer) + 1, (2 * timer) + 2);
                for (int j = 0; j < hz.Length; j++)
                {
                    if (hz[i] != hz[j]) Assert.NotEqual(timer, plan.TimerOf(outputs[j + 1].Pin));
                }
            }
        }

        [Fact]
        public void Eight_frequencies_are_refused_naming_the_output()
        {
            LedcTimerPlan plan = LedcTimerPlan.Create(Pwm(new[] { 100, 200, 300, 400, 500, 600, 700, 800 }), out string problem);

            Assert.Null(plan);
            Assert.Contains("outputs[8] (P7, 800 Hz)", problem, StringComparison.Ordinal);
        }

        [Fact]
        public void Fourteen_outputs_at_one_frequency_fit_and_fifteen_do_not()
        {
            Assert.NotNull(LedcTimerPlan.Create(Pwm(Same(14, 1000)), out _));
            Assert.Null(LedcTimerPlan.Create(Pwm(Same(15, 1000)), out string problem));
            Assert.Contains("outputs[15]", problem, StringComparison.Ordinal);
        }

        [Fact]
        public void The_board_table_generator_refuses_a_board_that_would_share_a_timer()
        {
            BoardMap board = Esp32DevkitcBoard.Create();
            board.Outputs = Pwm(new[] { 100, 200, 300, 400, 500, 600, 700, 800 });

            var error = Assert.Throws<ArgumentException>(() => BoardSourceGenerator.Generate(board, "DeviceFirmware.Boards", "TooManyTimers", "test"));
            Assert.Contains("LEDC timer", error.Message, StringComparison.Ordinal);
        }

        private static int[] Same(int count, int hz)
        {
            var all = new int[count];
            Array.Fill(all, hz);
            return all;
        }

        private static OutputBinding[] Pwm(int[] hz)
        {
            var outputs = new OutputBinding[hz.Length + 1];
            outputs[0] = new OutputBinding { Point = "Relay", Pin = 40, Kind = OutputKind.Digital };
            for (int i = 0; i < hz.Length; i++)
            {
                outputs[i + 1] = new OutputBinding { Point = "P" + i, Pin = 10 + i, Kind = OutputKind.Pwm, PwmFrequencyHz = hz[i] };
            }

            return outputs;
        }
    }
}
