// Stand-in: package nanoFramework.Hardware.Esp32 1.6.42 (assembly nanoFramework.Hardware.Esp32), signatures only.
// Copied from github.com/nanoframework/nanoFramework.Hardware.Esp32:
//   nanoFramework.Hardware.Esp32/Configuration.cs @ 2fcc3520f586c75ff6001c1bf91425df1b8dd053 (SetPinFunction),
//   nanoFramework.Hardware.Esp32/DeviceTypePins.cs @ 5ef719ad2eb0732bf94d08c09fa86e7aad725a61 (DeviceFunction: the
//   members used, with their values written out: I2C = 2 * 0x10000, PWM = 4 * 0x10000, DeviceIndex = 0x100).
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
    }
}
