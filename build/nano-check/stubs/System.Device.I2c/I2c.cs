// Stand-in: package nanoFramework.System.Device.I2c 1.1.29 (assembly System.Device.I2c), signatures only.
// Read at tag v1.1.29 of github.com/nanoframework/System.Device.I2c (commit ac5858c8be7d7b917854328ebc023c8bf66dbfee):
//   System.Device.I2c/I2cDevice.cs (Create, the constructor, Read/Write/WriteRead returning I2cTransferResult, Dispose),
//   I2cConnectionSettings.cs (both public constructors, BusId, DeviceAddress, BusSpeed), I2cBusSpeed.cs,
//   I2cTransferResult.cs (a struct: BytesTransferred, Status), I2cTransferStatus.cs (whole enum, in source order).
// Read and Write report a NACK or a short transfer in the result; they do not throw for it.
namespace System.Device.I2c
{
    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) => throw null;

        public I2cConnectionSettings ConnectionSettings { get => throw null; }

        public I2cTransferResult Read(SpanByte buffer) => throw null;

        public I2cTransferResult Write(SpanByte buffer) => throw null;

        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer) => throw null;

        public static I2cDevice Create(I2cConnectionSettings settings) => throw null;

        public void Dispose() => throw null;
    }

    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress) => throw null;

        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed) => throw null;

        public int BusId { get => throw null; }

        public int DeviceAddress { get => throw null; }

        public I2cBusSpeed BusSpeed { get => throw null; }
    }

    public enum I2cBusSpeed
    {
        StandardMode,
        FastMode,
        FastModePlus,
    }

    public struct I2cTransferResult
    {
        private readonly uint _bytesTransferred;
        private readonly I2cTransferStatus _status;

        public uint BytesTransferred { get => throw null; }

        public I2cTransferStatus Status { get => throw null; }
    }

    public enum I2cTransferStatus
    {
        UnknownError,
        FullTransfer,
        ClockStretchTimeout,
        PartialTransfer,
        SlaveAddressNotAcknowledged,
    }
}
