using DeviceFirmware.Nano.Sensors;
using nanoFramework.TestFramework;

namespace DeviceFirmware.NanoTests
{
    /// <summary>The ESP32 build's own SHT3x decoding (DeviceFirmware/Nano/Sensors/Sht3xFrame.cs, linked in).</summary>
    [TestClass]
    public class Sht3xFrameTests
    {
        [TestMethod]
        public void CrcMatchesTheDatasheetExample()
        {
            // Sensirion SHT3x datasheet, CRC properties: CRC(0xBEEF) = 0x92.
            Assert.IsTrue(Sht3xFrame.Crc8(new byte[] { 0xBE, 0xEF }, 0, 2) == 0x92, "CRC(BEEF) = 92");
        }

        [TestMethod]
        public void AnswerDecodesToCelsiusAndPercent()
        {
            // raw T 0x6666 = 26214 -> -45 + 175 * 26214 / 65535 = 25.0 C; raw RH 0x8000 -> 50.0 %.
            byte[] answer = { 0x66, 0x66, Sht3xFrame.Crc8(new byte[] { 0x66, 0x66 }, 0, 2), 0x80, 0x00, Sht3xFrame.Crc8(new byte[] { 0x80, 0x00 }, 0, 2) };
            Assert.IsTrue(Sht3xFrame.TryDecode(answer, 0, answer.Length, out double t, out double rh), "decodes");
            Assert.IsTrue(t > 24.99 && t < 25.01, "25 C");
            Assert.IsTrue(rh > 50.0 && rh < 50.01, "50 %");
        }

        [TestMethod]
        public void ABadCrcIsNoReading()
        {
            byte[] answer = { 0x66, 0x66, 0x00, 0x80, 0x00, 0x00 };
            Assert.IsTrue(!Sht3xFrame.TryDecode(answer, 0, answer.Length, out double t, out double rh), "refused");
            Assert.IsTrue(double.IsNaN(t) && double.IsNaN(rh), "NaN values");
        }
    }
}
