using System;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Core.Peripherals
{
    /// <summary>
    /// Feeds the read-only bool data points from debounced input pins. The device core calls <see cref="Poll"/>
    /// every <see cref="BoardMap.InputPollMs"/> and broadcasts the status at once when it returns true.
    /// </summary>
    public sealed class BoardInputs
    {
        private readonly IPinDriver pins;
        private readonly InputBinding[] bindings;
        private readonly int[] ids;
        private readonly DebouncedInput[] debouncers;

        /// <summary>
        /// Binds <paramref name="bindings"/> (null = none) to <paramref name="product"/>'s points. Start-up only:
        /// throws <see cref="ArgumentException"/> with <see cref="BoardCheck.CheckInputs"/>'s message.
        /// </summary>
        public BoardInputs(Product product, InputBinding[] bindings, IPinDriver pins)
        {
            string error = BoardCheck.CheckInputs(product, bindings);
            if (error != null) throw new ArgumentException(error);
            this.pins = pins;
            this.bindings = bindings ?? new InputBinding[0];
            ids = new int[this.bindings.Length];
            debouncers = new DebouncedInput[this.bindings.Length];
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = product.Find(this.bindings[i].Point).Id;
                debouncers[i] = new DebouncedInput(this.bindings[i].DebounceMs, this.bindings[i].ActiveLow);
            }
        }

        /// <summary>Number of bound inputs.</summary>
        public int Count => bindings.Length;

        /// <summary>Bytes of the tables allocated at construction.</summary>
        public int BufferBytes => (ids.Length * 4) + (debouncers.Length * 4); // 4-byte references on the ESP32

        /// <summary>Opens every input pin and takes its present level as the point's value (no debounce wait at start-up).</summary>
        public void Open(DataPointValues state, long nowMs)
        {
            for (int i = 0; i < bindings.Length; i++)
            {
                pins.OpenInput(bindings[i].Pin, bindings[i].PullUp);
                debouncers[i].Reset(pins.Read(bindings[i].Pin), nowMs);
                state.Set(ids[i], debouncers[i].IsActive ? 1 : 0);
            }
        }

        /// <summary>Samples every input once and writes changed points into <paramref name="state"/>; true if any changed.</summary>
        public bool Poll(DataPointValues state, long nowMs)
        {
            bool changed = false;
            for (int i = 0; i < bindings.Length; i++)
            {
                if (!debouncers[i].Sample(pins.Read(bindings[i].Pin), nowMs)) continue;
                state.Set(ids[i], debouncers[i].IsActive ? 1 : 0);
                changed = true;
            }

            return changed;
        }
    }
}
