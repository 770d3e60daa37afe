using DeviceFirmware.NanoTests.Vectors;
using DeviceFirmware.Protocol.P0;
using nanoFramework.TestFramework;

namespace DeviceFirmware.NanoTests
{
    /// <summary>
    /// The P0 business data of the golden frames, read with the vectors product (VectorsLampProduct, generated from
    /// vectors-product.json): the device's decode must word exactly what the .NET build's did (GoldenVectors.P0),
    /// and a full status must re-encode to the same bytes.
    /// </summary>
    [TestClass]
    public class P0VectorTests
    {
        [TestMethod]
        public void EveryBusinessBodyDecodesAsOnDotNet()
        {
            Product lamp = VectorsLampProduct.Create();
            int checkedBodies = 0;
            for (int i = 0; i < GoldenVectors.Names.Length; i++)
            {
                if (GoldenVectors.P0[i].Length == 0) continue;
                byte[] body = Hex.Parse(GoldenVectors.BodyHex[i]);
                Assert.IsTrue(Describe(lamp, body) == GoldenVectors.P0[i], GoldenVectors.Names[i] + ": " + GoldenVectors.P0[i]);
                checkedBodies++;
            }

            Assert.IsTrue(checkedBodies >= 5, "at least five business bodies checked");
        }

        [TestMethod]
        public void StatusReportsReencodeByteForByte()
        {
            Product lamp = VectorsLampProduct.Create();
            P0Message message = new P0Message(lamp);
            byte[] output = new byte[lamp.MaxMessageSize];
            int reports = 0;
            for (int i = 0; i < GoldenVectors.Names.Length; i++)
            {
                if (!GoldenVectors.P0[i].StartsWith("action 4 ")) continue;
                byte[] body = Hex.Parse(GoldenVectors.BodyHex[i]);
                Assert.IsTrue(message.Decode(body, 0, body.Length) == P0Error.None, GoldenVectors.Names[i] + ": decodes");
                Assert.IsTrue(P0Writer.WriteStatus(message.Values, P0Action.Report, output, 0, out int length) == P0Error.None, GoldenVectors.Names[i] + ": encodes");
                Assert.IsTrue(Hex.Format(output, 0, length) == GoldenVectors.BodyHex[i], GoldenVectors.Names[i] + ": same bytes");
                reports++;
            }

            Assert.IsTrue(reports == 2, "docs-report and enterprise-report");
        }

        /// <summary>The words VectorTableGenerator.DescribeP0 uses on .NET, built without StringBuilder.</summary>
        public static string Describe(Product product, byte[] body)
        {
            P0Message message = new P0Message(product);
            P0Error error = message.Decode(body, 0, body.Length);
            if (error != P0Error.None) return "error " + ((int)error).ToString() + " at " + message.ErrorPointId.ToString();
            string ids = string.Empty;
            string values = string.Empty;
            for (int i = 0; i < message.Flagged.Length; i++)
            {
                if (!message.Flagged[i]) continue;
                if (ids.Length > 0)
                {
                    ids += ",";
                    values += ",";
                }

                ids += i.ToString();
                values += message.Values.Get(i).ToString();
            }

            return "action " + message.Action.ToString() + " flagged " + ids + " values " + values;
        }
    }
}
