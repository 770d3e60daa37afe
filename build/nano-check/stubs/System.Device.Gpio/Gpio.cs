// Stand-in: package nanoFramework.System.Device.Gpio 1.1.57 (assembly System.Device.Gpio), signatures only.
// Copied from github.com/nanoframework/System.Device.Gpio:
//   System.Device.Gpio/GpioController.cs @ 481b165da8c430c86c2787c2e7017042454c682c (the members used below),
//   System.Device.Gpio/PinMode.cs and PinValue.cs @ 5a27dd88672fc3885f218217169eec48e3169ef2 (whole types).
namespace System.Device.Gpio
{
    public sealed class GpioController : IDisposable
    {
        public GpioController() { }

        public void OpenPin(int pinNumber, PinMode mode) => throw null;

        public void ClosePin(int pinNumber) => throw null;

        public void Dispose() => throw null;

        public PinMode GetPinMode(int pinNumber) => throw null;

        public bool IsPinOpen(int pinNumber) => throw null;

        public PinValue Read(int pinNumber) => throw null;

        public void SetPinMode(int pinNumber, PinMode mode) => throw null;

        public void Write(int pinNumber, PinValue value) => throw null;
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

        public static PinValue High => throw null;

        public static PinValue Low => throw null;

        public static implicit operator PinValue(int value) => throw null;

        public static implicit operator PinValue(bool value) => throw null;

        public static explicit operator byte(PinValue value) => throw null;

        public static explicit operator int(PinValue value) => throw null;

        public static explicit operator bool(PinValue value) => throw null;

        public bool Equals(PinValue other) => throw null;

        public override bool Equals(object obj) => throw null;

        public static bool operator ==(PinValue a, PinValue b) => throw null;

        public static bool operator !=(PinValue a, PinValue b) => throw null;

        public override int GetHashCode() => throw null;

        public override string ToString() => throw null;
    }
}
