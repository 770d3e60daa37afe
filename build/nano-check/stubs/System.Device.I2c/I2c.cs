// Stand-in: package nanoFramework.System.Device.I2c 1.1.16 (assembly System.Device.I2c), signatures only.
// Copied from github.com/nanoframework/System.Device.I2c:
//   System.Device.I2c/I2cDevice.cs @ ddf1b47c0e6d15fef8a20aa4d78b227a9a065f1f (Create, Read, Write, Dispose),
//   System.Device.I2c/I2cConnectionSettings.cs @ 55251279de1b904e3141e7de2d1a236b36fe7bb8 (the two-argument constructor).
// Note: later releases return I2cTransferResult from Read/Write; the firmware ignores the return value and
// catches exceptions, so its call sites compile against either shape.
namespace System.Device.I2c
{
    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) { }

        public void Read(SpanByte buffer) => throw null;

        public void Write(SpanByte buffer) => throw null;

        public static I2cDevice Create(I2cConnectionSettings settings) => throw null;

        public void Dispose() => throw null;
    }

    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress) { }

        public int BusId { get => throw null; }

        public int DeviceAddress { get => throw null; }
    }
}
