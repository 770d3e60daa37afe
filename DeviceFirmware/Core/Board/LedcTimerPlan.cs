namespace DeviceFirmware.Core.Board
{
    /// <summary>
    /// Which ESP32 LEDC timer and nanoFramework PWM function each PWM output of a board gets, so that outputs at
    /// different frequencies never share a timer. On the ESP32, nanoFramework's PWM functions PWM(2t+1) and PWM(2t+2)
    /// belong to LEDC timer t (System.Device.Pwm's <c>CreateFromPin</c> asks the native <c>GetChannel(pin, t)</c> for
    /// t = 0..7, which checks exactly those two functions), and opening a channel sets its whole timer's frequency: two
    /// outputs on one timer run at the frequency of the one opened last. So outputs are grouped by frequency, two per
    /// timer. Timer 4 is never used: in nf-interpreter's ESP32 PWM code its frequency is written to high-speed timer 0
    /// (<c>timerId &lt;= 4</c>) while its channel runs on low-speed timer 0 (<c>timer &gt; 3</c>), so it would re-time
    /// timer 0. That leaves 7 timers, at most 14 PWM outputs and 7 distinct frequencies. Start-up only (allocates).
    /// </summary>
    public sealed class LedcTimerPlan
    {
        /// <summary>LEDC timers nanoFramework numbers on the ESP32 (0..3 high speed, 4..7 low speed).</summary>
        public const int TimerCount = 8;

        /// <summary>The timer left out (see the class remarks).</summary>
        public const int SkippedTimer = 4;

        /// <summary>PWM functions per timer.</summary>
        public const int OutputsPerTimer = 2;

        private readonly int[] pins;
        private readonly int[] timers;
        private readonly int[] functions;

        private LedcTimerPlan(int count)
        {
            pins = new int[count];
            timers = new int[count];
            functions = new int[count];
        }

        /// <summary>PWM outputs in the plan.</summary>
        public int Count => pins.Length;

        /// <summary>
        /// Plans <paramref name="outputs"/> (digital ones are ignored) in board order: an output joins a timer already
        /// running at its frequency when that timer has a free function, else takes the next free timer. Null, with
        /// <paramref name="problem"/> naming the output, when more timers would be needed than the ESP32 has.
        /// </summary>
        public static LedcTimerPlan Create(OutputBinding[] outputs, out string problem)
        {
            problem = null;
            int count = 0;
            if (outputs != null)
            {
                for (int i = 0; i < outputs.Length; i++)
                {
                    if (outputs[i] != null && outputs[i].Kind == OutputKind.Pwm) count++;
                }
            }

            LedcTimerPlan plan = new LedcTimerPlan(count);
            int[] timerFrequency = new int[TimerCount];
            int[] timerUsers = new int[TimerCount];
            int n = 0;
            for (int i = 0; count > 0 && i < outputs.Length; i++)
            {
                OutputBinding output = outputs[i];
                if (output == null || output.Kind != OutputKind.Pwm) continue;
                int timer = FindTimer(timerFrequency, timerUsers, output.PwmFrequencyHz);
                if (timer < 0)
                {
                    problem = "outputs[" + i + "] (" + output.Point + ", " + output.PwmFrequencyHz + " Hz): the ESP32 has no LEDC timer left; "
                        + "outputs at different frequencies cannot share one, and " + (TimerCount - 1) + " timers of " + OutputsPerTimer + " outputs each are all taken";
                    return null;
                }

                timerFrequency[timer] = output.PwmFrequencyHz;
                plan.pins[n] = output.Pin;
                plan.timers[n] = timer;
                plan.functions[n] = (OutputsPerTimer * timer) + 1 + timerUsers[timer];
                timerUsers[timer]++;
                n++;
            }

            return plan;
        }

        /// <summary>The LEDC timer of the PWM output on <paramref name="pin"/>, or -1 when the plan has none.</summary>
        public int TimerOf(int pin)
        {
            int i = IndexOf(pin);
            return i < 0 ? -1 : timers[i];
        }

        /// <summary>The nanoFramework PWM function number (1 for PWM1 … 16 for PWM16) of <paramref name="pin"/>, or 0 when the plan has none.</summary>
        public int FunctionOf(int pin)
        {
            int i = IndexOf(pin);
            return i < 0 ? 0 : functions[i];
        }

        private int IndexOf(int pin)
        {
            for (int i = 0; i < pins.Length; i++)
            {
                if (pins[i] == pin) return i;
            }

            return -1;
        }

        private static int FindTimer(int[] timerFrequency, int[] timerUsers, int frequencyHz)
        {
            for (int t = 0; t < TimerCount; t++)
            {
                if (t != SkippedTimer && timerUsers[t] > 0 && timerUsers[t] < OutputsPerTimer && timerFrequency[t] == frequencyHz) return t;
            }

            for (int t = 0; t < TimerCount; t++)
            {
                if (t != SkippedTimer && timerUsers[t] == 0) return t;
            }

            return -1;
        }
    }
}
