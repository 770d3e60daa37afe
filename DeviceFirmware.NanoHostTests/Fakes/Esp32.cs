using DeviceFirmware.NanoHostTests.Fakes;

// Behavioural double of nanoFramework.Hardware.Esp32 1.6.40 (public surface = build/nano-check/stubs/nanoFramework.Hardware.Esp32,
// checked by FakeSurfaceTests): the pin-function map lives in FakeLedc.
namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) => FakeLedc.SetPinFunction(pin, value);

        public static int GetFunctionPin(DeviceFunction function) => FakeLedc.GetFunctionPin(function);
    }

    public enum DeviceFunction
    {
        I2C1_DATA = 0x20000 + 0x100 + 0,
        I2C1_CLOCK = 0x20000 + 0x100 + 1,
        PWM1 = 0x40000 + (1 * 0x100),
        PWM2 = 0x40000 + (2 * 0x100),
        PWM3 = 0x40000 + (3 * 0x100),
        PWM4 = 0x40000 + (4 * 0x100),
        PWM5 = 0x40000 + (5 * 0x100),
        PWM6 = 0x40000 + (6 * 0x100),
        PWM7 = 0x40000 + (7 * 0x100),
        PWM8 = 0x40000 + (8 * 0x100),
        PWM9 = 0x40000 + (9 * 0x100),
        PWM10 = 0x40000 + (10 * 0x100),
        PWM11 = 0x40000 + (11 * 0x100),
        PWM12 = 0x40000 + (12 * 0x100),
        PWM13 = 0x40000 + (13 * 0x100),
        PWM14 = 0x40000 + (14 * 0x100),
        PWM15 = 0x40000 + (15 * 0x100),
        PWM16 = 0x40000 + (16 * 0x100),
    }
}
