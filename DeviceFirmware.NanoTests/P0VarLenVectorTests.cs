using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Protocol.Products;
using nanoFramework.TestFramework;

namespace DeviceFirmware.NanoTests
{
    /// <summary>
    /// The var_len ESP32 demo product (Esp32DemoVarLenProduct, generated from hardware/products/esp32-demo-var-len.json)
    /// on the device: the hand-worked 0x14 report of DeviceFirmware.Tests' Esp32DemoVarLenGoldenTests decodes to the
    /// same values and re-encodes byte for byte; a read-only point in a 0x11 and a fixed-layout action are refused.
    /// </summary>
    [TestClass]
    public class P0VarLenVectorTests
    {
        // 14 | flags 03 ff | packed 2d | LED_R/G/B 10 20 30 | Motor_Speed 07 | Text "Hello" + 95 zero bytes.
        private const string ReportHead = "1403ff2d1020300748656c6c6f";

        private static string Report()
        {
            string hex = ReportHead;
            for (int i = 0; i < 95; i++) hex += "00";
            return hex;
        }

        [TestMethod]
        public void TheReportDecodesAndReencodesByteForByte()
        {
            Product demo = Esp32DemoVarLenProduct.Create();
            Assert.IsTrue(demo.IsVariableLength, "var_len");
            byte[] body = Hex.Parse(Report());
            P0Message message = new P0Message(demo);
            Assert.IsTrue(message.Decode(body, 0, body.Length) == P0Error.None, "decodes");
            Assert.IsTrue(message.FlaggedCount == 10, "every point flagged");
            Assert.IsTrue(message.Values.Get(1) == 2, "LED_Color Purple");
            Assert.IsTrue(message.Values.Get(5) == 7, "Motor_Speed raw 7");
            Assert.IsTrue(message.Values.Get(8) == 1, "Fault_LED on");
            byte[] output = new byte[demo.MaxMessageSize];
            Assert.IsTrue(P0Writer.WriteVariable(P0Action.VariableReport, message.Values, message.Flagged, output, 0, out int length) == P0Error.None, "encodes");
            Assert.IsTrue(Hex.Format(output, 0, length) == Report(), "same bytes");
        }

        [TestMethod]
        public void ReadOnlyWritesAndFixedLayoutActionsAreRefused()
        {
            P0Message message = new P0Message(Esp32DemoVarLenProduct.Create());
            byte[] infrared = Hex.Parse("11004001");
            Assert.IsTrue(message.Decode(infrared, 0, infrared.Length) == P0Error.NotWritable, "Infrared is read-only");
            Assert.IsTrue(message.ErrorPointId == 6, "names Infrared (id 6)");
            byte[] report = Hex.Parse("0400");
            Assert.IsTrue(message.Decode(report, 0, report.Length) == P0Error.WrongProtocolType, "0x04 is not var_len");
        }
    }
}
