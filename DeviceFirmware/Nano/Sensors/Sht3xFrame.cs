namespace DeviceFirmware.Nano.Sensors
{
    /// <summary>
    /// The SHT3x measurement answer, decoded: six bytes = temperature (2, big-endian) + CRC, humidity (2) + CRC. Each CRC
    /// is CRC-8 with polynomial 0x31, initial value 0xFF, no reflection (Sensirion's SHT3x datasheet, section 4.12);
    /// T = −45 + 175·raw/65535 °C, RH = 100·raw/65535 %. Pure and allocation-free, so the NFUnitTest project checks it on
    /// the device too.
    /// </summary>
    public static class Sht3xFrame
    {
        /// <summary>Bytes in one measurement answer.</summary>
        public const int Length = 6;

        /// <summary>Sensirion's CRC-8 over <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        public static byte Crc8(byte[] data, int offset, int count)
        {
            int crc = 0xFF;
            for (int i = 0; i < count; i++)
            {
                crc ^= data[offset + i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x31) & 0xFF : (crc << 1) & 0xFF;
                }
            }

            return (byte)crc;
        }

        /// <summary>Decodes an answer; false (values NaN) when it is too short or a CRC does not match.</summary>
        public static bool TryDecode(byte[] data, int offset, int count, out double temperatureCelsius, out double relativeHumidityPercent)
        {
            temperatureCelsius = double.NaN;
            relativeHumidityPercent = double.NaN;
            if (data == null || count < Length || offset < 0 || offset + Length > data.Length) return false;
            if (Crc8(data, offset, 2) != data[offset + 2] || Crc8(data, offset + 3, 2) != data[offset + 5]) return false;
            int rawT = (data[offset] << 8) | data[offset + 1];
            int rawH = (data[offset + 3] << 8) | data[offset + 4];
            temperatureCelsius = -45.0 + (175.0 * rawT / 65535.0);
            relativeHumidityPercent = 100.0 * rawH / 65535.0;
            return true;
        }
    }
}
