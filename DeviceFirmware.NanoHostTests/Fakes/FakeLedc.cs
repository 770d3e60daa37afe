using System.Collections.Generic;
using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;

namespace DeviceFirmware.NanoHostTests.Fakes
{
    /// <summary>The ESP32's pin-function map and its 8 LEDC timers, as nf-interpreter's ESP32 PWM code uses them.</summary>
    public static class FakeLedc
    {
        private static readonly Dictionary<int, DeviceFunction> Functions = new Dictionary<int, DeviceFunction>();
        private static readonly int[] Timers = new int[8];
        private static readonly List<PwmChannel> Channels = new List<PwmChannel>();

        /// <summary>Forgets every mapping, timer and channel.</summary>
        public static void Reset()
        {
            Functions.Clear();
            Channels.Clear();
            for (int i = 0; i < Timers.Length; i++) Timers[i] = 0;
        }

        /// <summary>The frequency a channel on <paramref name="pin"/> really runs at (its timer's), or 0.</summary>
        public static int EffectiveFrequency(int pin)
        {
            foreach (PwmChannel channel in Channels)
            {
                if (channel.PinForTests == pin) return Timers[channel.TimerForTests];
            }

            return 0;
        }

        /// <summary>The timer of the channel on <paramref name="pin"/>, or -1.</summary>
        public static int TimerOfPin(int pin)
        {
            foreach (PwmChannel channel in Channels)
            {
                if (channel.PinForTests == pin) return channel.TimerForTests;
            }

            return -1;
        }

        internal static void SetPinFunction(int pin, DeviceFunction function)
        {
            // One function per pin and one pin per function, as the native mapping table keeps them.
            int owner = GetFunctionPin(function);
            if (owner >= 0) Functions.Remove(owner);
            Functions[pin] = function;
        }

        internal static int GetFunctionPin(DeviceFunction function)
        {
            foreach (KeyValuePair<int, DeviceFunction> entry in Functions)
            {
                if (entry.Value == function) return entry.Key;
            }

            return -1;
        }

        internal static bool TimerServesPin(int timer, int pin)
        {
            for (int pwm = 2 * timer; pwm < (2 * timer) + 2; pwm++)
            {
                if (GetFunctionPin(DeviceFunction.PWM1 + (pwm * 0x100)) == pin) return true;
            }

            return false;
        }

        internal static int TimerFrequency(int timer) => Timers[timer];

        internal static void SetTimerFrequency(int timer, int frequency) => Timers[timer] = frequency;

        internal static void Opened(PwmChannel channel) => Channels.Add(channel);
    }
}
