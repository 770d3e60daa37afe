using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Benchmarks
{
    /// <summary>What the core and end-to-end benchmarks share: the repository's files, the GoKit frames, a free port.</summary>
    internal static class BenchRepo
    {
        /// <summary>The repository root (the folder holding DeviceFirmware.sln), found from the running binary.</summary>
        public static string Root { get; } = FindRoot();

        public static string File(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        /// <summary>The integer after <paramref name="name"/> on the command line, or <paramref name="fallback"/>.</summary>
        public static int Option(string[] args, string name, int fallback)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }

        public static Product GoKit() => ProductJson.Load(File("hardware", "products", "gokit.json"));

        /// <summary>0x0093 with a P0 write of Relay = <paramref name="on"/>, sn 0 (see <see cref="StampSn"/>).</summary>
        public static byte[] WriteRelay(Product product, long on)
        {
            var values = new DataPointValues(product);
            var flagged = new bool[product.Points.Length];
            values.Set(product.Find("Relay").Id, on);
            flagged[product.Find("Relay").Id] = true;
            var p0 = new byte[product.MaxMessageSize];
            P0Writer.WriteWrite(values, flagged, p0, 0, out int p0Length);
            return WithSn(p0, p0Length);
        }

        /// <summary>0x0093 with a P0 read, sn 0.</summary>
        public static byte[] ReadStatus()
        {
            var p0 = new byte[1];
            P0Writer.WriteRead(p0, 0, out int p0Length);
            return WithSn(p0, p0Length);
        }

        /// <summary>Writes <paramref name="sn"/> into a 0x0093 built here (a new sn each time, or the repeat window answers from memory).</summary>
        public static void StampSn(byte[] frame, uint sn)
        {
            frame[8] = (byte)(sn >> 24);
            frame[9] = (byte)(sn >> 16);
            frame[10] = (byte)(sn >> 8);
            frame[11] = (byte)sn;
        }

        public static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static byte[] WithSn(byte[] p0, int p0Length)
        {
            var frame = new byte[FrameWriter.FrameLength(FrameLimits.SnLength + p0Length)];
            FrameWriter.WriteBusinessWithSn(frame, 0, GizwitsCommand.BusinessWithSn, 0, p0, 0, p0Length, out int length);
            return frame.AsSpan(0, length).ToArray();
        }

        private static string FindRoot()
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "DeviceFirmware.sln"))) return dir.FullName;
            }

            throw new DirectoryNotFoundException("DeviceFirmware.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
