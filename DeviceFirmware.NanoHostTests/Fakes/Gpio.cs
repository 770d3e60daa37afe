using System.Collections.Generic;

// Behavioural double of nanoFramework.System.Device.Gpio 1.1.62 (public surface = build/nano-check/stubs/System.Device.Gpio,
// checked by FakeSurfaceTests): pins in a dictionary per controller.
namespace System.Device.Gpio
{
    public sealed class GpioController : IDisposable
    {
        private readonly Dictionary<int, PinMode> modes = new Dictionary<int, PinMode>();
        private readonly Dictionary<int, PinValue> values = new Dictionary<int, PinValue>();

        public GpioController()
        {
        }

        public GpioPin OpenPin(int pinNumber)
        {
            if (modes.ContainsKey(pinNumber)) throw new InvalidOperationException();
            modes[pinNumber] = PinMode.Input;
            return new GpioPin(pinNumber);
        }

        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            GpioPin pin = OpenPin(pinNumber);
            modes[pinNumber] = mode;
            return pin;
        }

        public void ClosePin(int pinNumber) => modes.Remove(pinNumber);

        public void Dispose() => modes.Clear();

        public PinMode GetPinMode(int pinNumber) => modes.TryGetValue(pinNumber, out PinMode mode) ? mode : throw new InvalidOperationException();

        public bool IsPinOpen(int pinNumber) => modes.ContainsKey(pinNumber);

        public PinValue Read(int pinNumber) => values.TryGetValue(pinNumber, out PinValue value) ? value : PinValue.Low;

        public void SetPinMode(int pinNumber, PinMode mode) => modes[pinNumber] = mode;

        public void Write(int pinNumber, PinValue value) => values[pinNumber] = value;
    }

    public sealed class GpioPin : IDisposable
    {
        internal GpioPin(int pinNumber)
        {
            PinNumberForTests = pinNumber;
        }

        internal int PinNumberForTests { get; }

        public void Dispose()
        {
        }
    }

    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown
    }

    public readonly struct PinValue
    {
        private readonly byte _value;

        private PinValue(byte value) => _value = value;

        public static PinValue High => new PinValue(1);

        public static PinValue Low => new PinValue(0);

        public static implicit operator PinValue(int value) => value == 0 ? Low : High;

        public static implicit operator PinValue(bool value) => value ? High : Low;

        public static explicit operator byte(PinValue value) => value._value;

        public static explicit operator int(PinValue value) => value._value;

        public static explicit operator bool(PinValue value) => value._value != 0;

        public bool Equals(PinValue other) => other._value == _value;

        public override bool Equals(object obj) => obj is PinValue other && Equals(other);

        public static bool operator ==(PinValue a, PinValue b) => a.Equals(b);

        public static bool operator !=(PinValue a, PinValue b) => !a.Equals(b);

        public override int GetHashCode() => _value.GetHashCode();

        public override string ToString() => _value == 0 ? "Low" : "High";
    }
}
