using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;
using DeviceFirmware.Tests.Protocol.P0.Support;
using Xunit;

namespace DeviceFirmware.Tests.Protocol.P0.Codec
{
    /// <summary>
    /// The P0 business data of the public vectors (Vectors/frames.tsv), read with Vectors/vectors-product.json:
    ///   writable section 4 bytes — byte 0 bit area (Power, id 0, bit 0), Level uint8 (id 2) byte 1, Color_Temp uint16 (id 1) bytes 2..3;
    ///   read-only: Occupied bool byte 4, Lux uint8 byte 5; alert: Alarm_Overheat bool byte 6 → full status 7 bytes;
    ///   W = 3 → attr_flags 1 byte.
    /// Every frame is decoded with FrameReader first, then P0Message on BodyOffset/BodyLength, then re-encoded.
    /// </summary>
    public class PublicVectorP0Tests
    {
        private sealed record Row(string Name, string FrameHex, string Command, string Sn, string BodyHex);

        private static Row Get(string name)
        {
            string path = Path.Combine(P0TestData.RepoRoot, "DeviceFirmware.Tests", "Vectors", "frames.tsv");
            var rows = new List<Row>();
            foreach (string line in File.ReadAllLines(path))
            {
                if (line.Length == 0 || line.StartsWith('#')) continue;
                string[] c = line.Split('\t');
                rows.Add(new Row(c[0], c[2], c[3], c[5], c[6]));
            }

            return rows.Single(r => r.Name == name);
        }

        /// <summary>Decodes the row's frame and returns the P0 decode of its business data (asserting the frame and body columns).</summary>
        private static (FrameReader Frame, P0Message P0, P0Error Error) DecodeRow(Row row, Product product)
        {
            byte[] frame = P0TestData.Hex(row.FrameHex);
            var reader = new FrameReader();
            Assert.Equal(FrameError.None, reader.Decode(frame, 0, frame.Length));
            Assert.Equal(Convert.ToUInt16(row.Command, 16), reader.Command);
            Assert.Equal(row.BodyHex, P0TestData.ToHex(frame, reader.BodyOffset, reader.BodyLength));
            var message = new P0Message(product);
            P0Error error = message.Decode(frame, reader.BodyOffset, reader.BodyLength);
            return (reader, message, error);
        }

        private static string ReEncodeFrame(ushort command, byte[] body, int length)
        {
            byte[] frame = new byte[64];
            Assert.Equal(FrameError.None, FrameWriter.WriteBusiness(frame, 0, command, body, 0, length, out int n));
            return P0TestData.ToHex(frame, 0, n);
        }

        [Fact]
        public void Vectors_product_has_the_layout_the_vectors_need()
        {
            Product p = P0TestData.VectorsProduct();
            Assert.Equal(4, p.WritableSectionSize);
            Assert.Equal(3, p.WritableCount);
            Assert.Equal(1, p.AttrFlagsSize);
            Assert.Equal(7, p.FullStatusSize);
        }

        [Theory]
        // docs-report: 04 | 00 00 00 10 | 00 00 00 → Power 0, Level 0, Color_Temp 0x0010 = 16, Occupied 0, Lux 0, Alarm 0
        [InlineData("docs-report", 0)]
        // enterprise-report: 04 | 01 00 00 10 | 00 00 00 → the same but Power = 1 (bit 0 of byte 0)
        [InlineData("enterprise-report", 1)]
        public void Reports_decode_as_full_status(string name, long power)
        {
            Product p = P0TestData.VectorsProduct();
            Row row = Get(name);
            (FrameReader frame, P0Message m, P0Error error) = DecodeRow(row, p);
            Assert.Equal(GizwitsCommand.BusinessReply, frame.Command);
            Assert.Equal(P0Error.None, error);
            Assert.Equal(P0Action.Report, m.Action);
            Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, P0TestData.FlaggedIds(m.Flagged));
            Assert.Equal(power, m.Values.Get(0));
            Assert.Equal(16, m.Values.Get(1));
            Assert.Equal(2860.0, m.Values.GetShown(1), 9); // 10·16 + 2700
            Assert.Equal(0, m.Values.Get(2));
            Assert.Equal(0, m.Values.Get(3));
            Assert.Equal(0, m.Values.Get(4));
            Assert.Equal(0, m.Values.Get(5));

            byte[] body = new byte[p.MaxMessageSize];
            Assert.Equal(P0Error.None, P0Writer.WriteStatus(m.Values, P0Action.Report, body, 0, out int n));
            Assert.Equal(row.BodyHex, P0TestData.ToHex(body, 0, n));
            Assert.Equal(row.FrameHex, ReEncodeFrame(GizwitsCommand.BusinessReply, body, n));
        }

        [Fact]
        public void Docs_write_sets_color_temp_only()
        {
            // 01 | attr_flags 02 = bit 1 → id 1 (Color_Temp) | attr_vals 00 00 00 10:
            //   Power 0 (unflagged), Level 0 (unflagged), Color_Temp = 0x0010 = 16 (flagged, within 0..380).
            Product p = P0TestData.VectorsProduct();
            Row row = Get("docs-write");
            (FrameReader frame, P0Message m, P0Error error) = DecodeRow(row, p);
            Assert.Equal(GizwitsCommand.Business, frame.Command);
            Assert.Equal(P0Error.None, error);
            Assert.Equal(P0Action.Write, m.Action);
            Assert.Equal(new[] { 1 }, P0TestData.FlaggedIds(m.Flagged));
            Assert.Equal(16, m.Values.Get(1));

            var live = new DataPointValues(p);
            live.Set(0, 1);
            live.Set(2, 50);
            live.CopyFlagged(m.Values, m.Flagged);
            Assert.Equal(new long[] { 1, 16, 50 }, new[] { live.Get(0), live.Get(1), live.Get(2) });

            byte[] body = new byte[p.MaxMessageSize];
            Assert.Equal(P0Error.None, P0Writer.WriteWrite(m.Values, m.Flagged, body, 0, out int n));
            Assert.Equal(row.BodyHex, P0TestData.ToHex(body, 0, n));
            Assert.Equal(row.FrameHex, ReEncodeFrame(GizwitsCommand.Business, body, n));
        }

        [Fact]
        public void Enterprise_write_sets_power_only()
        {
            // 01 | attr_flags 01 = bit 0 → id 0 (Power) | attr_vals 01 00 00 10:
            //   Power = 1 (bit 0 of byte 0, flagged); Level 0 and Color_Temp 16 are carried but unflagged.
            Product p = P0TestData.VectorsProduct();
            Row row = Get("enterprise-write");
            (_, P0Message m, P0Error error) = DecodeRow(row, p);
            Assert.Equal(P0Error.None, error);
            Assert.Equal(P0Action.Write, m.Action);
            Assert.Equal(new[] { 0 }, P0TestData.FlaggedIds(m.Flagged));
            Assert.True(m.Values.GetBool(0));

            var live = new DataPointValues(p);
            live.Set(1, 200);
            live.CopyFlagged(m.Values, m.Flagged);
            Assert.Equal(new long[] { 1, 200, 0 }, new[] { live.Get(0), live.Get(1), live.Get(2) });

            byte[] body = new byte[p.MaxMessageSize];
            Assert.Equal(P0Error.None, P0Writer.WriteWrite(m.Values, m.Flagged, body, 0, out int n));
            Assert.Equal(row.BodyHex, P0TestData.ToHex(body, 0, n));
            Assert.Equal(row.FrameHex, ReEncodeFrame(GizwitsCommand.Business, body, n));
        }

        [Fact]
        public void Docs_read_is_a_read()
        {
            Product p = P0TestData.VectorsProduct();
            Row row = Get("docs-read");
            (_, P0Message m, P0Error error) = DecodeRow(row, p);
            Assert.Equal(P0Error.None, error);
            Assert.Equal(P0Action.Read, m.Action);
            Assert.Equal(0, m.FlaggedCount);

            byte[] body = new byte[4];
            Assert.Equal(P0Error.None, P0Writer.WriteRead(body, 0, out int n));
            Assert.Equal(row.FrameHex, ReEncodeFrame(GizwitsCommand.Business, body, n));
        }

        [Fact]
        public void Ack_body_is_not_a_full_status_of_this_product()
        {
            // ack: 0x0094, sn 0xdeadbeef, business data 03 01 02 → action 03 (read reply) with a 2-byte body.
            // No product can make it a full status while docs-report fixes the full status at 7 bytes, so the
            // consistent reading is: a read reply of the wrong length, refused, nothing flagged.
            Product p = P0TestData.VectorsProduct();
            Row row = Get("ack");
            (FrameReader frame, P0Message m, P0Error error) = DecodeRow(row, p);
            Assert.Equal(GizwitsCommand.BusinessWithSnAck, frame.Command);
            Assert.Equal(0xdeadbeefu, frame.Sn);
            Assert.Equal(uint.Parse(row.Sn, System.Globalization.CultureInfo.InvariantCulture), frame.Sn);
            Assert.Equal(P0Error.WrongLength, error);
            Assert.Equal(P0Action.ReadReply, m.Action);
            Assert.Equal(0, m.FlaggedCount);

            byte[] body = P0TestData.Hex(row.BodyHex);
            byte[] again = new byte[32];
            Assert.Equal(FrameError.None, FrameWriter.WriteBusinessWithSn(again, 0, GizwitsCommand.BusinessWithSnAck, frame.Sn, body, 0, body.Length, out int n));
            Assert.Equal(row.FrameHex, P0TestData.ToHex(again, 0, n));
        }
    }
}
