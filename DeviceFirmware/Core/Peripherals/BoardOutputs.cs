using System;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Dispatch;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Core.Peripherals
{
    /// <summary>
    /// Drives the board's output pins from the writable data points: digital outputs are on when the raw value
    /// is not 0, PWM outputs take duty (raw − min) / (max − min); active-low inverts the level (and the duty).
    /// Point names are resolved to ids once, at construction, so that <see cref="Apply"/> allocates nothing.
    /// The dispatcher calls <see cref="Apply"/> only for writes it accepted, so refused input never moves a pin.
    /// </summary>
    public sealed class BoardOutputs : IOutputs
    {
        private readonly IPinDriver pins;
        private readonly OutputBinding[] bindings;
        private readonly DataPoint[] points;

        /// <summary>
        /// Binds <paramref name="bindings"/> (null = none) to <paramref name="product"/>'s points. Start-up only:
        /// throws <see cref="ArgumentException"/> with <see cref="BoardCheck.CheckOutputs"/>'s message for an
        /// unknown or read-only point, PWM on a non-number, a bad pin or an impossible safe value.
        /// </summary>
        public BoardOutputs(Product product, OutputBinding[] bindings, IPinDriver pins)
        {
            string error = BoardCheck.CheckOutputs(product, bindings);
            if (error != null) throw new ArgumentException(error);
            this.pins = pins;
            this.bindings = bindings ?? new OutputBinding[0];
            points = new DataPoint[this.bindings.Length];
            for (int i = 0; i < points.Length; i++)
            {
                points[i] = product.Find(this.bindings[i].Point);
            }
        }

        /// <summary>Number of bound outputs.</summary>
        public int Count => bindings.Length;

        /// <summary>Bytes of the tables allocated at construction (one reference per output; object headers not counted).</summary>
        public int BufferBytes => points.Length * 4; // a reference is 4 bytes on the ESP32, the budget that matters

        /// <summary>The electrical level of a digital output for raw value <paramref name="raw"/>: high when not 0, inverted when active-low.</summary>
        public static bool LevelOf(OutputBinding binding, long raw) => (raw != 0) != binding.ActiveLow;

        /// <summary>The duty cycle of a PWM output for raw value <paramref name="raw"/>: (raw − min) / (max − min), clamped to 0..1, inverted when active-low.</summary>
        public static double DutyOf(OutputBinding binding, DataPoint point, long raw)
        {
            double span = point.Max - point.Min;
            double duty = span <= 0 ? 0 : (raw - point.Min) / span;
            if (duty < 0) duty = 0;
            if (duty > 1) duty = 1;
            return binding.ActiveLow ? 1 - duty : duty;
        }

        /// <summary>
        /// Before networking starts: writes every output's safe value into <paramref name="state"/> and opens its
        /// pin already at that level, so a relay never clicks on at boot.
        /// </summary>
        public void Open(DataPointValues state)
        {
            for (int i = 0; i < bindings.Length; i++)
            {
                OutputBinding binding = bindings[i];
                state.Set(points[i].Id, binding.SafeValue);
                if (binding.Kind == OutputKind.Pwm) pins.OpenPwm(binding.Pin, binding.PwmFrequencyHz, DutyOf(binding, points[i], binding.SafeValue));
                else pins.OpenOutput(binding.Pin, LevelOf(binding, binding.SafeValue));
            }
        }

        /// <summary>Moves the outputs of the points flagged in <paramref name="changed"/> to their values in <paramref name="state"/>.</summary>
        public void Apply(DataPointValues state, bool[] changed)
        {
            for (int i = 0; i < bindings.Length; i++)
            {
                int id = points[i].Id;
                if (changed[id]) Drive(i, state.Get(id));
            }
        }

        /// <summary>
        /// The session dropped: outputs with <see cref="DisconnectPolicy.Safe"/> go to their safe value and the state
        /// follows; <see cref="DisconnectPolicy.Hold"/> outputs keep their level. True if any state value changed.
        /// </summary>
        public bool OnDisconnect(DataPointValues state) => ToSafe(state, false);

        /// <summary>
        /// Every output to its safe value whatever its policy (the device stops), each pin written even when the state
        /// already says safe: after a failed pin write (the loop stops the core because of it) the pin may not match the
        /// state. True if any state value changed.
        /// </summary>
        public bool AllToSafe(DataPointValues state) => ToSafe(state, true);

        private bool ToSafe(DataPointValues state, bool all)
        {
            bool changed = false;
            for (int i = 0; i < bindings.Length; i++)
            {
                OutputBinding binding = bindings[i];
                if (!all && binding.OnDisconnect != DisconnectPolicy.Safe) continue;
                int id = points[i].Id;
                if (state.Get(id) == binding.SafeValue)
                {
                    if (all) Drive(i, binding.SafeValue);
                    continue;
                }

                state.Set(id, binding.SafeValue);
                Drive(i, binding.SafeValue);
                changed = true;
            }

            return changed;
        }

        private void Drive(int index, long raw)
        {
            OutputBinding binding = bindings[index];
            if (binding.Kind == OutputKind.Pwm) pins.WritePwm(binding.Pin, DutyOf(binding, points[index], raw));
            else pins.Write(binding.Pin, LevelOf(binding, raw));
        }
    }
}
