using System;
using BenchmarkDotNet.Attributes;
using DeviceFirmware.Core;
using DeviceFirmware.Core.Board;
using DeviceFirmware.Core.Device;
using DeviceFirmware.Iot.Config;
using DeviceFirmware.Iot.Simulation;
using DeviceFirmware.Protocol.P0;

namespace DeviceFirmware.Benchmarks.Core
{
    /// <summary>
    /// One App command through the whole device core: frame decoded, P0 applied, pin written through the board's
    /// driver, 0x0094 encoded (and, for a write, the 0x0091 status broadcast encoded). The transport only counts.
    /// "simulated" drives the simulated board's GpioDriver under System.Device.Gpio's GpioController, as the demo does;
    /// "no pins" is the core on the shared FakePinDriver with a muted journal (a dictionary write per pin call, nothing
    /// allocated).
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
            Product product = BenchRepo.GoKit();
            if (!BoardFile.TryLoad(BenchRepo.File("hardware", "boards", "simulated.json"), product, out BoardMap map, out string error)) throw new InvalidOperationException(error);
            IPinDriver pins;
            if (Pins == "simulated")
            {
                board = SimulatedBoard.For(map);
                pins = board.PinDriver;
            }
            else
            {
                pins = new FakePinDriver(new Journal { Record = false });
            }

            core = new DeviceCore(new DeviceConfig { Did = Did, Passcode = "PASSCODEAB", Product = product, Board = map }, new FakeClock { NowMs = 1000 }, new FakeTransport { Online = true, Record = false }, pins, null!, null!);
            core.Start();
            core.Tick();
            core.OnConnected();

            writes[0] = BenchRepo.WriteRelay(product, 0);
            writes[1] = BenchRepo.WriteRelay(product, 1);
            read = BenchRepo.ReadStatus();
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

        private byte[] Stamp(byte[] frame)
        {
            BenchRepo.StampSn(frame, ++sn);
            return frame;
        }
    }
}
