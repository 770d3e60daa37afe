using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DeviceFirmware.Benchmarks.Naive;
using DeviceFirmware.Protocol.Frames;

namespace DeviceFirmware.Benchmarks
{
    /// <summary>
    /// Decode of one frame per command: FrameReader (one reused instance, fields as offsets) against the
    /// naive baseline (MemoryStream + BinaryReader, a new object, arrays and strings per frame). Each
    /// category is one command; Ratio compares with that command's baseline.
    /// </summary>
    [MemoryDiagnoser]
    [CategoriesColumn]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    public class FrameDecodeBenchmarks
    {
        private readonly FrameReader reader = new FrameReader();
        private byte[] settings = null!, settingsAck = null!, log = null!, business = null!, businessReply = null!, online = null!, withSn = null!, withSnAck = null!;

        [GlobalSetup]
        public void Setup()
        {
            SampleFrames.VerifyBaselineAgrees();
            settings = SampleFrames.Frame(GizwitsCommand.Settings);
            settingsAck = SampleFrames.Frame(GizwitsCommand.SettingsAck);
            log = SampleFrames.Frame(GizwitsCommand.Log);
            business = SampleFrames.Frame(GizwitsCommand.Business);
            businessReply = SampleFrames.Frame(GizwitsCommand.BusinessReply);
            online = SampleFrames.Frame(GizwitsCommand.DeviceOnline);
            withSn = SampleFrames.Frame(GizwitsCommand.BusinessWithSn);
            withSnAck = SampleFrames.Frame(GizwitsCommand.BusinessWithSnAck);
        }

        [Benchmark(Baseline = true), BenchmarkCategory("0x0010")]
        public NaiveFrame Naive_0010() => NaiveFrameCodec.Decode(settings);

        [Benchmark, BenchmarkCategory("0x0010")]
        public int Reader_0010() => Decode(settings) + reader.Settings;

        [Benchmark(Baseline = true), BenchmarkCategory("0x0011")]
        public NaiveFrame Naive_0011() => NaiveFrameCodec.Decode(settingsAck);

        [Benchmark, BenchmarkCategory("0x0011")]
        public int Reader_0011() => Decode(settingsAck) + reader.Command;

        [Benchmark(Baseline = true), BenchmarkCategory("0x0012")]
        public NaiveFrame Naive_0012() => NaiveFrameCodec.Decode(log);

        [Benchmark, BenchmarkCategory("0x0012")]
        public int Reader_0012() => Decode(log) + reader.ContentLength;

        [Benchmark(Baseline = true), BenchmarkCategory("0x0090")]
        public NaiveFrame Naive_0090() => NaiveFrameCodec.Decode(business);

        [Benchmark, BenchmarkCategory("0x0090")]
        public int Reader_0090() => Decode(business) + reader.BodyLength;

        [Benchmark(Baseline = true), BenchmarkCategory("0x0091")]
        public NaiveFrame Naive_0091() => NaiveFrameCodec.Decode(businessReply);

        [Benchmark, BenchmarkCategory("0x0091")]
        public int Reader_0091() => Decode(businessReply) + reader.BodyLength;

        [Benchmark(Baseline = true), BenchmarkCategory("0x0092")]
        public NaiveFrame Naive_0092() => NaiveFrameCodec.Decode(online);

        [Benchmark, BenchmarkCategory("0x0092")]
        public int Reader_0092() => Decode(online) + reader.BusinessVersionLength;

        /// <summary>Key case: 0x0093 with a 12-byte body.</summary>
        [Benchmark(Baseline = true), BenchmarkCategory("0x0093")]
        public NaiveFrame Naive_0093() => NaiveFrameCodec.Decode(withSn);

        [Benchmark, BenchmarkCategory("0x0093")]
        public int Reader_0093() => Decode(withSn) + (int)reader.Sn + reader.BodyLength;

        [Benchmark(Baseline = true), BenchmarkCategory("0x0094")]
        public NaiveFrame Naive_0094() => NaiveFrameCodec.Decode(withSnAck);

        [Benchmark, BenchmarkCategory("0x0094")]
        public int Reader_0094() => Decode(withSnAck) + (int)reader.Sn + reader.BodyLength;

        private int Decode(byte[] frame) => (int)reader.Decode(frame, 0, frame.Length);
    }
}
