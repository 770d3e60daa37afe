using DeviceFirmware.NanoHostTests.Fakes;

// Behavioural double of nanoFramework.System.Device.I2c 1.1.29 (public surface = build/nano-check/stubs/System.Device.I2c,
// checked by FakeSurfaceTests). Transfers go to FakeI2c.Chip; like the ESP32 native code, a failed read leaves the buffer untouched.
namespace System.Device.I2c
{
    public class I2cDevice : IDisposable
    {
        private readonly I2cConnectionSettings settings;

        public I2cDevice(I2cConnectionSettings settings)
        {
            this.settings = settings;
        }

        public I2cConnectionSettings ConnectionSettings => settings;

        public I2cTransferResult Read(SpanByte buffer) => FakeI2c.Chip.Read(buffer);

        public I2cTransferResult Write(SpanByte buffer) => FakeI2c.Chip.Write(buffer);

        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer)
        {
            I2cTransferResult written = Write(writeBuffer);
            return written.Status != I2cTransferStatus.FullTransfer ? written : Read(readBuffer);
        }

        public static I2cDevice Create(I2cConnectionSettings settings) => new I2cDevice(settings);

        public void Dispose()
        {
        }
    }

    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress)
            : this(busId, deviceAddress, I2cBusSpeed.FastMode)
        {
        }

        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed)
        {
            BusId = busId;
            DeviceAddress = deviceAddress;
            BusSpeed = busSpeed;
        }

        public int BusId { get; }

        public int DeviceAddress { get; }

        public I2cBusSpeed BusSpeed { get; }
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

        internal I2cTransferResult(I2cTransferStatus status, uint bytesTransferred)
        {
            _status = status;
            _bytesTransferred = bytesTransferred;
        }

        public uint BytesTransferred => _bytesTransferred;

        public I2cTransferStatus Status => _status;
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
