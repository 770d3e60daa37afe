using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DeviceFirmware.Benchmarks.Naive;
using DeviceFirmware.Protocol.Frames;

namespace DeviceFirmware.Benchmarks
{
    /// <summary>
    /// Encode of one frame per command: FrameWriter into a preallocated buffer against the naive
    /// baseline (BinaryWriter over MemoryStreams, Encoding.UTF8, a new byte[] per frame). The inputs
    /// (strings, business data, the baseline's frame objects) exist before the measurement. Each
    /// category is one command; Ratio compares with that command's baseline.
    /// </summary>
    [MemoryDiagnoser]
    [CategoriesColumn]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    public class FrameEncodeBenchmarks
    {
        private readonly byte[] buffer = new byte[FrameLimits.MaxHeaderLength + 1024];
        private byte[] data = null!;
        private NaiveFrame settings = null!, settingsAck = null!, log = null!, business = null!, businessReply = null!, online = null!, withSn = null!, withSnAck = null!;

        [GlobalSetup]
        public void Setup()
        {
            SampleFrames.VerifyBaselineAgrees();
            data = SampleFrames.BusinessData();
            settings = SampleFrames.Naive(GizwitsCommand.Settings);
            settingsAck = SampleFrames.Naive(GizwitsCommand.SettingsAck);
            log = SampleFrames.Naive(GizwitsCommand.Log);
            business = SampleFrames.Naive(GizwitsCommand.Business);
            businessReply = SampleFrames.Naive(GizwitsCommand.BusinessReply);
            online = SampleFrames.Naive(GizwitsCommand.DeviceOnline);
            withSn = SampleFrames.Naive(GizwitsCommand.BusinessWithSn);
            withSnAck = SampleFrames.Naive(GizwitsCommand.BusinessWithSnAck);
        }

        [Benchmark(Baseline = true), BenchmarkCategory("0x0010")]
        public byte[] Naive_0010() => NaiveFrameCodec.Encode(settings);

        [Benchmark, BenchmarkCategory("0x0010")]
        public int Writer_0010()
        {
            FrameWriter.WriteSettings(buffer, 0, SampleFrames.Settings, out int length);
            return length;
        }

        [Benchmark(Baseline = true), BenchmarkCategory("0x0011")]
        public byte[] Naive_0011() => NaiveFrameCodec.Encode(settingsAck);

        [Benchmark, BenchmarkCategory("0x0011")]
        public int Writer_0011()
        {
            FrameWriter.WriteSettingsAck(buffer, 0, out int length);
            return length;
        }

        [Benchmark(Baseline = true), BenchmarkCategory("0x0012")]
        public byte[] Naive_0012() => NaiveFrameCodec.Encode(log);

        [Benchmark, BenchmarkCategory("0x0012")]
        public int Writer_0012()
        {
            FrameWriter.WriteLog(buffer, 0, SampleFrames.LogLevel, SampleFrames.Tag, SampleFrames.Source, SampleFrames.Content, out int length);
            return length;
        }

        [Benchmark(Baseline = true), BenchmarkCategory("0x0090")]
        public byte[] Naive_0090() => NaiveFrameCodec.Encode(business);

        [Benchmark, BenchmarkCategory("0x0090")]
        public int Writer_0090()
        {
            FrameWriter.WriteBusiness(buffer, 0, GizwitsCommand.Business, data, 0, data.Length, out int length);
            return length;
        }

        [Benchmark(Baseline = true), BenchmarkCategory("0x0091")]
        public byte[] Naive_0091() => NaiveFrameCodec.Encode(businessReply);

        [Benchmark, BenchmarkCategory("0x0091")]
        public int Writer_0091()
        {
            FrameWriter.WriteBusiness(buffer, 0, GizwitsCommand.BusinessReply, data, 0, data.Length, out int length);
            return length;
        }

        [Benchmark(Baseline = true), BenchmarkCategory("0x0092")]
        public byte[] Naive_0092() => NaiveFrameCodec.Encode(online);

        [Benchmark, BenchmarkCategory("0x0092")]
        public int Writer_0092()
        {
            FrameWriter.WriteDeviceOnline(buffer, 0, SampleFrames.Mac, SampleFrames.Passcode, true, FrameLimits.ProtocolVersion, SampleFrames.BusinessVersion, out int length);
            return length;
        }

        [Benchmark(Baseline = true), BenchmarkCategory("0x0093")]
        public byte[] Naive_0093() => NaiveFrameCodec.Encode(withSn);

        [Benchmark, BenchmarkCategory("0x0093")]
        public int Writer_0093()
        {
            FrameWriter.WriteBusinessWithSn(buffer, 0, GizwitsCommand.BusinessWithSn, SampleFrames.Sn, data, 0, data.Length, out int length);
            return length;
        }

        /// <summary>Key case: 0x0094 with a 12-byte body.</summary>
        [Benchmark(Baseline = true), BenchmarkCategory("0x0094")]
        public byte[] Naive_0094() => NaiveFrameCodec.Encode(withSnAck);

        [Benchmark, BenchmarkCategory("0x0094")]
        public int Writer_0094()
        {
            FrameWriter.WriteBusinessWithSn(buffer, 0, GizwitsCommand.BusinessWithSnAck, SampleFrames.Sn, data, 0, data.Length, out int length);
            return length;
        }
    }
}
