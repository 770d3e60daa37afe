using System;
using System.Linq;
using System.Threading.Tasks;
using DeviceFirmware.MockCloud.App;
using DeviceFirmware.Protocol.P0;
using Xunit;

namespace DeviceFirmware.Tests.Hil
{
    /// <summary>GoKit P0 writes by data point name (raw values), for the HIL scenarios.</summary>
    internal static class HilCommands
    {
        /// <summary>The P0 0x01 write of <paramref name="points"/> (name, raw value); the other points are not flagged.</summary>
        public static byte[] WriteP0(params (string Point, long Raw)[] points)
        {
            (DataPointValues values, bool[] flagged) = Write(points);
            byte[] buffer = new byte[HilWorld.GoKit.MaxMessageSize];
            Assert.Equal(P0Error.None, P0Writer.WriteWrite(values, flagged, buffer, 0, out int length));
            return buffer.AsSpan(0, length).ToArray();
        }

        /// <summary>Writes <paramref name="points"/> with a 0x0093 and returns the 0x0094.</summary>
        public static Task<DeviceStatusEvent> WriteAsync(this AppClient app, HilFirmware device, params (string Point, long Raw)[] points)
        {
            (DataPointValues values, bool[] flagged) = Write(points);
            return app.SendWriteWithReplyAsync(device.Did, values, flagged);
        }

        /// <summary>The simulated board's GPIO of output <paramref name="point"/> (hardware/boards/simulated.json).</summary>
        public static int OutputPin(string point)
        {
            using var board = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(Support.RepoPaths.Board("simulated")));
            return board.RootElement.GetProperty("outputs").EnumerateArray().First(o => o.GetProperty("point").GetString() == point).GetProperty("pin").GetInt32();
        }

        /// <summary>The simulated board's GPIO of input <paramref name="point"/>.</summary>
        public static int InputPin(string point)
        {
            using var board = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(Support.RepoPaths.Board("simulated")));
            return board.RootElement.GetProperty("inputs").EnumerateArray().First(o => o.GetProperty("point").GetString() == point).GetProperty("pin").GetInt32();
        }

        private static (DataPointValues Values, bool[] Flagged) Write((string Point, long Raw)[] points)
        {
            Product product = HilWorld.GoKit;
            var values = new DataPointValues(product);
            var flagged = new bool[product.Points.Length];
            foreach ((string point, long raw) in points)
            {
                int id = product.Find(point).Id;
                values.Set(id, raw);
                flagged[id] = true;
            }

            return (values, flagged);
        }
    }
}
