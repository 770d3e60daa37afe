// Stand-in: package nanoFramework.Hardware.Esp32 1.6.40 (assembly nanoFramework.Hardware.Esp32), signatures only.
// Read at tag v1.6.40 of github.com/nanoframework/nanoFramework.Hardware.Esp32 (commit 182a6e5badc433a686e3ee73c6a29af0817ec84d):
//   nanoFramework.Hardware.Esp32/Configuration.cs (SetPinFunction, GetFunctionPin),
//   nanoFramework.Hardware.Esp32/DeviceTypePins.cs (enum DeviceFunction, int-based: the members used, values written out
//   from DeviceTypes.I2C = 2 * 0x10000, DeviceTypes.PWM = 4 * 0x10000, ValueTypes.DeviceIndex = 0x100; PWM1..PWM16).
namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) => throw null;

        public static int GetFunctionPin(DeviceFunction function) => throw null;
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
