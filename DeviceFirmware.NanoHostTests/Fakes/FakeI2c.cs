using System;
using System.Device.I2c;

namespace DeviceFirmware.NanoHostTests.Fakes
{
    /// <summary>The SHT3x on the fake bus: present or not (NACK), a frame to answer, or a short read.</summary>
    public sealed class FakeI2c
    {
        /// <summary>The chip every fake I2cDevice talks to (tests run one at a time in this assembly).</summary>
        public static FakeI2c Chip { get; set; } = new FakeI2c();

        /// <summary>False: every transfer is NACKed (an unplugged sensor).</summary>
        public bool Present { get; set; } = true;

        /// <summary>Bytes a read returns when fewer than asked (a short read); -1 for a full read.</summary>
        public int ShortReadBytes { get; set; } = -1;

        /// <summary>The six bytes a measurement read returns.</summary>
        public byte[] Frame { get; set; } = new byte[6];

        /// <summary>Writes seen (NACKed ones too).</summary>
        public int Writes { get; private set; }

        internal I2cTransferResult Write(SpanByte buffer)
        {
            Writes++;
            return Present ? new I2cTransferResult(I2cTransferStatus.FullTransfer, (uint)buffer.Length) : new I2cTransferResult(I2cTransferStatus.SlaveAddressNotAcknowledged, 0);
        }

        internal I2cTransferResult Read(SpanByte buffer)
        {
            // As nf-interpreter's ESP32 I2C code: the read buffer is written only when the transfer succeeded.
            if (!Present) return new I2cTransferResult(I2cTransferStatus.SlaveAddressNotAcknowledged, 0);
            int n = ShortReadBytes >= 0 ? Math.Min(ShortReadBytes, buffer.Length) : buffer.Length;
            for (int i = 0; i < n; i++) buffer[i] = Frame[i];
            return new I2cTransferResult(n == buffer.Length ? I2cTransferStatus.FullTransfer : I2cTransferStatus.PartialTransfer, (uint)n);
        }
    }
}
