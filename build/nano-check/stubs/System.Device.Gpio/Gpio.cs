// Stand-in: package nanoFramework.System.Device.Gpio 1.1.62 (assembly System.Device.Gpio), signatures only.
// Read at tag v1.1.62 of github.com/nanoframework/System.Device.Gpio (commit cd99158280e0f5c24102981c26baf69facda4d17):
//   System.Device.Gpio/GpioController.cs (OpenPin returns GpioPin; ClosePin, Dispose, GetPinMode, IsPinOpen, Read,
//   SetPinMode, Write), GpioPin.cs (the type, sealed, internal constructor; no member used), PinMode.cs and PinValue.cs
//   (whole types). build/nano-check/provenance.tsv lists the whole package set.
namespace System.Device.Gpio
{
    public sealed class GpioController : IDisposable
    {
        public GpioController() => throw null;

        public GpioPin OpenPin(int pinNumber) => throw null;

        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw null;

        public void ClosePin(int pinNumber) => throw null;

        public void Dispose() => throw null;

        public PinMode GetPinMode(int pinNumber) => throw null;

        public bool IsPinOpen(int pinNumber) => throw null;

        public PinValue Read(int pinNumber) => throw null;

        public void SetPinMode(int pinNumber, PinMode mode) => throw null;

        public void Write(int pinNumber, PinValue value) => throw null;
    }

    public sealed class GpioPin : IDisposable
    {
        internal GpioPin(int pinNumber) => throw null;

        public void Dispose() => throw null;
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
