using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using DeviceFirmware.Core;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Iot.Config;
using DeviceFirmware.Iot.Simulation;
using DeviceFirmware.Protocol.Frames;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Benchmarks.Core
{
    /// <summary>
    /// One App command through the whole device core: frame decoded, P0 applied, pin written through the board's
    /// driver, 0x0094 encoded (and, for a write, the 0x0091 status broadcast encoded). The transport only counts.
    /// "simulated" drives the simulated board's GpioDriver under System.Device.Gpio's GpioController, as the demo does;
    /// "no pins" is the core alone.
    /// </summary>
    [MemoryDiagnoser]
    public class CoreCommandBenchmarks
    {
        private const string Did = "benchDevice1";
        private const string Topic = "app2dev/" + Did + "/usrBench1";
        private readonly byte[][] writes = new byte[2][];
        private byte[] read = Array.Empty<byte>();
        private DeviceCore core = null!;
        private SimulatedBoard? board;
        private uint sn;

        /// <summary>Where the pins go.</summary>
        [Params("simulated", "no pins")]
        public string Pins { get; set; } = "simulated";

        /// <summary>Builds the core on the GoKit product and the simulated board file, connected.</summary>
        [GlobalSetup]
        public void Setup()
        {
            string root = FindRoot();
            Product product = ProductJson.Load(Path.Combine(root, "hardware", "products", "gokit.json"));
            if (!BoardFile.TryLoad(Path.Combine(root, "hardware", "boards", "simulated.json"), product, out BoardMap map, out string error)) throw new InvalidOperationException(error);
            IPinDriver pins;
            if (Pins == "simulated")
            {
                board = SimulatedBoard.For(map);
                pins = board.PinDriver;
            }
            else
            {
                pins = new NoPins();
            }

            core = new DeviceCore(new DeviceConfig { Did = Did, Passcode = "PASSCODEAB", Product = product, Board = map }, new FixedClock(), new CountingTransport(), pins, null!, null!);
            core.Start();
            core.Tick();
            core.OnConnected();

            int relay = product.Find("Relay").Id;
            var values = new DataPointValues(product);
            var flagged = new bool[product.Points.Length];
            flagged[relay] = true;
            var p0 = new byte[product.MaxMessageSize];
            for (int level = 0; level < 2; level++)
            {
                values.Set(relay, level);
                P0Writer.WriteWrite(values, flagged, p0, 0, out int length);
                writes[level] = new byte[FrameWriter.FrameLength(4 + length)];
                FrameWriter.WriteBusinessWithSn(writes[level], 0, GizwitsCommand.BusinessWithSn, 0, p0, 0, length, out _);
            }

            P0Writer.WriteRead(p0, 0, out int readLength);
            read = new byte[FrameWriter.FrameLength(4 + readLength)];
            FrameWriter.WriteBusinessWithSn(read, 0, GizwitsCommand.BusinessWithSn, 0, p0, 0, readLength, out _);
        }

        /// <summary>Releases the simulated board.</summary>
        [GlobalCleanup]
        public void Cleanup() => board?.Dispose();

        /// <summary>0x0093 write Relay (toggling) → pin → 0x0094 + 0x0091 broadcast.</summary>
        [Benchmark]
        public int WriteRelay() => (int)core.OnMessage(Topic, Stamp(writes[sn & 1]), 0, writes[0].Length, false);

        /// <summary>0x0093 read → 0x0094 with the full status.</summary>
        [Benchmark]
        public int ReadStatus() => (int)core.OnMessage(Topic, Stamp(read), 0, read.Length, false);

        // A new sn each time, or the repeat window would answer from memory without running the command.
        private byte[] Stamp(byte[] frame)
        {
            sn++;
            frame[8] = (byte)(sn >> 24);
            frame[9] = (byte)(sn >> 16);
            frame[10] = (byte)(sn >> 8);
            frame[11] = (byte)sn;
            return frame;
        }

        private static string FindRoot()
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DeviceFirmware.sln"))) return dir.FullName;
            }

            throw new DirectoryNotFoundException("DeviceFirmware.sln not found above " + AppContext.BaseDirectory);
        }

        private sealed class FixedClock : IClock
        {
            public long NowMs => 1000;
        }
    }
}
